using System.Collections.Immutable;
using Grid.Abstractions.Translation;
using Grid.Grains.Text;
using Newtonsoft.Json;

namespace Grid.Grains.Articles;

/// <summary>What the plan's answers read as: the title's and each paragraph's English, progress, gaps and warnings.</summary>
public sealed partial class ArticlePlan
{
    /// <summary>The title's English: the title itself when it has no Arabic, null until its answer is in (or when it failed).</summary>
    [JsonIgnore]
    public string? TitleEnglish =>
        Title is null ? null
        : TitleToTranslate is null ? Title
        : PiecesWithEnglish().FirstOrDefault(piece => piece.Piece.IsTitle).English;

    /// <summary>Each body paragraph's English, in order: from the paragraph cache, or its pieces' English joined, null until every piece is in.</summary>
    public ImmutableArray<string?> ParagraphEnglish()
    {
        var pieces = Paragraphs.Select(_ => new List<string?>()).ToList();
        foreach (var (piece, _, english) in PiecesWithEnglish().Where(piece => !piece.Piece.IsTitle))
            pieces[piece.Paragraph!.Value].Add(english);
        return [.. pieces.Select((parts, index) =>
            FromCache.TryGetValue(index, out var cached) ? cached
            : parts.Count > 0 && parts.All(part => part is not null) ? string.Join(' ', parts)
            : null)];
    }

    /// <summary>Units carrying body text: the article's chunks.</summary>
    [JsonIgnore]
    public int ChunksTotal => Units.Count(unit => unit.HasBody);

    /// <summary>Chunks with an answer, successful or not.</summary>
    [JsonIgnore]
    public int ChunksDone => Units.Count(unit => unit.HasBody && Answers.ContainsKey(unit.Index));

    /// <summary>Body paragraphs with a piece that ended untranslated: its unit failed, or left that piece out.</summary>
    public int MissingParagraphs() =>
        PiecesWithEnglish().Where(piece => !piece.Piece.IsTitle && piece.Answered && piece.English is null)
            .Select(piece => piece.Piece.Paragraph).Distinct().Count();

    /// <summary>Some answer failed or left a piece untranslated.</summary>
    [JsonIgnore]
    public bool HasIncompleteAnswers => Answers.Values.Any(result => !result.Complete);

    /// <summary>Some answer failed for want of a backend: no backend took it, or (counted apart, see the article) backends kept failing it.</summary>
    public bool HasFailure(LlmFailureKind kind) => Answers.Values.Any(result => result.Failure == kind);

    /// <summary>What the reader should know about the answers: failed units, text fixes, pieces left untranslated, renderings the glossary pass could not fix.</summary>
    public ImmutableArray<string> Warnings()
    {
        var warnings = ImmutableArray.CreateBuilder<string>();
        foreach (var unit in Units.Where(unit => Answers.ContainsKey(unit.Index)))
        {
            var result = Answers[unit.Index];
            if (!result.Succeeded)
                warnings.Add($"{unit.Where()}: not translated: {result.FailureDetail}");
            else if (!result.Repairs.IsDefaultOrEmpty)
                warnings.Add($"{unit.Where()}: {string.Join("; ", result.Repairs)}");
            if (result.Succeeded && !result.Untranslated.IsDefaultOrEmpty)
                warnings.AddRange(result.Untranslated.Select(gap => $"{unit.Pieces[gap.Segment].Name()} was left untranslated: {gap.Reason}"));
        }
        warnings.AddRange(GlossaryWarnings);
        return warnings.ToImmutable();
    }

    /// <summary>Every piece of every unit in order, with its English (null while unanswered, failed or left out).</summary>
    private IEnumerable<(PlanPiece Piece, bool Answered, string? English)> PiecesWithEnglish() =>
        Units.SelectMany(unit => unit.Pieces.Select((piece, segment) =>
            Answers.TryGetValue(unit.Index, out var answer) ? (piece, true, answer.EnglishOf(segment)) : (piece, false, (string?)null)));
}
