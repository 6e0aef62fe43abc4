using Grid.Abstractions.Articles;
using Newtonsoft.Json;

namespace Grid.Grains.Articles;

/// <summary>
/// The article's revisions: which one the state holds, the older ones as they read (bounded by
/// <c>Grid:Articles:MaxRevisions</c>), and the paragraphs that changed since the previous one.
/// A state stored before revisions reads as revision 1 with none older.
/// </summary>
public sealed partial class ArticleState
{
    /// <summary>The revision this state is; 0 in states stored before revisions, which are revision 1.</summary>
    [Id(27)] public int Revision { get; set; }
    /// <summary>Older revisions as they read when replaced, oldest first, at most <c>MaxRevisions - 1</c>.</summary>
    [Id(28)] public List<ArticleRevision> OlderRevisions { get; set; } = [];
    /// <summary>Paragraphs (by index) whose Arabic the previous revision did not have.</summary>
    [Id(29)] public List<int> ChangedParagraphs { get; set; } = [];
    /// <summary>When this revision's text was given; null for revision 1 (its time is <see cref="SubmittedAt"/>).</summary>
    [Id(30)] public DateTimeOffset? RevisedAt { get; set; }

    [JsonIgnore]
    public int CurrentRevision => Math.Max(Revision, 1);

    /// <summary>The oldest revision still kept (this one when none older is).</summary>
    [JsonIgnore]
    public int OldestKeptRevision => OlderRevisions.Count > 0 ? OlderRevisions[0].Revision : CurrentRevision;
}
