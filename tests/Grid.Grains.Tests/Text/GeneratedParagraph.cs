namespace Grid.Grains.Tests.Text;

/// <summary>A generated paragraph and where each of its sentences sits in it.</summary>
internal sealed record GeneratedParagraph(string Text, IReadOnlyList<Range> Sentences);
