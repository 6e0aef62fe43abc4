using Grid.Grains.Text;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Grid.Grains.Tests.Text;

public sealed class TextSerializationTests
{
    private readonly Serializer serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public void AParsedArticleSurvivesOrleansSerialization()
    {
        var article = ArticleParser.Parse(SampleArticle.Text);

        var copy = Assert.IsType<ParsedArticle>(serializer.Deserialize<ParsedArticle>(serializer.SerializeToArray(article)));

        Assert.Equal(article, copy);
    }

    [Fact]
    public void AChunkSurvivesOrleansSerializationWithItsText()
    {
        var chunk = new TextChunk(3, [new ChunkSegment(7, "الجزء الأول."), new ChunkSegment(8, "الفقرة التالية.")]);

        var copy = Assert.IsType<TextChunk>(serializer.Deserialize<TextChunk>(serializer.SerializeToArray(chunk)));

        Assert.Equal(chunk, copy);
        Assert.Equal("الجزء الأول.\n\nالفقرة التالية.", copy.Text);
    }
}
