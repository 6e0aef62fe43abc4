using System.Diagnostics;
using System.Diagnostics.Metrics;
using Grid.Grains.Llm;
using Grid.OllamaEmulator;

namespace Grid.Grains.Tests.Llm;

/// <summary>
/// Each chat request is one <c>chat {model}</c> span and one set of <c>gen_ai.client.*</c> measurements on
/// <c>Grid.Llm</c>, carrying what the backend said (tokens, finish reason) as the emulator recorded it.
/// Listeners are process-wide, so only what names this test's emulator (by port) is counted.
/// </summary>
public sealed class LlmChatSpanTests
{
    [Fact]
    public async Task AnOllamaTranslationIsOneChatSpanWithTheBackendsTokenCountsAndFinishReason()
    {
        await using var harness = await LlmHarness.StartAsync();
        using var seen = new ChatTelemetry(harness.Emulator.BaseAddress.Port);

        var result = await harness.Translator.TranslateAsync(LlmSamples.TwoParagraphRequest, LlmHarness.Timeout);

        Assert.True(result.Succeeded, result.FailureDetail);
        var request = Assert.Single(harness.ChatRequests);
        var span = Assert.Single(seen.Spans);
        Assert.Equal($"chat {LlmHarness.Model}", span.DisplayName);
        Assert.Equal(ActivityKind.Client, span.Kind);
        Assert.Equal("chat", span.GetTagItem("gen_ai.operation.name"));
        Assert.Equal("ollama", span.GetTagItem("gen_ai.provider.name"));
        Assert.Equal(LlmHarness.Model, span.GetTagItem("gen_ai.request.model"));
        Assert.Equal(LlmHarness.Model, span.GetTagItem("gen_ai.response.model"));
        Assert.Equal("127.0.0.1", span.GetTagItem("server.address"));
        Assert.Equal((long)LlmHarness.Seed, span.GetTagItem("gen_ai.request.seed"));
        Assert.Equal(0f, span.GetTagItem("gen_ai.request.temperature"));
        Assert.Equal(request.Options?.NumPredict, span.GetTagItem("gen_ai.request.max_tokens"));
        Assert.Equal("[\"stop\"]", span.GetTagItem("gen_ai.response.finish_reasons"));
        Assert.Equal(request.PromptEvalCount, span.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal(request.EvalCount, span.GetTagItem("gen_ai.usage.output_tokens"));
        Assert.NotNull(span.GetTagItem("gen_ai.response.id"));
        Assert.IsType<double>(span.GetTagItem("gen_ai.response.time_to_first_chunk"));
        Assert.Null(span.GetTagItem("gen_ai.output.type"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);

        Assert.Equal(1, seen.Count("gen_ai.client.operation.duration"));
        Assert.Equal(1, seen.Count("gen_ai.client.operation.time_to_first_chunk"));
        Assert.Equal(request.PromptEvalCount, seen.Sum("gen_ai.client.token.usage", "gen_ai.token.type=input"));
        Assert.Equal(request.EvalCount, seen.Sum("gen_ai.client.token.usage", "gen_ai.token.type=output"));
        Assert.Equal(1, seen.Count("gen_ai.client.operation.duration", $"gen_ai.response.model={LlmHarness.Model}", "gen_ai.provider.name=ollama"));
    }

    [Fact]
    public async Task AStructuredSummaryFromAnOpenAIEndpointIsAJsonChatSpanWithItsUsage()
    {
        await using var harness = await LlmHarness.StartAsync(settings: new Dictionary<string, string?> { ["Endpoints:0:Kind"] = "OpenAI" });
        using var seen = new ChatTelemetry(harness.Emulator.BaseAddress.Port);

        await harness.Summarizer.SummarizeAsync("Pentagon hosts Iraqi officials", LlmSamples.EnglishArticle, LlmHarness.Timeout);

        var request = Assert.Single(harness.Emulator.Requests, request => request.Kind == RequestKinds.OpenAIChat);
        var span = Assert.Single(seen.Spans);
        Assert.Equal("openai", span.GetTagItem("gen_ai.provider.name"));
        Assert.Equal("json", span.GetTagItem("gen_ai.output.type"));
        Assert.Equal(request.PromptEvalCount, span.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal(request.EvalCount, span.GetTagItem("gen_ai.usage.output_tokens"));
        Assert.Equal(request.PromptEvalCount, seen.Sum("gen_ai.client.token.usage", "gen_ai.token.type=input"));
    }

    [Fact]
    public async Task AStreamThatBreaksIsAFailedSpanPerAttemptWithGridsFailureKind()
    {
        await using var harness = await LlmHarness.StartAsync(faults: s => s with { FaultMidstreamError = 1 });
        using var seen = new ChatTelemetry(harness.Emulator.BaseAddress.Port);

        await harness.Translator.TranslateAsync(LlmSamples.TwoParagraphRequest, LlmHarness.Timeout);

        Assert.Equal(LlmHarness.MaxAttempts, seen.Spans.Count);
        Assert.All(seen.Spans, span =>
        {
            Assert.Equal(ActivityStatusCode.Error, span.Status);
            Assert.Equal("BackendUnavailable", span.GetTagItem("error.type"));
            Assert.Null(span.GetTagItem("gen_ai.usage.output_tokens"));
        });
        Assert.Equal(LlmHarness.MaxAttempts, seen.Count("gen_ai.client.operation.duration", "error.type=BackendUnavailable"));
        Assert.Equal(0, seen.Count("gen_ai.client.token.usage"));
    }

    /// <summary>The spans and measurements of the <c>Grid.Llm</c> source and meter that name one backend port.</summary>
    private sealed class ChatTelemetry : IDisposable
    {
        private readonly int _port;
        private readonly ActivityListener _spans;
        private readonly MeterListener _meters = new();
        private readonly List<Activity> _ended = [];
        private readonly List<(string Instrument, HashSet<string> Tags, double Value)> _measurements = [];

        public ChatTelemetry(int port)
        {
            _port = port;
            _spans = new ActivityListener
            {
                ShouldListenTo = source => source.Name == GridLlmTelemetry.SourceName,
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
                ActivityStopped = span =>
                {
                    if (span.GetTagItem("server.port") is int spanPort && spanPort == _port)
                        lock (_ended)
                            _ended.Add(span);
                },
            };
            ActivitySource.AddActivityListener(_spans);
            _meters.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == GridLlmTelemetry.SourceName)
                    listener.EnableMeasurementEvents(instrument);
            };
            _meters.SetMeasurementEventCallback<int>((instrument, value, tags, _) => Add(instrument, value, tags));
            _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Add(instrument, value, tags));
            _meters.Start();
        }

        public List<Activity> Spans
        {
            get
            {
                lock (_ended)
                    return [.. _ended];
            }
        }

        public int Count(string instrument, params string[] tags)
        {
            lock (_measurements)
                return _measurements.Count(m => m.Instrument == instrument && tags.All(m.Tags.Contains));
        }

        public double Sum(string instrument, params string[] tags)
        {
            lock (_measurements)
                return _measurements.Where(m => m.Instrument == instrument && tags.All(m.Tags.Contains)).Sum(m => m.Value);
        }

        public void Dispose()
        {
            _spans.Dispose();
            _meters.Dispose();
        }

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var pairs = new HashSet<string>();
            foreach (var tag in tags)
                pairs.Add($"{tag.Key}={tag.Value}");
            if (!pairs.Contains($"server.port={_port}"))
                return;
            lock (_measurements)
                _measurements.Add((instrument.Name, pairs, value));
        }
    }
}
