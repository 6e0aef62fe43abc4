using System.Security.Cryptography;
using System.Text;

namespace Grid.OllamaEmulator.Catalog;

/// <summary>A model the emulator pretends to have on disk, with facts derived from its name.</summary>
internal sealed record CatalogModel(string Name, DateTimeOffset ModifiedAt)
{
    /// <summary>Architecture/family as Ollama reports it: "qwen2.5:7b" is a "qwen2" model.</summary>
    public string Family
    {
        get
        {
            var baseName = Name[(Name.LastIndexOf('/') + 1)..].Split(':')[0].ToLowerInvariant();
            if (baseName.StartsWith("qwen2", StringComparison.Ordinal))
                return "qwen2";
            var letters = new string([.. baseName.TakeWhile(char.IsLetter)]);
            var digitAfter = baseName.Length > letters.Length && char.IsDigit(baseName[letters.Length]) ? baseName[letters.Length].ToString() : "";
            return letters.Length == 0 ? "llama" : letters + digitAfter;
        }
    }

    /// <summary>"7b" in the tag becomes "7B"; untagged sizes default to a 7B model.</summary>
    public string ParameterSize
    {
        get
        {
            var tag = Name.Split(':').Last().ToUpperInvariant();
            return tag.Length > 1 && tag.EndsWith('B') && double.TryParse(tag[..^1], System.Globalization.CultureInfo.InvariantCulture, out _) ? tag : "7.6B";
        }
    }

    /// <summary>A stable fake digest so listings look like Ollama's and do not change between runs.</summary>
    public string Digest => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Name)));

    public long SizeBytes => 4_683_087_332;

    /// <summary>Models that can think; asking any other model to think is a 400, as in Ollama.</summary>
    public bool CanThink
    {
        get
        {
            var baseName = Name[(Name.LastIndexOf('/') + 1)..];
            return new[] { "qwen3", "deepseek-r1", "gpt-oss", "magistral" }.Any(prefix => baseName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
        }
    }

    public IReadOnlyList<string> Capabilities => CanThink ? ["completion", "thinking"] : ["completion"];
}
