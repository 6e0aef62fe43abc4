using System.Text;
using Grid.OllamaEmulator.Content;
using Grid.OllamaEmulator.Scheduling;
using Grid.OllamaEmulator.Stats;
using Grid.OllamaEmulator.Wire;
using Microsoft.AspNetCore.Http;

namespace Grid.OllamaEmulator.OpenAI;

/// <summary>
/// Sends a planned answer in OpenAI's format: server-sent events (<c>data: {chunk}</c>, the last chunk
/// with its <c>finish_reason</c>, usage when asked, then <c>data: [DONE]</c>) or one <c>chat.completion</c>.
/// A mid-stream fault is an <c>error</c> event and the stream ends without <c>[DONE]</c>.
/// </summary>
internal sealed class OpenAIAnswerWriter(
    HttpResponse response,
    OpenAIRequest request,
    CompletionPlan plan,
    SlotLease lease,
    RequestLogEntry log,
    OutputPacer pacer,
    TimeProvider clock)
{
    private static readonly byte[] Done = Encoding.UTF8.GetBytes("data: [DONE]\n\n");

    private readonly string _id = "chatcmpl-" + Guid.NewGuid().ToString("N");
    private readonly long _created = clock.GetUtcNow().ToUnixTimeSeconds();

    private string Model => request.Completion.Model;

    private int TokensToSend => plan.TokensToSend;

    private OpenAIJson.Usage Usage => new(plan.PromptEvalCount, plan.EvalCount);

    public async Task StreamAsync(int tokensPerChunk, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        await EventAsync(OpenAIJson.Chunk(_id, _created, Model, "", first: true, finishReason: null), cancellationToken);
        for (var sent = 0; sent < TokensToSend;)
        {
            var next = Math.Min(TokensToSend, sent + tokensPerChunk);
            await pacer.WaitUntilDueAsync(next, cancellationToken).ConfigureAwait(false);
            await EventAsync(OpenAIJson.Chunk(_id, _created, Model, Concat(sent, next), first: false, finishReason: null), cancellationToken);
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
            Finish(StatusCodes.Status200OK, CompletionPlan.MidstreamErrorMessage);
            await EventAsync(OpenAIJson.Error(CompletionPlan.MidstreamErrorMessage, "InternalServerError", 500), cancellationToken);
            return;
        }

        Finish(StatusCodes.Status200OK, error: null);
        await EventAsync(OpenAIJson.Chunk(_id, _created, Model, content: null, first: false, plan.DoneReason), cancellationToken);
        if (request.IncludeUsage)
            await EventAsync(OpenAIJson.UsageChunk(_id, _created, Model, Usage), cancellationToken);
        await response.Body.WriteAsync(Done, cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task WholeAsync(CancellationToken cancellationToken)
    {
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
            Finish(StatusCodes.Status500InternalServerError, CompletionPlan.MidstreamErrorMessage);
            await OllamaResponses.JsonAsync(response, StatusCodes.Status500InternalServerError,
                OpenAIJson.Error(CompletionPlan.MidstreamErrorMessage, "InternalServerError", 500), cancellationToken).ConfigureAwait(false);
            return;
        }
        Finish(StatusCodes.Status200OK, error: null);
        await OllamaResponses.JsonAsync(response, StatusCodes.Status200OK,
            OpenAIJson.Completion(_id, _created, Model, Concat(0, plan.Tokens.Count), plan.DoneReason, Usage), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Says nothing more until the client hangs up; then the slot is free again.</summary>
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

    private async Task EventAsync(byte[] json, CancellationToken cancellationToken)
    {
        var line = new byte[json.Length + 8];
        "data: "u8.CopyTo(line);
        json.CopyTo(line, 6);
        line[^2] = (byte)'\n';
        line[^1] = (byte)'\n';
        await response.Body.WriteAsync(line, cancellationToken).ConfigureAwait(false);
        await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private string Concat(int from, int to) => string.Concat(plan.Tokens.Skip(from).Take(to - from));
}
