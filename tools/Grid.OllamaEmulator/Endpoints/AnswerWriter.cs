using Grid.OllamaEmulator.Content;
using Grid.OllamaEmulator.Scheduling;
using Grid.OllamaEmulator.Stats;
using Grid.OllamaEmulator.Wire;
using Microsoft.AspNetCore.Http;

namespace Grid.OllamaEmulator.Endpoints;

/// <summary>
/// Sends a planned answer, streamed as NDJSON or as one object. The slot is released and the
/// request recorded just before the last bytes, so clients never see an answer the stats lack.
/// </summary>
internal sealed class AnswerWriter(
    HttpResponse response,
    CompletionRequest request,
    CompletionPlan plan,
    SlotLease lease,
    RequestLogEntry log,
    OutputPacer pacer,
    TimeProvider clock)
{
    private long? _firstTokenAt;

    private int TokensToSend => plan.TokensToSend;

    public async Task StreamAsync(int tokensPerLine, CancellationToken cancellationToken)
    {
        for (var sent = 0; sent < TokensToSend;)
        {
            var next = Math.Min(TokensToSend, sent + tokensPerLine);
            await pacer.WaitUntilDueAsync(next, cancellationToken).ConfigureAwait(false);
            _firstTokenAt ??= clock.GetTimestamp();
            var piece = OllamaJson.Completion(request.Kind, request.Model, clock.GetUtcNow(), Concat(sent, next), doneReason: null, metrics: null);
            await OllamaResponses.LineAsync(response, piece, cancellationToken).ConfigureAwait(false);
            sent = next;
        }
        await pacer.WaitUntilDueAsync(TokensToSend, cancellationToken).ConfigureAwait(false);

        if (plan.StallAfterTokens is not null)
        {
            await StallAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        if (plan.ErrorAfterTokens is not null)
        {
            // As Ollama: after the status went out the error can only be one more line; before, it is a 500.
            Finish(response.HasStarted ? StatusCodes.Status200OK : StatusCodes.Status500InternalServerError, CompletionPlan.MidstreamErrorMessage);
            if (response.HasStarted)
                await OllamaResponses.LineAsync(response, OllamaJson.Error(CompletionPlan.MidstreamErrorMessage), cancellationToken).ConfigureAwait(false);
            else
                await OllamaResponses.ErrorAsync(response, StatusCodes.Status500InternalServerError, CompletionPlan.MidstreamErrorMessage, cancellationToken).ConfigureAwait(false);
            return;
        }

        var done = OllamaJson.Completion(request.Kind, request.Model, clock.GetUtcNow(), "", plan.DoneReason, Metrics());
        Finish(StatusCodes.Status200OK, error: null);
        await OllamaResponses.LineAsync(response, done, cancellationToken).ConfigureAwait(false);
    }

    public async Task WholeAsync(CancellationToken cancellationToken)
    {
        await pacer.WaitUntilDueAsync(Math.Min(1, TokensToSend), cancellationToken).ConfigureAwait(false);
        _firstTokenAt = clock.GetTimestamp();
        await pacer.WaitUntilDueAsync(TokensToSend, cancellationToken).ConfigureAwait(false);

        if (plan.StallAfterTokens is not null)
        {
            // Without streaming only the headers can go out before the silence.
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = OllamaResponses.JsonContentType;
            await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
            await StallAsync(cancellationToken).ConfigureAwait(false);
            return;
        }
        if (plan.ErrorAfterTokens is not null)
        {
            // Without streaming Ollama collects the answer first, so a runner error becomes a 500.
            Finish(StatusCodes.Status500InternalServerError, CompletionPlan.MidstreamErrorMessage);
            await OllamaResponses.ErrorAsync(response, StatusCodes.Status500InternalServerError, CompletionPlan.MidstreamErrorMessage, cancellationToken).ConfigureAwait(false);
            return;
        }

        var whole = OllamaJson.Completion(request.Kind, request.Model, clock.GetUtcNow(), Concat(0, plan.Tokens.Count), plan.DoneReason, Metrics());
        Finish(StatusCodes.Status200OK, error: null);
        await OllamaResponses.JsonAsync(response, StatusCodes.Status200OK, whole, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Says nothing more until the client hangs up; then the slot is free again, as Ollama frees it when its client leaves.</summary>
    private async Task StallAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, clock, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Finish(StatusCodes.Status499ClientClosedRequest, error: null);
        }
    }

    private void Finish(int status, string? error)
    {
        lease.Dispose();
        log.Complete(status, plan.Outcome, error);
    }

    private CompletionMetrics Metrics()
    {
        var now = clock.GetTimestamp();
        var firstTokenAt = _firstTokenAt ?? now;
        return new CompletionMetrics(
            TotalDuration: clock.GetElapsedTime(log.StartedTimestamp, now),
            LoadDuration: clock.GetElapsedTime(log.StartedTimestamp, lease.GrantedAtTimestamp),
            PromptEvalCount: plan.PromptEvalCount,
            PromptEvalDuration: clock.GetElapsedTime(lease.GrantedAtTimestamp, firstTokenAt),
            EvalCount: plan.EvalCount,
            EvalDuration: clock.GetElapsedTime(firstTokenAt, now));
    }

    private string Concat(int from, int to) => string.Concat(plan.Tokens.Skip(from).Take(to - from));
}
