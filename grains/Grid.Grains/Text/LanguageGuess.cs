namespace Grid.Grains.Text;

/// <summary>What <see cref="LanguageDetector"/> makes of a text.</summary>
/// <param name="Language">An ISO 639-1 code: <c>ar</c>, <c>fa</c>, <c>ur</c>, <c>en</c>; <see cref="LanguageDetector.Unknown"/> when the text has no letters to judge by.</param>
/// <param name="Confidence">From 0 to 100, as LibreTranslate reports it.</param>
/// <param name="Reason">Why, in words a caller can check: the letters that decided it.</param>
public sealed record LanguageGuess(string Language, double Confidence, string Reason)
{
    public bool IsArabic => Language == LanguageDetector.Arabic;
}
