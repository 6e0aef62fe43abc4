namespace Grid.Silo.Api;

/// <summary>The JSON body of <c>POST /api/articles</c>.</summary>
public sealed record SubmitArticleRequest(string? Text, string? Title = null, string? Url = null, string? Source = null, string? Id = null);
