using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Grid.Cluster.Tests.Deployment;
using Grid.Cluster.Tests.Durability;

namespace Grid.Cluster.Tests.LibreTranslate;

/// <summary>
/// The npm packages <c>libretranslate</c> (1.0.1: translate) and <c>libretranslate-ts</c> (0.5.12: languages,
/// detect, translate), pinned by tests/.../LibreTranslate/client/package-lock.json, installed with <c>npm ci</c>
/// into a folder of their own and run by node, as an application using them would.
/// </summary>
public sealed class NodeLibreTranslateClient : IAsyncLifetime
{
    private readonly TemporaryFolder _folder = new();

    public async Task InitializeAsync()
    {
        foreach (var file in new[] { "package.json", "package-lock.json", "translate.js", "sdk.js" })
            File.Copy(RepositoryFiles.PathOf(Path.Combine("tests", "Grid.Cluster.Tests", "LibreTranslate", "client", file)), _folder.File(file));
        var (exitCode, output, errors) = await RunAsync("npm", "ci", "--no-audit", "--no-fund");
        Assert.True(exitCode == 0, $"npm ci failed (is npm installed? .ci/run installs it): {output}{errors}");
    }

    /// <summary>What the package's <c>translate()</c> resolved to (<c>translatedText</c>), or the error it threw (<c>error</c>).</summary>
    public async Task<JsonNode> TranslateAsync(string url, string apiKey, string source, object query)
    {
        var (_, output, errors) = await RunAsync("node", "translate.js", url, apiKey, source, JsonSerializer.Serialize(query));
        return JsonNode.Parse(output) ?? throw new InvalidOperationException(output + errors);
    }

    /// <summary>What the <c>libretranslate-ts</c> SDK's call (<c>languages</c>, <c>detect</c> or <c>translate</c>) resolved to.</summary>
    public async Task<JsonNode> SdkAsync(string url, string apiKey, params string[] call)
    {
        var (_, output, errors) = await RunAsync("node", ["sdk.js", url, apiKey, .. call]);
        return JsonNode.Parse(output) ?? throw new InvalidOperationException(output + errors);
    }

    private async Task<(int ExitCode, string Output, string Errors)> RunAsync(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { WorkingDirectory = _folder.Path, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await errors);
    }

    public Task DisposeAsync()
    {
        _folder.Dispose();
        return Task.CompletedTask;
    }
}
