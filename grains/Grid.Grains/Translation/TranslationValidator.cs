using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Grid.Grains.Llm;
using Grid.Grains.Text;

namespace Grid.Grains.Translation;

/// <summary>
/// Checks an English answer against its Arabic source, repairing what is safe to repair (a think
/// block, a preamble, wrapping tags) and rejecting what is not a translation: Arabic left in,
/// the wrong number of paragraphs, an implausible length, a repetition loop, and any paragraph whose
/// English fails against its own Arabic (<see cref="ParagraphValidator"/>).
/// </summary>
public static partial class TranslationValidator
{
    private const double MaxArabicLetterRatio = 0.2;
    private const double MinLengthRatio = 0.25;
    private const double MaxLengthRatio = 5.0;

    public static AnswerCheck<ImmutableArray<string>> Check(string answer, string source, int expectedParagraphs)
    {
        var repairs = ImmutableArray.CreateBuilder<string>();
        var text = Repair(answer, repairs);
        if (text.Length == 0)
            return Reject("the answer is empty");

        var arabicRatio = ArabicScript.ArabicLetterRatio(text);
        if (arabicRatio > MaxArabicLetterRatio)
            return Reject($"the answer is not English: {arabicRatio:P0} of its letters are Arabic");

        var lengthRatio = (double)text.Length / Math.Max(1, source.Length);
        if (lengthRatio is < MinLengthRatio or > MaxLengthRatio)
            return Reject($"the answer's length is implausible: {text.Length} characters for {source.Length} of Arabic");

        if (RepeatedSentence(text, MostRepeats(source)) is { } loop)
            return Reject($"the answer repeats itself: \"{loop}\"");

        var paragraphs = Pieces(ParagraphBreak(), text);
        // Models often keep paragraphs apart with one line break, not a blank line: as many lines as paragraphs is that.
        if (paragraphs.Count != expectedParagraphs && expectedParagraphs > 1 && Pieces(LineBreak(), text) is { } lines && lines.Count == expectedParagraphs)
        {
            repairs.Add("took single line breaks as paragraph breaks");
            paragraphs = lines;
        }
        if (paragraphs.Count != expectedParagraphs)
        {
            if (expectedParagraphs != 1)
                return Reject($"the answer has {paragraphs.Count} paragraphs where the source has {expectedParagraphs}");
            repairs.Add($"merged {paragraphs.Count} paragraphs into one");
            paragraphs = [string.Join(' ', paragraphs)];
        }
        if (ParagraphProblem(paragraphs, source) is { } problem)
            return Reject(problem);
        return AnswerCheck<ImmutableArray<string>>.Accept([.. paragraphs], repairs.ToImmutable());
    }

    /// <summary>Each piece's English against its own Arabic (the source's pieces are separated as <see cref="TextChunk.SegmentSeparator"/> joins them).</summary>
    private static string? ParagraphProblem(List<string> english, string source)
    {
        var arabic = source.Split(TextChunk.SegmentSeparator);
        if (arabic.Length != english.Count)
            return null;  // a source not cut by the chunker: only the chunk-wide checks apply
        for (var i = 0; i < arabic.Length; i++)
        {
            if (ParagraphValidator.Problem(english[i], arabic[i]) is { } problem)
                return $"paragraph {i + 1} of {arabic.Length}: {problem}";
        }
        return null;
    }

    private static List<string> Pieces(Regex separator, string text) =>
        [.. separator.Split(text).Select(piece => piece.Trim()).Where(piece => piece.Length > 0)];

    private static AnswerCheck<ImmutableArray<string>> Reject(string problem) => AnswerCheck<ImmutableArray<string>>.Reject(problem);

    private static string Repair(string answer, ImmutableArray<string>.Builder repairs)
    {
        var text = answer.Replace("\r\n", "\n").Trim();
        if (ThinkBlock().IsMatch(text))
        {
            text = ThinkBlock().Replace(text, "").Trim();
            repairs.Add("removed a <think> block");
        }
        if (WrappingTags().Match(text) is { Success: true } wrapped)
        {
            text = wrapped.Groups["body"].Value.Trim();
            repairs.Add("removed wrapping tags");
        }
        if (Preamble().IsMatch(text))
        {
            text = Preamble().Replace(text, "", 1).Trim();
            repairs.Add("removed a preamble");
            // The preamble may introduce a tagged answer ("Here is the translation:\n<translation>..."): unwrap that too.
            if (WrappingTags().Match(text) is { Success: true } introduced)
            {
                text = introduced.Groups["body"].Value.Trim();
                repairs.Add("removed wrapping tags");
            }
        }
        return text;
    }

    /// <summary>
    /// A sentence of several words said three times or more, and more often than the source repeats
    /// any of its sentences, is a decoding loop, not journalism (a source that repeats itself may be
    /// translated faithfully).
    /// </summary>
    private static string? RepeatedSentence(string text, int sourceRepeats) =>
        Sentences(text)
            .Where(sentence => sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4)
            .GroupBy(sentence => sentence, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault(group => group.Count() >= 3 && group.Count() > sourceRepeats)?.Key;

    private static int MostRepeats(string source) =>
        Sentences(source).GroupBy(sentence => sentence).Select(group => group.Count()).DefaultIfEmpty(0).Max();

    private static IEnumerable<string> Sentences(string text) =>
        SentenceEnd().Split(text).Select(sentence => sentence.Trim()).Where(sentence => sentence.Length > 0);

    [GeneratedRegex(@"<think>.*?(</think>|$)", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ThinkBlock();

    [GeneratedRegex(@"^<(?<tag>translation|english|source|output)>\s*(?<body>.*?)\s*</\k<tag>>$", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex WrappingTags();

    [GeneratedRegex(@"^(sure|certainly|okay|of course)?[,!.\s]*(here is|here's|below is|this is)?[^\n]{0,60}\b(translation|translated|english version)\b[^\n]{0,40}:[ \t]*\n", RegexOptions.IgnoreCase)]
    private static partial Regex Preamble();

    [GeneratedRegex(@"\n[ \t]*\n")]
    private static partial Regex ParagraphBreak();

    [GeneratedRegex(@"\n")]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"(?<=[.!?؟])\s+")]
    private static partial Regex SentenceEnd();
}
