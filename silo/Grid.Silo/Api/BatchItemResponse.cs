using System.Text.Json.Serialization;
using Grid.Abstractions.Articles;
using Microsoft.AspNetCore.Mvc;

namespace Grid.Silo.Api;

/// <summary>The answer for one article of a batch, at its place in the batch: where the article is, or the problem with it.</summary>
public sealed record BatchItemResponse(
    int Index,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Id = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ArticleStatus? Status = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? AlreadyKnown = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Location = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ProblemDetails? Problem = null)
{
    public static BatchItemResponse Accepted(int index, SubmitReceipt receipt) =>
        new(index, receipt.Id, receipt.Status, receipt.AlreadyKnown, $"/api/articles/{receipt.Id}");

    public static BatchItemResponse Refused(int index, ProblemDetails problem) => new(index, Problem: problem);
}
