using Grid.OllamaEmulator.Catalog;
using Grid.OllamaEmulator.Content;
using Grid.OllamaEmulator.Faults;
using Grid.OllamaEmulator.Scheduling;
using Grid.OllamaEmulator.Settings;
using Grid.OllamaEmulator.Stats;
using Grid.OllamaEmulator.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Grid.OllamaEmulator.OpenAI;

/// <summary>
/// The OpenAI-compatible routes vLLM serves: <c>POST /v1/chat/completions</c> and <c>GET /v1/models</c>.
/// Same slots, queue, faults, answers and stats as the Ollama routes; the context is fixed at
/// <c>--context-length</c>, and a longer prompt is refused with 400, as vLLM does.
/// </summary>
internal sealed class OpenAIEndpoints(
    EmulatorOptions options,
    ModelCatalog catalog,
    SlotScheduler scheduler,
    EmulatorStats stats,
    RuntimeSettingsStore settings,
    FaultDice dice,
    TimeProvider clock,
    IHostApplicationLifetime lifetime)
{
    private const int TokensPerChunk = 3;

    public async Task ModelsAsync(HttpContext context)
    {
        new RequestLogEntry(stats, clock, RequestKinds.OpenAIModels, context).Complete(StatusCodes.Status200OK, RequestOutcomes.Ok);
        await OllamaResponses.JsonAsync(context.Response, StatusCodes.Status200OK,
            OpenAIJson.Models(catalog.Models.Select(model => model.Name), clock.GetUtcNow().ToUnixTimeSeconds()), context.RequestAborted).ConfigureAwait(false);
    }

    public async Task ChatCompletionsAsync(HttpContext context)
    {
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var log = new RequestLogEntry(stats, clock, RequestKinds.OpenAIChat, context);
        try
        {
            await ServeAsync(context, log, abort.Token).ConfigureAwait(false);
        }
        catch (Exception) when (abort.IsCancellationRequested)
        {
            // The client went away (or the server is stopping).
        }
        catch (Exception e)
        {
            log.Complete(StatusCodes.Status500InternalServerError, RequestOutcomes.ServerError, e.Message);
            if (context.Response.HasStarted)
                throw;
            await FailAsync(context, log, StatusCodes.Status500InternalServerError, RequestOutcomes.ServerError, "InternalServerError", e.Message, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            log.Complete(StatusCodes.Status499ClientClosedRequest, RequestOutcomes.Cancelled);
        }
    }

    private async Task ServeAsync(HttpContext context, RequestLogEntry log, CancellationToken cancellationToken)
    {
        OpenAIRequest request;
        try
        {
            request = OpenAIRequestParser.Parse(await RequestBodyReader.ReadObjectAsync(context.Request, "ChatCompletionRequest", cancellationToken).ConfigureAwait(false));
        }
        catch (BadRequestException e)
        {
            await FailAsync(context, log, StatusCodes.Status400BadRequest, RequestOutcomes.BadRequest, "BadRequestError", e.Message, cancellationToken).ConfigureAwait(false);
            return;
        }
        var completion = request.Completion;
        log.Describe(completion);

        if (catalog.Find(completion.Model) is not { } model)
        {
            await FailAsync(context, log, StatusCodes.Status404NotFound, RequestOutcomes.NotFound, "NotFoundError", $"The model `{completion.Model}` does not exist.", cancellationToken).ConfigureAwait(false);
            return;
        }
        var promptTokens = PromptFitter.Fit(completion, int.MaxValue).PromptTokens;
        if (promptTokens > options.ContextLength)
        {
            await FailAsync(context, log, StatusCodes.Status400BadRequest, RequestOutcomes.BadRequest, "BadRequestError",
                $"This model's maximum context length is {options.ContextLength} tokens. However, you requested {promptTokens} tokens in the messages. Please reduce the length of the messages.", cancellationToken).ConfigureAwait(false);
            return;
        }

        var faults = dice.Roll(settings.Current);
        if (faults.Busy)
        {
            await FailAsync(context, log, StatusCodes.Status503ServiceUnavailable, RequestOutcomes.FaultBusy, "ServiceUnavailableError", "The server is busy; try again.", cancellationToken).ConfigureAwait(false);
            return;
        }
        using var lease = await scheduler.TryAcquireAsync(cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            await FailAsync(context, log, StatusCodes.Status503ServiceUnavailable, RequestOutcomes.Busy, "ServiceUnavailableError", "The server is busy; try again.", cancellationToken).ConfigureAwait(false);
            return;
        }
        log.MarkServed();
        catalog.MarkUsed(model, keepAlive: null, options.ContextLength);
        if (faults.Hang)
        {
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                log.Complete(StatusCodes.Status499ClientClosedRequest, RequestOutcomes.FaultHang);
            }
            return;
        }

        var plan = CompletionPlanner.Plan(completion, faults, options.ContextLength);
        log.Describe(plan);
        var answer = new OpenAIAnswerWriter(context.Response, request, plan, lease, log, new OutputPacer(settings, clock, lease.GrantedAtTimestamp), clock);
        if (completion.Stream)
            await answer.StreamAsync(TokensPerChunk, cancellationToken).ConfigureAwait(false);
        else
            await answer.WholeAsync(cancellationToken).ConfigureAwait(false);
    }

    private static Task FailAsync(HttpContext context, RequestLogEntry log, int status, string outcome, string type, string message, CancellationToken cancellationToken)
    {
        log.Complete(status, outcome, message);
        return OllamaResponses.JsonAsync(context.Response, status, OpenAIJson.Error(message, type, status), cancellationToken);
    }
}
