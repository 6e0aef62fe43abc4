using System.Diagnostics;
using System.Text;
using Grid.Abstractions.Translation;
using Grid.Grains.Llm.Slots;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OllamaSharp.Models.Chat;

namespace Grid.Grains.Llm;

/// <summary>
/// Every LLM call goes through here: it takes a cluster-wide slot on the least busy backend in rotation, sends the
/// reproducible per-call options, checks that the answer is complete, lets the caller check its
/// content, and retries what is worth retrying with jittered backoff.
/// </summary>
public sealed partial class LlmGateway(LlmEndpointPool pool, LlmSlotBroker slots, LlmModelPuller puller, IOptions<LlmOptions> options, ILogger<LlmGateway> logger)
{
    private readonly LlmOptions _options = options.Value;

    public string Model => _options.Model;

    public int ContextTokens => _options.ContextTokens;

    /// <param name="onWait">
    /// Told when the work begins to wait for a backend (none reachable, all out of rotation, or "busy")
    /// and, with null, when a backend takes it: waiting spends no attempt, up to <see cref="LlmOptions.GiveUpAfter"/>.
    /// </param>
    public async Task<LlmResult<T>> RunAsync<T>(
        LlmPrompt prompt, Func<LlmAnswer, AnswerCheck<T>> check, CancellationToken cancellationToken = default, Action<BackendWait?>? onWait = null)
    {
        var usage = LlmUsage.None;
        var lastKind = LlmFailureKind.InvalidAnswer;
        var lastProblem = "no attempt was made";
        var wait = new OutageWait(onWait);
        var (attempts, waits) = (0, 0);
        var pause = TimeSpan.Zero;
        LlmEndpoint? failedOn = null;
        while (true)
        {
            if (pause > TimeSpan.Zero)
                await Task.Delay(pause, cancellationToken);

            LlmAnswer answer;
            try
            {
                answer = await CallWithSlotAsync(prompt, failedOn, wait, cancellationToken);
            }
            catch (LlmCallFailure failure) when (failure.BackendAbsent)
            {
                failedOn = failure.Endpoint;
                var since = wait.Begin(failure.Message);
                if (DateTimeOffset.UtcNow - since >= _options.GiveUpAfter)
                    throw new LlmException(LlmFailureKind.NoBackend,
                        $"{prompt.Purpose} found no backend to take it for {_options.GiveUpAfter} (Grid:Llm:GiveUpAfter); first: {wait.FirstReason}; last: {failure.Message}", usage, failure);
                if (waits == 0)
                    LogWaiting(prompt.Purpose, since, failure.Message);
                var horizon = since + _options.GiveUpAfter - DateTimeOffset.UtcNow;
                pause = TimeSpan.FromTicks(Math.Min(Backoff(++waits + 1, failure.RetryAt).Ticks, horizon.Ticks));
                continue;
            }
            catch (LlmCallFailure failure) when (failure.Retryable)
            {
                wait.End();
                (lastKind, lastProblem, failedOn) = (failure.Kind, failure.Message, failure.Endpoint);
                LogRetry(prompt.Purpose, ++attempts, failure.Message);
                if (attempts >= _options.MaxAttempts)
                    break;
                (waits, pause) = (0, Backoff(attempts + 1, failure.RetryAt));
                continue;
            }
            catch (LlmCallFailure failure)
            {
                throw new LlmException(failure.Kind, failure.Message, usage, failure);
            }

            wait.End();
            (failedOn, waits) = (null, 0);
            attempts++;
            usage += answer.Usage;
            var problem = IncompleteAnswerProblem(answer);
            var verdict = problem is null ? check(answer) : AnswerCheck<T>.Reject(problem);
            LlmMetrics.RecordAnswer(answer, verdict.Accepted);
            if (verdict.Accepted)
                return new LlmResult<T>(verdict.Value!, usage, verdict.Repairs);

            (lastKind, lastProblem) = (LlmFailureKind.InvalidAnswer, verdict.Problem!);
            LogRetry(prompt.Purpose, attempts, lastProblem);
            if (attempts >= _options.MaxAttempts)
                break;
            prompt = prompt with { Rejections = prompt.Rejections + 1 };
            pause = Backoff(attempts + 1, retryAt: null);
        }
        throw new LlmException(lastKind, $"{prompt.Purpose} failed after {_options.MaxAttempts} attempts; last: {lastProblem}", usage);
    }

    private async Task<LlmAnswer> CallWithSlotAsync(LlmPrompt prompt, LlmEndpoint? avoid, OutageWait wait, CancellationToken cancellationToken)
    {
        var slot = await slots.AcquireAsync(prompt.RisingLane ?? new RisingLane(prompt.Lane), cancellationToken, avoid);
        var outcome = CallOutcome.Unused;
        try
        {
            using var call = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, slot.Lost);
            var answer = await CallAsync(slot.Endpoint, prompt, wait, call.Token, slot.Lost);
            outcome = CallOutcome.Answered;
            return answer;
        }
        catch (LlmCallFailure failure)
        {
            outcome = failure.Kind == LlmFailureKind.BackendUnavailable && !slot.Lost.IsCancellationRequested ? CallOutcome.Failed : CallOutcome.Answered;
            failure.Endpoint = slot.Endpoint;
            if (failure.Kind == LlmFailureKind.ModelMissing)
            {
                slot.Endpoint.Health = slot.Endpoint.Health with { Checked = true, Reachable = true, ModelPresent = false, Problem = failure.Message };
                // Another endpoint may have the model: the work goes there, and this one waits for its next check.
                if (!_options.PullMissingModel && pool.Endpoints.Any(endpoint => endpoint != slot.Endpoint && endpoint.Health.Usable))
                    throw new LlmCallFailure(failure.Message, retryable: true, LlmFailureKind.ModelMissing, failure) { Endpoint = slot.Endpoint };
            }
            if (failure.Kind != LlmFailureKind.ModelMissing || !_options.PullMissingModel)
                throw;
        }
        finally
        {
            await slot.ReleaseAsync(outcome);
        }

        // The model is missing and may be pulled: without holding the slot, as a download takes minutes.
        await puller.PullAsync(slot.Endpoint, cancellationToken);
        slot.Endpoint.Health = slot.Endpoint.Health with { ModelPresent = true, Problem = null };
        throw new LlmCallFailure($"model '{_options.Model}' was missing on {slot.Endpoint.Url} and has been pulled", retryable: true, LlmFailureKind.ModelMissing);
    }

    private async Task<LlmAnswer> CallAsync(LlmEndpoint endpoint, LlmPrompt prompt, OutageWait wait, CancellationToken cancellationToken, CancellationToken lost)
    {
        // Cancelling the request when a deadline passes closes the connection: the backend stops generating and frees its slot.
        using var deadline = new AttemptDeadline(_options, cancellationToken);
        AttemptDeadlineHandler.Apply(deadline.Token);
        var options = ChatOptionsFor(prompt, endpoint.Kind);
        using var span = LlmChatSpan.Start(endpoint, options);
        var started = Stopwatch.GetTimestamp();
        var firstToken = true;
        var text = new StringBuilder();
        string? doneReason = null;
        var (inputTokens, outputTokens) = (0, 0);
        try
        {
            await foreach (var update in endpoint.Client.GetStreamingResponseAsync(prompt.Messages, options, deadline.Token))
            {
                deadline.PieceArrived();
                wait.End();
                span.Saw(update);
                // Read once: the update builds its text from its contents on every read.
                var piece = update.Text;
                if (firstToken && piece.Length > 0)
                {
                    firstToken = false;
                    var sinceSent = Stopwatch.GetElapsedTime(started);
                    LlmMetrics.RecordFirstToken(endpoint.Url, sinceSent);
                    span.FirstChunk(sinceSent);
                }
                text.Append(piece);
                if (update.RawRepresentation is ChatDoneResponseStream final)
                    (doneReason, inputTokens, outputTokens) = (final.DoneReason ?? "stop", final.PromptEvalCount, final.EvalCount);
                else if (update.FinishReason is { } finish)
                    doneReason = finish.Value;
                if (UsageIn(update) is { } usage)
                    (inputTokens, outputTokens) = ((int)(usage.Details.InputTokenCount ?? inputTokens), (int)(usage.Details.OutputTokenCount ?? outputTokens));
            }
        }
        catch (OperationCanceledException) when (lost.IsCancellationRequested)
        {
            throw Failed(endpoint, started, span, new LlmCallFailure($"the slot on {endpoint.Url} was lost (its lease could not be renewed), so the request was stopped", retryable: true, LlmFailureKind.BackendUnavailable));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            LlmMetrics.RecordCancelled(endpoint.Url);
            span.Failed(nameof(OperationCanceledException), "the caller gave up");
            throw;
        }
        catch (Exception) when (deadline.Passed)
        {
            throw Failed(endpoint, started, span, new LlmCallFailure(deadline.Problem(endpoint.Url), retryable: true, LlmFailureKind.BackendUnavailable));
        }
        catch (Exception error)
        {
            throw Failed(endpoint, started, span, LlmFailureClassifier.Classify(error, endpoint.Url, endpoint.Kind, _options.Model));
        }

        // A client may end the stream quietly when its token is cancelled.
        if (deadline.Passed)
            throw Failed(endpoint, started, span, new LlmCallFailure(deadline.Problem(endpoint.Url), retryable: true, LlmFailureKind.BackendUnavailable));

        // Neither client raises an error sent after the 200 (Ollama's {"error":...} line, an OpenAI error event): the only sign is a missing end.
        if (doneReason is null)
            throw Failed(endpoint, started, span, new LlmCallFailure($"the answer from {endpoint.Url} ended without its final line (an error mid-stream)", retryable: true, LlmFailureKind.BackendUnavailable));

        span.Answered(doneReason, inputTokens, outputTokens);
        return new LlmAnswer(text.ToString(), doneReason, inputTokens, outputTokens, Stopwatch.GetElapsedTime(started), endpoint.Url);
    }

    /// <summary>The usage an update carries (an OpenAI-compatible server's last chunk), looked up by index: this runs for every piece of every answer.</summary>
    private static UsageContent? UsageIn(ChatResponseUpdate update)
    {
        var contents = update.Contents;
        for (var i = 0; i < contents.Count; i++)
            if (contents[i] is UsageContent usage)
                return usage;
        return null;
    }

    private static LlmCallFailure Failed(LlmEndpoint endpoint, long started, LlmChatSpan span, LlmCallFailure failure)
    {
        LlmMetrics.RecordFailure(endpoint.Url, failure.Kind, Stopwatch.GetElapsedTime(started));
        span.Failed(failure.Kind.ToString(), failure.Message);
        return failure;
    }

    private string? IncompleteAnswerProblem(LlmAnswer answer)
    {
        if (answer.DoneReason is not null and not "stop")
            return $"the answer was cut off (done_reason '{answer.DoneReason}')";
        if (answer.InputTokens >= _options.ContextTokens)
            return $"the prompt filled the whole context window ({answer.InputTokens} of {_options.ContextTokens} tokens) and was cut";
        return null;
    }

    /// <summary>
    /// The same on every backend: temperature 0 and the fixed seed (another seed and
    /// <see cref="LlmOptions.RetryTemperature"/> after a rejected answer), the output limit (Ollama's
    /// <c>num_predict</c>, OpenAI's <c>max_completion_tokens</c>) and the JSON schema of a structured answer.
    /// </summary>
    private ChatOptions ChatOptionsFor(LlmPrompt prompt, LlmEndpointKind kind) => new()
    {
        ModelId = _options.Model,
        Temperature = prompt.Rejections == 0 ? 0 : (float)_options.RetryTemperature,
        Seed = _options.Seed + prompt.Rejections,
        MaxOutputTokens = prompt.MaxOutputTokens,
        ResponseFormat = prompt.JsonSchema is { } schema ? ChatResponseFormat.ForJsonSchema(schema, schemaName: prompt.Purpose.Replace(' ', '_')) : null,
        // Ollama-only settings ride on the raw request: the context window, no thinking, and keeping the model loaded.
        // An OpenAI-compatible server has its context fixed at start (vLLM's --max-model-len) and keeps its model loaded.
        RawRepresentationFactory = kind == LlmEndpointKind.Ollama ? _ => new ChatRequest
        {
            Options = new OllamaSharp.Models.RequestOptions { NumCtx = _options.ContextTokens },
            Think = false,
            KeepAlive = _options.KeepAlive,
        } : null,
    };

    /// <summary>Exponential with jitter and a cap; never before the first endpoint comes back into rotation.</summary>
    private TimeSpan Backoff(int attempt, DateTimeOffset? retryAt)
    {
        var exponential = _options.RetryDelay.TotalMilliseconds * Math.Pow(2, attempt - 2);
        var jittered = TimeSpan.FromMilliseconds(Math.Min(exponential * (0.5 + Random.Shared.NextDouble()), _options.MaxRetryDelay.TotalMilliseconds));
        var untilRotation = retryAt - DateTimeOffset.UtcNow ?? TimeSpan.Zero;
        return untilRotation > jittered ? untilRotation : jittered;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Purpose} waits for a backend since {Since:u}: {Problem}")]
    private partial void LogWaiting(string purpose, DateTimeOffset since, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Purpose} attempt {Attempt} failed: {Problem}")]
    private partial void LogRetry(string purpose, int attempt, string problem);
}
