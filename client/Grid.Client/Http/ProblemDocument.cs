namespace Grid.Client.Http;

/// <summary>An <c>application/problem+json</c> answer: its <c>type</c> ends with the kind of problem (<c>.../problems/no-arabic</c>).</summary>
internal sealed record ProblemDocument(string? Type, string? Title, string? Detail, int? Status)
{
    public string Kind => Type is null ? "" : Type[(Type.LastIndexOf('/') + 1)..];
}
