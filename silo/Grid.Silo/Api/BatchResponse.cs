using System.Collections.Immutable;

namespace Grid.Silo.Api;

/// <summary>The answer to <c>POST /api/articles/batch</c>: one item per article, in the batch's order.</summary>
public sealed record BatchResponse(int Accepted, int Refused, ImmutableArray<BatchItemResponse> Items)
{
    public static BatchResponse From(ImmutableArray<BatchItemResponse> items)
    {
        var refused = items.Count(item => item.Problem is not null);
        return new(items.Length - refused, refused, items);
    }
}
