using Grid.Abstractions.Articles;
using Grid.Abstractions.Translation;
using Grid.Grains.Articles;
using Grid.Grains.Translation;
using Grid.OllamaEmulator;

namespace Grid.Cluster.Tests.Durability;

/// <summary>
/// Variants in the paragraph cache through a two-silo cluster: two wire copies submitted together, whose glossaries
/// differ on a name of the paragraph they share, meet on that paragraph's one key (the claim is on the paragraph,
/// whatever the glossaries). The one that waits takes the other's English when it renders its own entry (a variant
/// spelling is replaced), and translates a variant of its own only when it needs another rendering.
/// </summary>
public sealed class ParagraphVariantTests
{
    private const string Model = "qwen2.5:7b";
    private const string Shared = "وقال كيربي في مؤتمر صحفي إن الوفد العراقي وصل إلى واشنطن مساء الخميس لبحث الملفات الأربعة.";
    private const string FirstOwn = "أعلن المتحدث أن الاجتماع سيعقد في البنتاغون اليوم.";
    private const string SecondOwn = "نقلت وكالات الأنباء عن مصادر رسمية تفاصيل الزيارة.";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task TwoCopiesSubmittedTogetherWhoseGlossariesSpellANameOfASharedParagraphTwoWaysPayForItOnce()
    {
        var (first, second, paid, variants) = await SubmitTogetherAsync(firstRendering: "Kirby", secondRendering: "Kirbi");

        Assert.Equal(1, paid);
        Assert.Single(variants);
        Assert.Contains("Kirby", first.Paragraphs[1].En);
        Assert.Contains("Kirbi", second.Paragraphs[1].En);
        Assert.DoesNotContain("Kirby", second.Paragraphs[1].En);
        Assert.Equal(1, first.Usage.CachedParagraphs + second.Usage.CachedParagraphs);
    }

    [Fact]
    public async Task TwoCopiesSubmittedTogetherWhoseGlossariesRenderANameOfASharedParagraphOtherwisePayForItTwiceAndKeepAVariantEach()
    {
        var (first, second, paid, variants) = await SubmitTogetherAsync(firstRendering: "Kirby", secondRendering: "Curtis");

        Assert.Equal(2, paid);
        Assert.Equal(2, variants.Count);
        Assert.Contains("Kirby", first.Paragraphs[1].En);
        Assert.DoesNotContain("Curtis", first.Paragraphs[1].En);
        Assert.Contains("Curtis", second.Paragraphs[1].En);
        Assert.DoesNotContain("Kirby", second.Paragraphs[1].En);
        Assert.Equal(0, first.Usage.CachedParagraphs + second.Usage.CachedParagraphs);
    }

    /// <summary>
    /// Submits the two copies at once (a slow first token keeps the first translation out while the other copy looks the
    /// paragraph up) and waits for both: their views, how many translation requests carried the shared paragraph, and its variants.
    /// </summary>
    private static async Task<(ArticleView First, ArticleView Second, int Paid, IReadOnlyList<ParagraphTranslation> Variants)> SubmitTogetherAsync(string firstRendering, string secondRendering)
    {
        await using var grid = await EmulatedGrid.StartAsync(silos: 2, emulatorOptions: new EmulatorOptions { Slots = 4, TokensPerSecond = 0, TtftMs = 1500 },
            settings: new Dictionary<string, string?>
            {
                // The default budget: each copy is one chunk, so the caller's glossary is the article's (no glossary call).
                ["Grid:Articles:ChunkTokens"] = "600",
                ["Grid:Translation:ContextInCacheKey"] = "false",
            });
        using var timeout = new CancellationTokenSource(Patience);
        var receipts = await Task.WhenAll(
            grid.Grid.SubmitAsync(new ArticleSubmission($"{FirstOwn}\n\n{Shared}", Glossary: [new GlossaryEntry("كيربي", firstRendering, "person")])),
            grid.Grid.SubmitAsync(new ArticleSubmission($"{SecondOwn}\n\n{Shared}", Glossary: [new GlossaryEntry("كيربي", secondRendering, "person")])));
        var views = await Task.WhenAll(receipts.Select(receipt => FinishedAsync(grid, receipt.Id!, timeout.Token)));

        Assert.All(views, view => Assert.Equal(ArticleStatus.Completed, view.Status));
        var paid = grid.Emulator.Requests.Count(request => request.Served && request.Task == "translation" && request.LastUserMessage!.Contains(Shared));
        var cache = grid.Client.GetGrain<IParagraphTranslationGrain>(SharedKey());
        // Kept one way as the answer is accepted: a variant may land just after its article finished.
        IReadOnlyList<ParagraphTranslation> variants = [];
        await Poll.UntilAsync(() => $"{paid} variant(s) of the shared paragraph kept (found {variants.Count})",
            async () => (variants = await cache.GetVariantsAsync()).Count >= paid, Patience);
        return (views[0], views[1], paid, variants);
    }

    /// <summary>The shared paragraph's key as the silo computes it: without the glossary, so any copy's plan gives it.</summary>
    private static string SharedKey()
    {
        var options = new ArticleOptions { ChunkTokens = 600 };
        var translation = new TranslationOptions { ContextInCacheKey = false };
        var plan = ArticleDraft.Create(new ArticleSubmission($"{FirstOwn}\n\n{Shared}"), options, Model, translation).State!.Plan!;
        return plan.ParagraphKeys(PlanSettings.From(options, Model, translation)).Single(key => key.Paragraph == 1).Key;
    }

    private static async Task<ArticleView> FinishedAsync(EmulatedGrid grid, string id, CancellationToken cancellationToken)
    {
        try
        {
            return await grid.Grid.WaitAsync(id, cancellationToken: cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Article {id} did not finish within {Patience}: it still waits ({(await grid.Grid.GetProgressAsync(id))?.Status}).");
        }
    }
}
