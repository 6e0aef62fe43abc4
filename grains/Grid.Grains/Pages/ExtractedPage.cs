namespace Grid.Grains.Pages;

/// <summary>A page's article as text for Grid's parser, and what the page says about it.</summary>
/// <param name="Text">Date line, headline, byline, then the body, one paragraph a line: the shape of a scraped article.</param>
/// <param name="SiteName">The publication, from the page's metadata.</param>
public sealed record ExtractedPage(string Text, string? Title, string? Byline, DateTimeOffset? Published, string? SiteName);
