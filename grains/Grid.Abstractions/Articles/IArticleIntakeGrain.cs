namespace Grid.Abstractions.Articles;

/// <summary>
/// The front door for submissions: derives the article id from the normalized text (or takes the
/// caller's) and hands the submission to that article's grain. Stateless; any silo can run it.
/// </summary>
[Alias("grid.IArticleIntakeGrain")]
public interface IArticleIntakeGrain : ISingletonGrain
{
    [Alias("submit")]
    Task<SubmitResult> SubmitAsync(ArticleSubmission submission);
}
