using Grid.Abstractions.Translation;
using Grid.Grains.Glossary;

namespace Grid.Grains.Tests.Glossary;

public sealed class GlossaryValidatorTests
{
    private const string Article = "قال “كيربي” إن (البنتاغون) مستعد.\n\nوأضاف كيربي أن البنتاغون جاهز.";

    [Fact]
    public void UsableEntriesAreKeptAndTheRestDroppedAndReported()
    {
        var check = GlossaryValidator.Check("""
            {"entries": [
              {"source": "كيربي", "english": "Kirby", "kind": "Person"},
              {"source": "البنتاغون", "english": "the Pentagon", "kind": "agency"},
              {"source": "بغداد", "english": "Baghdad", "kind": "place"},
              {"source": "كيربي", "english": "Kerby", "kind": "person"},
              {"source": "مستعد", "english": "مستعد", "kind": "term"},
              {"english": "orphan"}
            ]}
            """, Article);

        Assert.True(check.Accepted, check.Problem);
        Assert.Equal([new GlossaryEntry("كيربي", "Kirby", "person", GlossaryOrigin.Extracted), new GlossaryEntry("البنتاغون", "the Pentagon", "term", GlossaryOrigin.Extracted)], check.Value.ToArray());
        Assert.Equal("dropped 4 unusable glossary entries", Assert.Single(check.Repairs));
    }

    [Theory]
    [InlineData("Here is the glossary: {}")]
    [InlineData("[]")]
    [InlineData("{\"terms\": []}")]
    [InlineData("{\"entries\": [{\"source\": \"بغداد\", \"english\": \"Baghdad\"}]}")]
    public void AnAnswerThatIsNotAGlossaryOfThisArticleIsRejected(string answer) =>
        Assert.False(GlossaryValidator.Check(answer, Article).Accepted);

    [Fact]
    public void AnArticleWithoutNamesMayHaveAnEmptyGlossary() =>
        Assert.Empty(GlossaryValidator.Check("{\"entries\": []}", Article).Value);

    [Fact]
    public void MergingKeepsTheUsersRenderingOverTheConfiguredAndTheExtractedOnes()
    {
        var merged = ArticleGlossary.Merge(
            [new("كيربي", "Kyrby", "person", GlossaryOrigin.Extracted), new("بغداد", "Baghdad", "place", GlossaryOrigin.Extracted)],
            [new("كيربي", "Kirbi", "person", GlossaryOrigin.Configuration)],
            [new("كِيربي", "Kirby", "person", GlossaryOrigin.User)]);

        Assert.Equal(["Baghdad", "Kirby"], merged.Select(entry => entry.English));
    }

    [Fact]
    public void AChunkCarriesExactlyTheEntriesThatOccurInIt()
    {
        var glossary = ArticleGlossary.Merge([new GlossaryEntry("كيربي", "Kirby"), new GlossaryEntry("البنتاغون", "the Pentagon"), new GlossaryEntry("بغداد", "Baghdad")]);
        Assert.Equal(["the Pentagon", "Kirby"], ArticleGlossary.OccurringIn(glossary, Article).Select(entry => entry.English));
    }
}
