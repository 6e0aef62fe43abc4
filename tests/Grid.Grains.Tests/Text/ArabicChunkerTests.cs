using Grid.Grains.Text;

namespace Grid.Grains.Tests.Text;

public sealed class ArabicChunkerTests
{
    private static ArabicChunker ChunkerOf(int maxTokens) =>
        new(new ChunkingOptions { MaxTokensPerChunk = maxTokens, CharsPerToken = 1 });

    [Fact]
    public void TheDefaultsAreSixHundredTokensAtThreeCharactersEach()
    {
        var options = new ChunkingOptions();

        Assert.Equal(600, options.MaxTokensPerChunk);
        Assert.Equal(3.0, options.CharsPerToken);
        Assert.Equal(2, new TokenEstimator(options.CharsPerToken).Estimate("أعلن"));
    }

    [Fact]
    public void ParagraphsThatFitTogetherShareAChunk()
    {
        var chunks = ChunkerOf(100).Chunk(["فقرة أولى.", "فقرة ثانية."]);

        var chunk = Assert.Single(chunks);
        Assert.Equal("فقرة أولى.\n\nفقرة ثانية.", chunk.Text);
        Assert.Equal([0, 1], chunk.Segments.Select(segment => segment.ParagraphIndex));
    }

    [Fact]
    public void AParagraphThatDoesNotFitTheRestOfAChunkStartsTheNext()
    {
        var chunks = ChunkerOf(20).Chunk(["فقرة أولى.", "فقرة ثانية طويلة."]);

        Assert.Equal(["فقرة أولى.", "فقرة ثانية طويلة."], chunks.Select(chunk => chunk.Text));
        Assert.Equal([0, 1], chunks.Select(chunk => chunk.Index));
    }

    [Fact]
    public void ALongParagraphIsCutBetweenSentences()
    {
        const string paragraph = "الجملة الأولى هنا. الجملة الثانية هنا؟ الجملة الثالثة هنا!";

        var chunks = ChunkerOf(40).Chunk([paragraph]);

        Assert.Equal(["الجملة الأولى هنا. الجملة الثانية هنا؟", "الجملة الثالثة هنا!"], chunks.Select(chunk => chunk.Text));
        Assert.All(chunks, chunk => Assert.Equal(0, Assert.Single(chunk.Segments).ParagraphIndex));
    }

    [Fact]
    public void ASentenceTooLongForTheBudgetIsCutAtArabicCommasFirst()
    {
        const string sentence = "قال المتحدث، في تصريح للتلفزيون؛ إن الاجتماع سيعقد غدا.";

        var chunks = ChunkerOf(32).Chunk([sentence]);

        Assert.Equal(["قال المتحدث، في تصريح للتلفزيون؛", "إن الاجتماع سيعقد غدا."], chunks.Select(chunk => chunk.Text));
    }

    [Fact]
    public void AClauseTooLongForTheBudgetIsCutBetweenWords()
    {
        var chunks = ChunkerOf(10).Chunk(["كلمة كلمة كلمة كلمة"]);

        Assert.Equal(["كلمة كلمة", "كلمة كلمة"], chunks.Select(chunk => chunk.Text));
    }

    [Fact]
    public void AWordLongerThanTheBudgetStandsAloneInItsChunk()
    {
        var word = new string('ك', 30);

        var chunks = ChunkerOf(10).Chunk([$"قبل {word} بعد."]);

        Assert.Equal(["قبل", word, "بعد."], chunks.Select(chunk => chunk.Text));
    }

    [Fact]
    public void ASentenceEndInsideClosingQuotesIsABoundary()
    {
        var chunks = ChunkerOf(20).Chunk(["قال: «انتهى الأمر.» ثم غادر القاعة."]);

        Assert.Equal(["قال: «انتهى الأمر.»", "ثم غادر القاعة."], chunks.Select(chunk => chunk.Text));
    }

    [Fact]
    public void ADecimalPointIsNotASentenceEnd()
    {
        var chunks = ChunkerOf(40).Chunk(["ارتفع النمو 3.5 بالمئة هذا العام. وتراجع التضخم."]);

        Assert.Equal("ارتفع النمو 3.5 بالمئة هذا العام.", chunks[0].Text);
    }

    [Fact]
    public void ABlankLineInsideAParagraphNeverReachesASegment()
    {
        var chunks = ChunkerOf(100).Chunk(["سطر أول.\n\n\nسطر ثان."]);

        Assert.Equal("سطر أول.\nسطر ثان.", Assert.Single(Assert.Single(chunks).Segments).Text);
    }

    [Fact]
    public void BlankParagraphsProduceNoSegments()
    {
        var chunks = ChunkerOf(100).Chunk(["", "فقرة.", "  "]);

        Assert.Equal(1, Assert.Single(Assert.Single(chunks).Segments).ParagraphIndex);
    }

    [Fact]
    public void NoParagraphsMakeNoChunks() =>
        Assert.Empty(ChunkerOf(100).Chunk([]));

    [Fact]
    public void AnImpossibleBudgetIsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArabicChunker(new ChunkingOptions { MaxTokensPerChunk = 0 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArabicChunker(new ChunkingOptions { CharsPerToken = 0 }));
    }

    [Fact]
    public void TheSeedArticleKeepsWholeParagraphsUnderTheDefaultBudgetAndSplitsUnderASmallOne()
    {
        var paragraphs = ArticleParser.Parse(SampleArticle.Text).Paragraphs;

        var whole = new ArabicChunker(new ChunkingOptions()).Chunk(paragraphs);
        var small = new ArabicChunker(new ChunkingOptions { MaxTokensPerChunk = 60 }).Chunk(paragraphs);

        Assert.Equal(paragraphs, whole.SelectMany(chunk => chunk.Segments).Select(segment => segment.Text));
        Assert.True(small.Length > paragraphs.Length);
        Assert.All(small, chunk => Assert.True(new TokenEstimator(3.0).Estimate(chunk.Text) <= 60));
    }
}
