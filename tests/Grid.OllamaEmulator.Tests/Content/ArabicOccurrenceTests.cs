using System.Text;
using System.Text.RegularExpressions;
using Grid.OllamaEmulator.Content;

namespace Grid.OllamaEmulator.Tests;

/// <summary>
/// The hand-written matcher finds and replaces exactly what the regular expression it replaced did: the rule's
/// specification, kept here as the reference, over the sample article's quoted names and over texts made of
/// the characters where the two could part (prefixes, marks, other letters, punctuation, the text's edges).
/// </summary>
public sealed class ArabicOccurrenceTests
{
    private const string Prefixes = "(?:وال|فال|بال|كال|ال|لل|ول|وب|فب|فل|وك|و|ف|ب|ك|ل)?";

    /// <summary>Letters the prefixes are made of and a few others, a fatha (a non-spacing mark), a Latin letter, a digit, space and punctuation.</summary>
    private const string Alphabet = "والفبكلمن\u064Ex٣ ،.“";

    private static Regex Reference(string term) =>
        new($@"(?<=(?:^|[^\p{{L}}\p{{Mn}}]){Prefixes}){Regex.Escape(term)}(?![\p{{L}}\p{{Mn}}])", RegexOptions.CultureInvariant);

    [Theory]
    [InlineData("كيربي", "وقال كيربي إن")]
    [InlineData("البنتاغون", "(البنتاغون)، والبنتاغون وبالبنتاغون")]
    [InlineData("كيربي", "كيربيه كيربي")]
    [InlineData("كيربي", "ألكيربي")]
    [InlineData("العراق", "للعراق")]
    [InlineData("نا", "نا")]
    public void AgreesWithTheRegularExpressionOnNamedCases(string term, string text) => AssertAgrees(term, text);

    [Fact]
    public void AgreesWithTheRegularExpressionOnTheSampleArticlesNames()
    {
        var article = ArabicSamples.Article;
        var names = Regex.Matches(article, @"[“(](?<term>[^“”()\n]{1,40}?)[”)]").Select(match => match.Groups["term"].Value).Distinct().ToList();
        Assert.NotEmpty(names);
        foreach (var name in names)
            AssertAgrees(name, article);
    }

    [Fact]
    public void AgreesWithTheRegularExpressionOnTextsMadeOfTheCharactersWhereTheyCouldPart()
    {
        var random = new Random(18);
        for (var i = 0; i < 20_000; i++)
            AssertAgrees(Draw(random, random.Next(1, 4)), Draw(random, random.Next(0, 24)));
    }

    private static string Draw(Random random, int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
            text.Append(Alphabet[random.Next(Alphabet.Length)]);
        return text.ToString();
    }

    private static void AssertAgrees(string term, string text)
    {
        var reference = Reference(term);
        Assert.True(reference.IsMatch(text) == ArabicOccurrence.OccursIn(term, text), $"'{term}' in '{text}'");
        Assert.Equal(reference.Replace(text, "[X]"), ArabicOccurrence.Replace(term, text, "[X]"));
    }
}
