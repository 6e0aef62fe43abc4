namespace Grid.Grains.Text;

/// <summary>A source line kept out of the article's text, and why (one of <see cref="OmissionReason"/>).</summary>
[GenerateSerializer, Immutable, Alias("grid.omitted-line")]
public sealed record OmittedLine(
    [property: Id(0)] string Text,
    [property: Id(1)] string Reason);
