using System.Collections.Concurrent;
using Grid.Abstractions.Translation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OllamaSharp.Models;

namespace Grid.Grains.Llm;

/// <summary>
/// Pulls the model onto an Ollama endpoint that lacks it (<c>Grid:Llm:PullMissingModel</c>), logging
/// the download's progress. Requests that find the model missing at the same time share one pull.
/// </summary>
public sealed partial class LlmModelPuller(IOptions<LlmOptions> options, ILogger<LlmModelPuller> logger)
{
    private readonly ConcurrentDictionary<string, Lazy<Task>> _pulls = new(StringComparer.Ordinal);

    public string Model => options.Value.Model;

    /// <exception cref="LlmCallFailure">The pull failed, or the endpoint cannot pull (not Ollama); not retryable.</exception>
    public async Task PullAsync(LlmEndpoint endpoint, CancellationToken cancellationToken)
    {
        var pull = _pulls.GetOrAdd(endpoint.Url, _ => new Lazy<Task>(() => RunAsync(endpoint)));
        try
        {
            await pull.Value.WaitAsync(cancellationToken);
        }
        finally
        {
            // A later miss (a failed pull, a model removed again) pulls afresh.
            if (pull.Value.IsCompleted)
                _pulls.TryRemove(KeyValuePair.Create(endpoint.Url, pull));
        }
    }

    private async Task RunAsync(LlmEndpoint endpoint)
    {
        if (endpoint.Ollama is not { } ollama)
            throw new LlmCallFailure(
                $"model '{Model}' is not served by {endpoint.Url}, an OpenAI-compatible server that cannot pull: start it with that model (vLLM: --model), or set Grid:Llm:Model to one it serves.",
                retryable: false, LlmFailureKind.ModelMissing);

        LogPullStarted(endpoint.Url, Model);
        var lastStatus = "";
        var lastPercent = -1L;
        try
        {
            await foreach (var progress in ollama.PullModelAsync(new PullModelRequest { Model = Model }))
            {
                if (progress is null)
                    continue;
                var percent = progress.Total > 0 ? progress.Completed * 100 / progress.Total : -1;
                // One line per step, and per tenth of a download: enough to follow, not a flood.
                if (progress.Status != lastStatus || percent / 10 > lastPercent / 10)
                    LogPullProgress(endpoint.Url, Model, progress.Status ?? "", percent);
                (lastStatus, lastPercent) = (progress.Status ?? "", percent);
            }
        }
        catch (Exception error)
        {
            throw new LlmCallFailure(
                $"model '{Model}' is missing on {endpoint.Url} and pulling it failed ({error.Message}): run 'ollama pull {Model}' there.",
                retryable: false, LlmFailureKind.ModelMissing, error);
        }
        if (lastStatus != "success")
            throw new LlmCallFailure(
                $"model '{Model}' is missing on {endpoint.Url} and the pull ended with '{lastStatus}': run 'ollama pull {Model}' there.",
                retryable: false, LlmFailureKind.ModelMissing);
        LogPulled(endpoint.Url, Model);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model {Model} is missing on {Endpoint}: pulling it (Grid:Llm:PullMissingModel)")]
    private partial void LogPullStarted(string endpoint, string model);

    [LoggerMessage(Level = LogLevel.Information, Message = "Pulling {Model} onto {Endpoint}: {Status} {Percent}%")]
    private partial void LogPullProgress(string endpoint, string model, string status, long percent);

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Model} pulled onto {Endpoint}")]
    private partial void LogPulled(string endpoint, string model);
}
