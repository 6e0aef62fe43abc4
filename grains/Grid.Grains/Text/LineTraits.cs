namespace Grid.Grains.Text;

/// <summary>The shape of one source line, measured once, that the parser's rules look at.</summary>
internal sealed class LineTraits
{
    private const string SentencePunctuation = ".!?؟،؛:;,…";
    private const string Closers = "\"'”’»)]";

    public LineTraits(string text)
    {
        Text = text;
        WordCount = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Count(token => token.Any(char.IsLetterOrDigit));
        ArabicRatio = ArabicScript.ArabicLetterRatio(text);
        HasArabic = ArabicScript.ContainsArabic(text);
        HasSentencePunctuation = text.AsSpan().IndexOfAny(SentencePunctuation) >= 0;

        var end = text.AsSpan().TrimEnd(Closers).TrimEnd();
        var last = end.IsEmpty ? '\0' : end[^1];
        EndsLikeSentence = last is '.' or '!' or '?' or '؟' or '…';
        EndsWithFullStop = last == '.' && (end.Length < 2 || end[^2] != '.');
        EndsMidSentence = last is '،' or '؛' or ':' or ',' or ';';
    }

    public string Text { get; }

    /// <summary>Tokens with a letter or digit; a lone dash or colon is not a word.</summary>
    public int WordCount { get; }

    public double ArabicRatio { get; }

    public bool HasArabic { get; }

    public bool HasSentencePunctuation { get; }

    /// <summary>Ends with . ! ? ؟ or an ellipsis, possibly inside closing quotes or brackets.</summary>
    public bool EndsLikeSentence { get; }

    /// <summary>Ends with a single full stop: how body sentences end and headlines don't (".." and "..." don't count).</summary>
    public bool EndsWithFullStop { get; }

    /// <summary>Ends with a comma, semicolon or colon: the line stops in the middle of a thought.</summary>
    public bool EndsMidSentence { get; }

    /// <summary>A long line with sentence punctuation: when in doubt, such a line is body.</summary>
    public bool IsProse => WordCount >= 8 && HasSentencePunctuation;

    /// <summary>A few words without any sentence punctuation: a label, a section name, a link.</summary>
    public bool IsFragment => WordCount <= 6 && !HasSentencePunctuation;

    /// <summary>One or two words without punctuation: too little to be anything but a label.</summary>
    public bool IsLabel => WordCount <= 2 && !HasSentencePunctuation;

    /// <summary>Could be a body paragraph: not a mere fragment, and Arabic unless it is long prose.</summary>
    public bool LooksLikeBody => !IsFragment && (HasArabic || IsProse);

    /// <summary>Shaped like a headline: mostly Arabic, a handful of words, not ending like a body sentence.</summary>
    public bool IsHeadlineLike =>
        ArabicRatio >= 0.5 && WordCount is >= 3 and <= 20 && !EndsWithFullStop && !EndsMidSentence;
}
