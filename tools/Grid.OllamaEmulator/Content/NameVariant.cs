namespace Grid.OllamaEmulator.Content;

/// <summary>
/// Another spelling of an English name, as two translators might write it (Kirby, Kerbi): the vowels
/// swapped a↔e, i↔y, o↔u, the consonants kept; a name without vowels gets an "e".
/// </summary>
public static class NameVariant
{
    public static string Of(string english)
    {
        var variant = new string([.. english.Select(Swap)]);
        return variant == english ? english + "e" : variant;
    }

    private static char Swap(char c)
    {
        var swapped = char.ToLowerInvariant(c) switch
        {
            'a' => 'e',
            'e' => 'a',
            'i' => 'y',
            'y' => 'i',
            'o' => 'u',
            'u' => 'o',
            var other => other,
        };
        return char.IsUpper(c) ? char.ToUpperInvariant(swapped) : swapped;
    }
}
