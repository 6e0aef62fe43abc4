using Grid.Cluster.Tests.Api;

namespace Grid.Cluster.Tests.LibreTranslate;

/// <summary>A silo with API keys, a small /translate limit and a rate limit, and the emulator behind it.</summary>
public sealed class LibreTranslateFixture : ApiSiloFixture
{
    public const string Key = "libretranslate-key-8d41c2e9b7a0";

    /// <summary>A key only the rate-limit test spends.</summary>
    public const string SpentKey = "libretranslate-spent-5e93a1f7c2d8";

    public const int MaxChars = 2000;

    public const int RequestsPerMinute = 40;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Grid:Api:Keys:0"] = Key,
        ["Grid:Api:Keys:1"] = SpentKey,
        ["Grid:Api:RequestsPerMinute"] = RequestsPerMinute.ToString(),
        ["Grid:Translate:MaxChars"] = MaxChars.ToString(),
        // One chunk per paragraph of these tests' texts, as an article of the same paragraphs gets.
        ["Grid:Translate:PollInterval"] = "00:00:00.050",
    };

    public string Url => Silo.Address.ToString().TrimEnd('/');
}
