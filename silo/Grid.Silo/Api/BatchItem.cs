using Grid.Abstractions.Articles;
using Microsoft.AspNetCore.Mvc;

namespace Grid.Silo.Api;

/// <summary>One article of a batch as read: a submission, or why it could not be read.</summary>
public sealed record BatchItem(ArticleSubmission? Submission, ProblemDetails? Problem);
