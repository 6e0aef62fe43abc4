using Grid.Grains.Text;

namespace Grid.Grains.Tests.Text;

public sealed class ArabicTermTests
{
    [Theory]
    [InlineData("كيربي", "وقال “كيربي”، في تصريح")]
    [InlineData("كيربي", "وأضاف وكيربي")]
    [InlineData("العراق", "القوات الأميركية موجودة في العراق بدعوة")]
    [InlineData("العراق", "مستعدون بالعراق")]
    [InlineData("العراق", "زيارة للعراق")]
    [InlineData("العراق", "وللعراق حقوق")]
    [InlineData("بغداد", "بين “بغداد” و”واشنطن”")]
    [InlineData("بغداد", "وصل لبغداد")]
    [InlineData("فؤاد حسين", "الوزير “فؤاد حسين”، قال")]
    [InlineData("أمريكا", "في امريكا")]
    [InlineData("البنتاغون", "(البنتاغون) سيستضيف")]
    [InlineData("كِيربي", "قال كيربي")]
    public void ATermOccursWithQuotesPrefixesAndSpellingVariantsAround(string term, string text) =>
        Assert.True(new ArabicTerm(term).OccursIn(text));

    [Theory]
    [InlineData("حسين", "لا تحسين في الوضع")]
    [InlineData("كيربي", "كيربيات")]
    [InlineData("فؤاد حسين", "فؤاد قال حسين")]
    [InlineData("العراق", "العراقي")]
    [InlineData("داعش", "")]
    public void ATermInsideAnotherWordOrSplitIsNotAnOccurrence(string term, string text) =>
        Assert.False(new ArabicTerm(term).OccursIn(text));

    /// <summary>
    /// The first word's rule written out, against words drawn from the prefixes' letters and the term's own: a prefix and
    /// the term, or ل (after و or ف, or alone) standing for the alef of a term that begins with ال.
    /// </summary>
    [Fact]
    public void AFirstWordMatchesExactlyWhenItIsAPrefixAndTheTerm()
    {
        string[] prefixes = ["", "و", "ف", "ب", "ك", "ل", "ال", "وال", "فال", "بال", "كال", "وب", "فب", "ول", "فل", "وك", "فك", "لل", "ولل", "فلل"];
        string[] pieces = ["و", "ف", "ب", "ك", "ل", "ا", "ال", "عراق", "العراق", "ق"];
        var random = new Random(2026);
        var (matches, misses) = (0, 0);
        foreach (var term in new[] { "العراق", "عراق", "ال" })
        {
            for (var i = 0; i < 20_000; i++)
            {
                var word = string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => pieces[random.Next(pieces.Length)]));
                var expected = prefixes.Any(prefix => word == prefix + term)
                    || (term.StartsWith("ال", StringComparison.Ordinal) && term.Length > 2 && new[] { "ل", "ول", "فل" }.Any(head => word == head + term[1..]));
                Assert.True(expected == new ArabicTerm(term).OccursIn(word), $"'{word}' against '{term}': expected {expected}");
                _ = expected ? matches++ : misses++;
            }
        }
        Assert.True(matches > 1000 && misses > 1000, $"{matches} matches and {misses} misses: both must be tried often");
    }

    [Fact]
    public void ATermWithoutArabicLettersIsInvalid() => Assert.False(new ArabicTerm("“ ”").IsValid);
}
