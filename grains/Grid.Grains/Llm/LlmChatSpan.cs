using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.AI;

namespace Grid.Grains.Llm;

/// <summary>
/// One chat request as the GenAI semantic conventions describe it: a client span <c>chat {model}</c> and the
/// <c>gen_ai.client.*</c> histograms on the <c>Grid.Llm</c> source and meter, with the names and tags
/// Microsoft.Extensions.AI's <c>UseOpenTelemetry()</c> wrote. It is written once per request from the figures
/// the gateway reads off the stream anyway; the wrapper kept every streamed update to describe the answer
/// and timed every piece (a histogram recording per token), which cost more than the rest of the gateway.
/// </summary>
public sealed class LlmChatSpan : IDisposable
{
    public const string OperationName = "chat";

    private static readonly ActivitySource Source = new(GridLlmTelemetry.SourceName);
    private static readonly Meter Meter = new(GridLlmTelemetry.SourceName);

    // The conventions' advised buckets.
    private static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "gen_ai.client.operation.duration", "s", "Measures the duration of a GenAI operation",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92] });

    private static readonly Histogram<int> TokenUsage = Meter.CreateHistogram(
        "gen_ai.client.token.usage", "{token}", "Measures number of input and output tokens used",
        advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864] });

    private static readonly Histogram<double> TimeToFirstChunk = Meter.CreateHistogram(
        "gen_ai.client.operation.time_to_first_chunk", "s", "Measures the time to receive the first chunk in a streaming operation",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1.0, 2.5, 5.0, 7.5, 10.0] });

    private readonly LlmEndpoint _endpoint;
    private readonly string _model;
    private readonly Activity? _activity;
    private readonly long _started = Stopwatch.GetTimestamp();
    private string? _responseId;
    private string? _responseModel;

    private LlmChatSpan(LlmEndpoint endpoint, ChatOptions options)
    {
        _endpoint = endpoint;
        _model = options.ModelId ?? "";
        // The current span is this one while the request is sent, so the HTTP span and the traceparent sent are its children.
        _activity = Source.StartActivity($"{OperationName} {_model}", ActivityKind.Client);
        if (_activity is not { IsAllDataRequested: true } span)
            return;
        span.SetTag("gen_ai.operation.name", OperationName)
            .SetTag("gen_ai.request.model", _model)
            .SetTag("gen_ai.provider.name", endpoint.ProviderName)
            .SetTag("gen_ai.request.stream", true)
            .SetTag("server.address", endpoint.ServerAddress)
            .SetTag("server.port", endpoint.ServerPort)
            .SetTag("gen_ai.request.max_tokens", options.MaxOutputTokens)
            .SetTag("gen_ai.request.seed", options.Seed)
            .SetTag("gen_ai.request.temperature", options.Temperature);
        if (options.ResponseFormat is ChatResponseFormatJson)
            span.SetTag("gen_ai.output.type", "json");
    }

    public static LlmChatSpan Start(LlmEndpoint endpoint, ChatOptions options) => new(endpoint, options);

    /// <summary>The first piece of text came, <paramref name="elapsed"/> after the request was sent.</summary>
    public void FirstChunk(TimeSpan elapsed)
    {
        TimeToFirstChunk.Record(elapsed.TotalSeconds, Tags());
        _activity?.SetTag("gen_ai.response.time_to_first_chunk", elapsed.TotalSeconds);
    }

    /// <summary>What a streamed piece says about the response as a whole (only its first id and model are kept).</summary>
    public void Saw(ChatResponseUpdate update)
    {
        _responseId ??= update.ResponseId;
        _responseModel ??= update.ModelId;
    }

    public void Answered(string finishReason, int inputTokens, int outputTokens)
    {
        var tags = Tags();
        Duration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        tags.Add("gen_ai.token.type", "input");
        TokenUsage.Record(inputTokens, tags);
        tags[^1] = new("gen_ai.token.type", "output");
        TokenUsage.Record(outputTokens, tags);
        if (_activity is not { IsAllDataRequested: true } span)
            return;
        span.SetTag("gen_ai.response.finish_reasons", $"[\"{finishReason}\"]")
            .SetTag("gen_ai.response.id", _responseId)
            .SetTag("gen_ai.response.model", _responseModel)
            .SetTag("gen_ai.usage.input_tokens", inputTokens)
            .SetTag("gen_ai.usage.output_tokens", outputTokens);
    }

    /// <param name="errorType">How it failed: Grid's failure kind, or the exception's type when the caller gave up.</param>
    public void Failed(string errorType, string description)
    {
        var tags = Tags();
        tags.Add("error.type", errorType);
        Duration.Record(Stopwatch.GetElapsedTime(_started).TotalSeconds, tags);
        _activity?.SetTag("error.type", errorType).SetStatus(ActivityStatusCode.Error, description);
    }

    public void Dispose() => _activity?.Dispose();

    /// <summary>The metrics' tags: a struct, so recording allocates nothing.</summary>
    private TagList Tags() => new()
    {
        { "gen_ai.operation.name", OperationName },
        { "gen_ai.request.model", _model },
        { "gen_ai.provider.name", _endpoint.ProviderName },
        { "server.address", _endpoint.ServerAddress },
        { "server.port", _endpoint.ServerPort },
        { "gen_ai.response.model", _responseModel ?? _model },
    };
}
