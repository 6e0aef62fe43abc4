using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Grid.Abstractions.Translation;
using Grid.Grains.Llm;
using Grid.Grains.Llm.Slots;
using Grid.OllamaEmulator;
using Microsoft.Extensions.DependencyInjection;

namespace Grid.Grains.Tests.Llm;

/// <summary>
/// How the gateway classifies, retries and finally reports what a backend does wrong, each fault
/// forced with probability 1 in the emulator (or taken away at a known point).
/// </summary>
public sealed class LlmFailureTests
{
    [Fact]
    public async Task AMissingModelFailsFastAsModelMissingNamingTheModelAndOllamaPullWithoutARetry()
    {
        await using var harness = await LlmHarness.StartAsync(settings: new Dictionary<string, string?> { ["Model"] = "llama3.1:70b" });

        var result = await harness.Translator.TranslateAsync(LlmSamples.TwoParagraphRequest, LlmHarness.Timeout);

        Assert.False(result.Succeeded);
        Assert.Empty(result.English);
        Assert.Equal(LlmFailureKind.ModelMissing, result.Failure);
        Assert.Contains("llama3.1:70b", result.FailureDetail);
        Assert.Contains("ollama pull", result.FailureDetail);
        Assert.Contains("Grid:Llm:PullMissingModel=true", result.FailureDetail);
        Assert.Equal(1, harness.Emulator.Stats.Kind(RequestKinds.Chat));
        Assert.Equal(0, harness.Emulator.Stats.Kind(RequestKinds.Pull));
        Assert.Equal(1, harness.Emulator.Stats.Outcome(RequestOutcomes.NotFound));
    }

    [Fact]
    public async Task AMissingModelIsPulledWhenPullMissingModelIsOnAndTheChunkIsThenTranslated()
    {
        await using var harness = await LlmHarness.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Model"] = "llama3.1:8b",
            ["PullMissingModel"] = "true",
        });

        var result = await harness.Translator.TranslateAsync(LlmSamples.TwoParagraphRequest, LlmHarness.Timeout);

        Assert.True(result.Succeeded, result.FailureDetail);
        Assert.Equal(LlmSamples.TwoParagraphsInEnglish, result.English);
        Assert.Equal(1, harness.Emulator.Stats.Kind(RequestKinds.Pull));
        Assert.Equal([RequestOutcomes.NotFound, RequestOutcomes.Ok], harness.ChatRequests.Select(request => request.Outcome));
    }

    [Fact]
    public async Task AMissingModelReachesGatewayCallersAsAnLlmExceptionOfKindModelMissing()
    {
        await using var harness = await LlmHarness.StartAsync(settings: new Dictionary<string, string?> { ["Model"] = "llama3.1:70b" });

        var failure = await Assert.ThrowsAsync<LlmException>(() => harness.Gateway.RunAsync(
            TranslationPromptFor(LlmSamples.FirstParagraph), answer => AnswerCheck<string>.Accept(answer.Text), LlmHarness.Timeout));

        Assert.Equal(LlmFailureKind.ModelMissing, failure.Kind);
        Assert.Contains("'llama3.1:70b' not found", failure.Message);
        Assert.Contains("ollama pull llama3.1:70b", failure.Message);
        Assert.Equal(1, harness.Emulator.Stats.Kind(RequestKinds.Chat));
    }

    [Fact]
    public async Task BusyAnswersSpendNoAttemptTheWorkWaitsSayingSoAndRunsWhenTheBackendTakesIt()
    {
        // The circuit stays closed, so that every ask reaches the busy backend.
        await using var harness = await LlmHarness.StartAsync(
            faults: s => s with { FaultBusy = 1 },
            settings: new Dictionary<string, string?> { ["CircuitFailures"] = "1000", ["MaxRetryDelay"] = "00:00:00.050" });
        var waits = new List<BackendWait?>();

        var translation = harness.Translator.TranslateAsync(LlmSamples.TwoParagraphRequest, LlmHarness.Timeout, wait => { lock (waits) waits.Add(wait); });
        // More "busy" answers than there are attempts: none of them counted as one.
        await harness.Emulator.WaitUntilAsync(stats => stats.Outcome(RequestOutcomes.FaultBusy) > 2 * LlmHarness.MaxAttempts, LlmHarness.Timeout);
        harness.Emulator.UpdateSettings(s => s with { FaultBusy = 0 });
        var result = await translation;

        Assert.True(result.Succeeded, result.FailureDetail);
        Assert.Equal(LlmSamples.TwoParagraphsInEnglish, result.English);
        Assert.Equal(1, result.Usage.Calls);
        Assert.Equal(1, harness.Emulator.Stats.Outcome(RequestOutcomes.Ok));
        lock (waits)
        {
            Assert.Equal(2, waits.Count);
            Assert.Contains("503", waits[0]!.Reason);
            Assert.Null(waits[1]);
        }
    }

    [Fact]
    public async Task ABackendBusyForLongerThanGiveUpAfterFailsTheWorkAsNoBackendSayingWhy()
    {
        await using var harness = await LlmHarness.StartAsync(
            faults: s => s with { FaultBusy = 1 },
            settings: new Dictionary<string, string?> { ["GiveUpAfter"] = "00:00:00.300", ["MaxRetryDelay"] = "00:00:00.050", ["CircuitFailures"] = "1000" });

        var result = await harness.Translator.TranslateAsync(LlmSamples.TwoParagraphRequest, LlmHarness.Timeout);

        Assert.False(result.Succeeded);
        Assert.Equal(LlmFailureKind.NoBackend, result.Failure);
        Assert.Contains("no backend to take it", result.FailureDetail);
        Assert.Contains("Grid:Llm:GiveUpAfter", result.FailureDetail);
        Assert.Contains("503", result.FailureDetail);
        Assert.Equal(0, result.Usage.Calls);
        Assert.Equal(0, harness.Emulator.Stats.Outcome(RequestOutcomes.Ok));
    }

    [Fact]
    public async Task ABackendThatIsBusyOnceAndThenFreeGivesATranslationOnTheSecondAttempt()
    {
        await using var harness = await LlmHarness.StartAsync(
            faults: s => s with { FaultBusy = 1 },
            settings: new Dictionary<string, string?> { ["Endpoints:0:Slots"] = "1" });
        var slots = harness.Slots;

        // The test holds Grid's only slot, so the translation queues for it before its first attempt...
        var held = await slots.AcquireAsync(SlotLane.Shared, LlmHarness.Timeout);
        var translation = harness.Translator.TranslateAsync(LlmSamples.TwoParagraphRequest, LlmHarness.Timeout);
        await harness.WaitForSlotQueueAsync(waiting: 1);
        // ...and the test queues behind it: it gets the slot back only when the first attempt has ended,
        // which keeps the second attempt waiting while the fault is taken away.
        var between = slots.AcquireAsync(SlotLane.Shared, LlmHarness.Timeout);
        await harness.WaitForSlotQueueAsync(waiting: 2);
        await held.ReleaseAsync(CallOutcome.Unused);
        await using (await between)
        {
            Assert.Equal(1, harness.Emulator.Stats.Outcome(RequestOutcomes.FaultBusy));
            Assert.Equal(1, harness.Emulator.Stats.Kind(RequestKinds.Chat));
            harness.Emulator.UpdateSettings(s => s with { FaultBusy = 0 });
        }
        var result = await translation;

        Assert.True(result.Succeeded, result.FailureDetail);
        Assert.Equal(LlmSamples.TwoParagraphsInEnglish, result.English);
        Assert.Equal(2, harness.Emulator.Stats.Kind(RequestKinds.Chat));
        Assert.Equal([RequestOutcomes.FaultBusy, RequestOutcomes.Ok], harness.ChatRequests.Select(request => request.Outcome));
    }

    [Fact]
    public async Task ATruncatedAnswerIsRetriedThenTheChunkFailsAsAnInvalidAnswerThatSaysItWasCutOff()
    {
        await using var harness = await LlmHarness.StartAsync(faults: s => s with { FaultTruncate = 1 });

        var result = await harness.Translator.TranslateAsync(LlmSamples.OneParagraphRequest, LlmHarness.Timeout);

        Assert.False(result.Succeeded);
        Assert.Empty(result.English);
        Assert.Equal(LlmFailureKind.InvalidAnswer, result.Failure);
        Assert.Contains("cut off", result.FailureDetail);
        Assert.Contains("length", result.FailureDetail);
        Assert.Equal(LlmHarness.MaxAttempts, harness.Emulator.Stats.Outcome(RequestOutcomes.FaultTruncate));
        Assert.All(harness.ChatRequests, request => Assert.Equal("length", request.DoneReason));
        // The work spent on the unusable answers is still accounted for.
        Assert.Equal(LlmHarness.MaxAttempts, result.Usage.Calls);
    }

    [Fact]
    public async Task AnAnswerThatReachesNumPredictIsTreatedAsTruncated()
    {
        await using var harness = await LlmHarness.StartAsync();

        var failure = await Assert.ThrowsAsync<LlmException>(() => harness.Gateway.RunAsync(
            TranslationPromptFor(LlmSamples.FirstParagraph, maxOutputTokens: 5), answer => AnswerCheck<string>.Accept(answer.Text), LlmHarness.Timeout));

        Assert.Equal(LlmFailureKind.InvalidAnswer, failure.Kind);
        Assert.Contains("cut off (done_reason 'length')", failure.Message);
        Assert.Equal(LlmHarness.MaxAttempts, harness.Emulator.Stats.Outcome(RequestOutcomes.Length));
        Assert.All(harness.ChatRequests, request => Assert.Equal(5, request.Options?.NumPredict));
    }

    [Fact]
    public async Task APromptTheBackendCutSilentlyToFitTheContextIsRejectedInsteadOfTranslatingWhatWasLeft()
    {
        await using var harness = await LlmHarness.StartAsync(settings: new Dictionary<string, string?> { ["ContextTokens"] = "512" });
        var longText = string.Join("\n\n", Enumerable.Repeat(LlmSamples.TwoParagraphs, 4));
        // Room for the whole answer, so only the prompt is cut (ChunkTranslator's own limit would cut the answer too).
        var prompt = new LlmPrompt("translation", Grid.Grains.Translation.TranslationPrompt.For(longText, 8), MaxOutputTokens: 4096);

        var failure = await Assert.ThrowsAsync<LlmException>(() => harness.Gateway.RunAsync(
            prompt, answer => AnswerCheck<string>.Accept(answer.Text), LlmHarness.Timeout));

        Assert.Equal(LlmFailureKind.InvalidAnswer, failure.Kind);
        Assert.Contains("filled the whole context window (512 of 512 tokens)", failure.Message);
        Assert.Equal(LlmHarness.MaxAttempts, harness.ChatRequests.Count);
        Assert.All(harness.ChatRequests, request =>
        {
            Assert.Equal("stop", request.DoneReason);
            Assert.Equal(512, request.PromptEvalCount);
            Assert.True(request.PromptTokens > 512);
        });
    }

    [Fact]
    public async Task ABackendThatSendsNoFirstTokenIsCutAfterFirstTokenTimeoutRetriedThenReportedAsBackendUnavailable()
    {
        await using var harness = await LlmHarness.StartAsync(
            faults: s => s with { FaultHang = 1 },
            settings: new Dictionary<string, string?> { ["FirstTokenTimeout"] = "00:00:01", ["StreamIdleTimeout"] = "00:00:01" });

        var result = await harness.Translator.TranslateAsync(LlmSamples.TwoParagraphRequest, LlmHarness.Timeout);

        Assert.False(result.Succeeded);
        Assert.Equal(LlmFailureKind.BackendUnavailable, result.Failure);
        Assert.Contains("no first token within 00:00:01 (Grid:Llm:FirstTokenTimeout)", result.FailureDetail);
        // Each attempt ended at the emulator only because Grid gave up on it and went away: while it
        // hung, or (on a loaded machine) while still waiting there for a slot.
        await harness.Emulator.WaitUntilAsync(stats => stats.Kind(RequestKinds.Chat) == LlmHarness.MaxAttempts, LlmHarness.Timeout);
        Assert.All(harness.ChatRequests, request => Assert.Contains(request.Outcome, new[] { RequestOutcomes.FaultHang, RequestOutcomes.Cancelled }));
    }

    [Fact]
    public async Task AStreamThatGoesSilentMidAnswerIsCutAfterStreamIdleTimeoutAndBothSidesFreeTheirSlots()
    {
        await using var harness = await LlmHarness.StartAsync(
            faults: s => s with { FaultStall = 1 },
            settings: new Dictionary<string, string?> { ["StreamIdleTimeout"] = "00:00:00.500", ["CircuitFailures"] = "1000" });

        var result = await harness.Translator.TranslateAsync(LlmSamples.TwoParagraphRequest, LlmHarness.Timeout);

        Assert.False(result.Succeeded);
        Assert.Equal(LlmFailureKind.BackendUnavailable, result.Failure);
        Assert.Contains("went silent for 00:00:00.5000000 in the middle of its answer (Grid:Llm:StreamIdleTimeout)", result.FailureDetail);
        // Every stalled answer ended at the emulator because Grid hung up, which freed the emulator's slot...
        var stats = await harness.Emulator.WaitUntilAsync(stats => stats.Outcome(RequestOutcomes.FaultStall) == LlmHarness.MaxAttempts, LlmHarness.Timeout);
        Assert.Equal(0, stats.InFlight);
        Assert.All(harness.ChatRequests, request => Assert.Equal(499, request.Status));
        // ...and Grid's own slots are free, each stall counted against the endpoint.
        var usage = await harness.Services.GetRequiredService<ILlmSlotDirectory>().For(harness.Endpoint.Url).GetUsageAsync();
        Assert.Equal(0, usage.Busy);
        Assert.Equal(LlmHarness.MaxAttempts, usage.ConsecutiveFailures);
    }

    [Fact]
    public async Task AnAnswerStillStreamingWhenRequestTimeoutPassesIsCut()
    {
        // Pieces come every 0.6 s, inside the idle allowance; the whole answer would take several seconds.
        await using var harness = await LlmHarness.StartAsync(
            faults: s => s with { TokensPerSecond = 5 },
            settings: new Dictionary<string, string?> { ["RequestTimeout"] = "00:00:01", ["StreamIdleTimeout"] = "00:00:01" });

        var result = await harness.Translator.TranslateAsync(LlmSamples.TwoParagraphRequest, LlmHarness.Timeout);

        Assert.False(result.Succeeded);
        Assert.Contains("took longer than 00:00:01 (Grid:Llm:RequestTimeout)", result.FailureDetail);
        // Every attempt that reached the emulator (on a loaded machine the first may be cut before it is sent) was hung up on.
        await harness.Emulator.WaitUntilAsync(stats => stats.InFlight == 0 && stats.Queued == 0 && stats.Kind(RequestKinds.Chat) > 0, LlmHarness.Timeout);
        Assert.All(harness.ChatRequests, request => Assert.Equal(RequestOutcomes.Cancelled, request.Outcome));
    }

    [Fact]
    public async Task AnErrorLineInTheMiddleOfTheStreamIsRetriedThenReportedAsBackendUnavailableWithoutItsFinalLine()
    {
        await using var harness = await LlmHarness.StartAsync(faults: s => s with { FaultMidstreamError = 1 });

        var result = await harness.Translator.TranslateAsync(LlmSamples.TwoParagraphRequest, LlmHarness.Timeout);

        Assert.False(result.Succeeded);
        Assert.Equal(LlmFailureKind.BackendUnavailable, result.Failure);
        Assert.Contains("ended without its final line", result.FailureDetail);
        Assert.Equal(LlmHarness.MaxAttempts, harness.Emulator.Stats.Outcome(RequestOutcomes.FaultMidstreamError));
        Assert.All(harness.ChatRequests, request => Assert.Equal(200, request.Status));
    }

    [Fact]
    public async Task AnUntranslatedAnswerIsRejectedAsNotEnglishRetriedThenFailed()
    {
        await using var harness = await LlmHarness.StartAsync(faults: s => s with { FaultUntranslated = 1 });

        var result = await harness.Translator.TranslateAsync(LlmSamples.OneParagraphRequest, LlmHarness.Timeout);

        Assert.False(result.Succeeded);
        Assert.Empty(result.English);
        Assert.Equal(LlmFailureKind.InvalidAnswer, result.Failure);
        Assert.Contains("not English", result.FailureDetail);
        Assert.Contains("Arabic", result.FailureDetail);
        Assert.Equal(LlmHarness.MaxAttempts, harness.Emulator.Stats.Outcome(RequestOutcomes.FaultUntranslated));
    }

    [Fact]
    public async Task ARequestTheBackendRefusesWith400IsNotRetriedAndFailsAsRejected()
    {
        await using var harness = await LlmHarness.StartAsync();
        // Grid always sends think=false, so the emulator's "does not support thinking" 400 cannot arise;
        // a response format that is neither "json" nor a schema object is Ollama's other 400.
        var badSchema = JsonSerializer.SerializeToElement("yaml");
        var prompt = TranslationPromptFor(LlmSamples.FirstParagraph) with { JsonSchema = badSchema };

        var failure = await Assert.ThrowsAsync<LlmException>(() => harness.Gateway.RunAsync(
            prompt, answer => AnswerCheck<string>.Accept(answer.Text), LlmHarness.Timeout));

        Assert.Equal(LlmFailureKind.Rejected, failure.Kind);
        Assert.Contains("400", failure.Message);
        Assert.Contains("invalid format", failure.Message);
        Assert.Equal(1, harness.Emulator.Stats.Kind(RequestKinds.Chat));
        Assert.Equal(1, harness.Emulator.Stats.Outcome(RequestOutcomes.BadRequest));
    }

    [Fact]
    public async Task ARefusedConnectionSpendsNoAttemptAndTheWorkRunsWhenABackendListensOnThatPort()
    {
        var port = ClosedPort();
        await using var services = LlmHarness.BuildServices(new Dictionary<string, string?>
        {
            ["Model"] = LlmHarness.Model,
            ["Endpoints:0:Url"] = $"http://127.0.0.1:{port}",
            ["MaxAttempts"] = LlmHarness.MaxAttempts.ToString(),
            ["RetryDelay"] = "00:00:00.010",
            ["MaxRetryDelay"] = "00:00:00.100",
            ["CircuitBreakTime"] = "00:00:00.100",
            ["CircuitMaxBreakTime"] = "00:00:00.200",
        });
        var gateway = services.GetRequiredService<LlmGateway>();
        var waiting = new TaskCompletionSource<BackendWait>(TaskCreationOptions.RunContinuationsAsynchronously);
        var checks = 0;

        var work = gateway.RunAsync(
            TranslationPromptFor(LlmSamples.FirstParagraph),
            answer => { checks++; return AnswerCheck<string>.Accept(answer.Text); },
            LlmHarness.Timeout,
            wait => { if (wait is not null) waiting.TrySetResult(wait); });
        var wait = await waiting.Task.WaitAsync(LlmHarness.Timeout);
        Assert.Contains($"127.0.0.1:{port}", wait.Reason);
        Assert.Contains("unreachable", wait.Reason);
        Assert.False(work.IsCompleted);
        await using var emulator = await OllamaEmulatorServer.StartAsync(new EmulatorOptions { Models = LlmHarness.Model, TokensPerSecond = 0 }, port);
        var result = await work;

        Assert.Equal(1, checks);
        Assert.Equal(1, result.Usage.Calls);
        Assert.Equal(1, emulator.Stats.Outcome(RequestOutcomes.Ok));
    }

    [Fact]
    public async Task AnEndpointUnreachableForLongerThanGiveUpAfterFailsTheWorkAsNoBackendNamingTheEndpoint()
    {
        var closed = $"http://127.0.0.1:{ClosedPort()}";
        await using var services = LlmHarness.BuildServices(new Dictionary<string, string?>
        {
            ["Model"] = LlmHarness.Model,
            ["Endpoints:0:Url"] = closed,
            ["RetryDelay"] = "00:00:00.010",
            ["GiveUpAfter"] = "00:00:00.500",
        });
        var gateway = services.GetRequiredService<LlmGateway>();
        var checks = 0;

        var failure = await Assert.ThrowsAsync<LlmException>(() => gateway.RunAsync(
            TranslationPromptFor(LlmSamples.FirstParagraph),
            answer => { checks++; return AnswerCheck<string>.Accept(answer.Text); },
            LlmHarness.Timeout));

        Assert.Equal(LlmFailureKind.NoBackend, failure.Kind);
        Assert.Contains(closed, failure.Message);
        Assert.Contains("unreachable", failure.Message);
        Assert.Contains("Grid:Llm:GiveUpAfter", failure.Message);
        Assert.Equal(0, checks);
        Assert.Equal(0, failure.Usage.Calls);
    }

    private static LlmPrompt TranslationPromptFor(string arabic, int maxOutputTokens = 512) =>
        new("translation", Grid.Grains.Translation.TranslationPrompt.For(arabic, 1), maxOutputTokens);

    /// <summary>A loopback port nothing listens on: bound by the OS, then let go.</summary>
    internal static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
