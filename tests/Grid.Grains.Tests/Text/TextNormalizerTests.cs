using Grid.Grains.Text;

namespace Grid.Grains.Tests.Text;

public sealed class TextNormalizerTests
{
    [Fact]
    public void LineEndsBecomeLineFeeds() =>
        Assert.Equal("أ\nب\nج", TextNormalizer.Normalize("أ\r\nب\rج"));

    [Fact]
    public void InvisibleAndBidiControlCharactersAreRemoved() =>
        Assert.Equal("بغداد واشنطن", TextNormalizer.Normalize("\uFEFF\u200Fبغ\u200Bداد\u202B \u2067واشنطن\u2069\u202C"));

    [Fact]
    public void NonBreakingSpacesAndTabsCollapseToOneSpace() =>
        Assert.Equal("وزارة الدفاع الأميركية", TextNormalizer.Normalize("وزارة\u00A0\u00A0الدفاع \t الأميركية"));

    [Fact]
    public void LinesAreTrimmedAndBlankLinesCollapseToOne() =>
        Assert.Equal("العنوان\n\nالفقرة الأولى\nالفقرة الثانية", TextNormalizer.Normalize("  العنوان  \n \n\t\n\n الفقرة الأولى \nالفقرة الثانية\n\n\n"));

    [Fact]
    public void ArabicIsComposedButDiacriticsAndTatweelAreKept()
    {
        const string decomposedAlefWithHamza = "\u0627\u0654";

        Assert.Equal("أعلن الـمتحدثُ", TextNormalizer.Normalize($"{decomposedAlefWithHamza}علن الـمتحدثُ"));
        Assert.Equal("أعلن", TextNormalizer.Normalize("\u0627\u200B\u0654علن"));
    }

    [Fact]
    public void UnpairedSurrogatesAreDroppedAndPairsKept() =>
        Assert.Equal("بغداد 😀", TextNormalizer.Normalize("بغ\uD800داد \uD83D\uDE00\uDC00"));

    [Fact]
    public void NormalizingTwiceChangesNothing()
    {
        var once = TextNormalizer.Normalize(SampleArticle.Text);

        Assert.Equal(once, TextNormalizer.Normalize(once));
    }

    [Fact]
    public void TheHashingFormDropsTatweelDiacriticsAndLatinCase() =>
        Assert.Equal("الكتاب wall street", TextNormalizer.ForHashing("الكـــتابُ Wall Street"));

    [Fact]
    public void TheSampleArticlesHashingFormIsWhatTheRulesSay() =>
        Assert.Equal(HashingFormTheLongWay(TextNormalizer.Normalize(SampleArticle.Text)), TextNormalizer.ForHashing(SampleArticle.Text));

    [Fact]
    public void TextAlreadyInItsFormIsGivenBackWithoutACopy()
    {
        var once = TextNormalizer.Normalize(SampleArticle.Text);

        Assert.Same(once, TextNormalizer.Normalize(once));
        var hashingForm = TextNormalizer.ForHashing(SampleArticle.Text);
        Assert.Same(hashingForm, TextNormalizer.ForHashing(hashingForm));
    }

    /// <summary>
    /// The shortcut (text already normal is given back) must agree with the long way on any text: random text of the
    /// characters each rule is about, much of it normal already or one character away from it.
    /// </summary>
    [Fact]
    public void TheShortcutGivesWhatTheLongWayGivesForAnyText()
    {
        char[] alphabet = ['ب', 'غ', 'د', 'ا', 'و', '\u0640', '\u064E', '\u0651', '\u0650', '\u0654', '\u0653', '\u0301', 'e', '\u1100', '\u1161', '\u2001', '“', 'W', 'a', 'Ä', 'Σ', '.', ' ', ' ', ' ', '\n', '\n', '\t', '\r', '\u00A0', '\u200B', '\u2028', '\u2029', '\u0085', '\u0007', '\uD83D', '\uDE00'];
        var random = new Random(2026);
        var (normal, changed) = (0, 0);
        for (var i = 0; i < 20_000; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 14)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            if (i % 2 == 0)
            {
                // Normal text, or normal text with one character changed: where the shortcut's decision is closest.
                text = TextNormalizer.Rebuild(text);
                if (i % 4 == 0 && text.Length > 0)
                    text = text.Remove(random.Next(text.Length), 1).Insert(random.Next(text.Length), alphabet[random.Next(alphabet.Length)].ToString());
            }
            var expected = TextNormalizer.Rebuild(text);
            Assert.Equal(expected, TextNormalizer.Normalize(text));
            Assert.Equal(HashingFormTheLongWay(expected), TextNormalizer.ForHashing(text));
            if (text.Length > 0)
                _ = TextNormalizer.IsNormal(text) ? normal++ : changed++;
        }
        Assert.True(normal > 2000 && changed > 2000, $"{normal} normal and {changed} changed texts (not empty): both ways must be tried often");
    }

    /// <summary>What <see cref="TextNormalizer.ForHashing"/> means, written out: no tatweel, no diacritics, lower case, no blank lines.</summary>
    private static string HashingFormTheLongWay(string normalized) =>
        System.Text.RegularExpressions.Regex.Replace(
            new string([.. normalized.Where(c => c != '\u0640' && c is not ((>= '\u064B' and <= '\u0652') or '\u0670')).Select(char.ToLowerInvariant)]), "\n{2,}", "\n");
}
