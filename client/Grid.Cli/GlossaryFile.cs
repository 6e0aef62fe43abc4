using System.Collections.Immutable;
using System.Text.Json;
using Grid.Abstractions.Translation;

namespace Grid.Cli;

/// <summary>
/// A glossary file for <c>grid submit --glossary</c>: a JSON array of <c>{ "source", "english", "kind"? }</c>,
/// as the HTTP API takes it. The cluster checks the entries; this only reads them.
/// </summary>
public static class GlossaryFile
{
    public static async Task<(ImmutableArray<GlossaryEntry> Entries, string? Problem)> ReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var file = File.OpenRead(path);
            var entries = await JsonSerializer.DeserializeAsync<List<Entry?>>(file, JsonSerializerOptions.Web, cancellationToken);
            if (entries is null || entries.Any(entry => entry is null))
                return ([], $"The glossary file '{path}' must be a JSON array of objects {{ \"source\", \"english\", \"kind\" }}.");
            return ([.. entries.Select(entry => new GlossaryEntry(entry!.Source ?? "", entry.English ?? "", entry.Kind ?? GlossaryEntry.TermKind))], null);
        }
        catch (JsonException error)
        {
            return ([], $"The glossary file '{path}' is not a JSON array of entries: {error.Message}");
        }
    }

    private sealed record Entry(string? Source, string? English, string? Kind);
}
