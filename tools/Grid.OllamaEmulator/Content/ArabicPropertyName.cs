namespace Grid.OllamaEmulator.Content;

/// <summary>
/// Whether a JSON property name asks for Arabic: <c>ar</c>, <c>arabic</c>, <c>summaryAr</c>,
/// <c>summary_ar</c>, <c>titleArabic</c>. A lower-case "ar" ending (<c>year</c>, <c>calendar</c>) does not count.
/// </summary>
internal static class ArabicPropertyName
{
    public static bool Matches(string name) =>
        name.Equals("ar", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("arabic", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("_ar", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("-ar", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith("Ar", StringComparison.Ordinal);
}
