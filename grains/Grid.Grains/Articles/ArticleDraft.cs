using System.Collections.Immutable;
using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Glossary;
using Grid.Grains.Text;
using Grid.Grains.Translation;

namespace Grid.Grains.Articles;

/// <summary>A submission checked, parsed and planned (<see cref="ArticlePlan.Create"/>), ready to store; or the reason it cannot be.</summary>
public sealed record ArticleDraft(ArticleState? State, SubmitRejection? Rejection)
{
    public static ArticleDraft Create(ArticleSubmission submission, ArticleOptions options, string model, TranslationOptions? translation = null)
    {
        translation ??= new TranslationOptions();
        if (SubmissionValidator.Check(submission, options) is { } rejection)
            return new(null, rejection);

        var userGlossary = UserGlossary(submission);
        if (GlossaryRules.ProblemWith(userGlossary) is { } glossaryProblem)
            return Refuse(RejectionKind.InvalidGlossary, $"The glossary cannot be used: {glossaryProblem}. Give each entry an Arabic 'source', a Latin-script 'english' and, optionally, a 'kind' ({string.Join(", ", GlossaryRules.Kinds)}).");

        var parsed = ArticleParser.Parse(TextNormalizer.Normalize(submission.Text));
        if (parsed.Paragraphs.IsEmpty)
            return Refuse(RejectionKind.NoBody, "No article body was found: the text has no paragraph of Arabic prose.");

        var settings = PlanSettings.From(options, model, translation);
        var glossary = ArticleGlossary.Merge(translation.ConfiguredGlossary(), userGlossary);
        var plan = ArticlePlan.Create(TitleOf(submission, parsed), parsed.Paragraphs, glossary, submission.Mode, settings);
        if (plan.ChunksTotal > options.MaxChunks)
            return Refuse(RejectionKind.TooManyChunks,
                $"The article needs {plan.ChunksTotal} chunks; the limit is {options.MaxChunks} (Grid:Articles:MaxChunks). Split it or raise the limit.");

        var now = DateTimeOffset.UtcNow;
        var state = new ArticleState
        {
            Submission = submission,
            Parsed = parsed,
            Plan = plan,
            Status = ArticleStatus.Queued,
            SubmittedAt = now,
            RoundStartedAt = now,
        };
        return new(state, null);
    }

    /// <summary>The caller's title wins over the parsed one.</summary>
    public static string? TitleOf(ArticleSubmission submission, ParsedArticle parsed) =>
        string.IsNullOrWhiteSpace(submission.Title) ? parsed.Title : TextNormalizer.Normalize(submission.Title);

    public static ImmutableArray<GlossaryEntry> UserGlossary(ArticleSubmission submission) =>
        submission.Glossary.IsDefault ? [] : [.. submission.Glossary.Select(entry => GlossaryRules.Tidy(entry, GlossaryOrigin.User))];

    private static ArticleDraft Refuse(RejectionKind kind, string detail) => new(null, new SubmitRejection(kind, detail));
}
