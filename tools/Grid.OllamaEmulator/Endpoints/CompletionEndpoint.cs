using Grid.OllamaEmulator.Catalog;
using Grid.OllamaEmulator.Content;
using Grid.OllamaEmulator.Faults;
using Grid.OllamaEmulator.Recording;
using Grid.OllamaEmulator.Scheduling;
using Grid.OllamaEmulator.Settings;
using Grid.OllamaEmulator.Stats;
using Grid.OllamaEmulator.Wire;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace Grid.OllamaEmulator.Endpoints;

/// <summary><c>POST /api/chat</c> and <c>POST /api/generate</c>: validate, queue for a slot, then answer at the configured pace.</summary>
internal sealed class CompletionEndpoint(
    EmulatorOptions options,
    ModelCatalog catalog,
    SlotScheduler scheduler,
    EmulatorStats stats,
    RuntimeSettingsStore settings,
    FaultDice dice,
    TimeProvider clock,
    ChatBodyRecording recording,
    IHostApplicationLifetime lifetime)
{
    // A few tokens per NDJSON line: real Ollama sends one, which costs more than it shows.
    private const int TokensPerLine = 3;

    public Task ChatAsync(HttpContext context) => HandleAsync(context, RequestKinds.Chat);

    public Task GenerateAsync(HttpContext context) => HandleAsync(context, RequestKinds.Generate);

    private async Task HandleAsync(HttpContext context, string kind)
    {
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var log = new RequestLogEntry(stats, clock, kind, context);
        try
        {
            await ServeAsync(context, kind, log, abort.Token).ConfigureAwait(false);
        }
        catch (Exception) when (abort.IsCancellationRequested)
        {
            // The client went away (or the server is stopping): nothing left to answer.
        }
        catch (Exception e)
        {
            log.Complete(StatusCodes.Status500InternalServerError, RequestOutcomes.ServerError, e.Message);
            if (context.Response.HasStarted)
                throw;
            await OllamaResponses.ErrorAsync(context.Response, StatusCodes.Status500InternalServerError, e.Message, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            log.Complete(StatusCodes.Status499ClientClosedRequest, RequestOutcomes.Cancelled);
        }
    }

    private async Task ServeAsync(HttpContext context, string kind, RequestLogEntry log, CancellationToken cancellationToken)
    {
        CompletionRequest request;
        try
        {
            var (body, raw) = await RequestBodyReader.ReadAsync(context.Request, kind == RequestKinds.Chat ? "api.ChatRequest" : "api.GenerateRequest", cancellationToken).ConfigureAwait(false);
            if (kind == RequestKinds.Chat)
                recording.Add(raw);
            request = kind == RequestKinds.Chat ? CompletionRequestParser.ParseChat(body) : CompletionRequestParser.ParseGenerate(body);
        }
        catch (BadRequestException e)
        {
            await FailAsync(context, log, StatusCodes.Status400BadRequest, RequestOutcomes.BadRequest, e.Message, cancellationToken).ConfigureAwait(false);
            return;
        }
        log.Describe(request);

        var model = catalog.Find(request.Model);
        if (model is null)
        {
            await FailAsync(context, log, StatusCodes.Status404NotFound, RequestOutcomes.NotFound, $"model '{request.Model}' not found", cancellationToken).ConfigureAwait(false);
            return;
        }
        if (request.ThinkRequested && !model.CanThink)
        {
            await FailAsync(context, log, StatusCodes.Status400BadRequest, RequestOutcomes.BadRequest, $"\"{request.Model}\" does not support thinking", cancellationToken).ConfigureAwait(false);
            return;
        }
        if (request.IsLoadOnly)
        {
            catalog.MarkUsed(model, request.KeepAlive, NumCtx(request));
            log.Complete(StatusCodes.Status200OK, RequestOutcomes.Ok);
            var loaded = OllamaJson.Completion(kind, request.Model, clock.GetUtcNow(), "", "load", metrics: null);
            await OllamaResponses.JsonAsync(context.Response, StatusCodes.Status200OK, loaded, cancellationToken).ConfigureAwait(false);
            return;
        }

        var faults = dice.Roll(settings.Current);
        if (faults.Busy)
        {
            await FailAsync(context, log, StatusCodes.Status503ServiceUnavailable, RequestOutcomes.FaultBusy, OllamaResponses.ServerBusy, cancellationToken).ConfigureAwait(false);
            return;
        }

        using var lease = await scheduler.TryAcquireAsync(cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            await FailAsync(context, log, StatusCodes.Status503ServiceUnavailable, RequestOutcomes.Busy, OllamaResponses.ServerBusy, cancellationToken).ConfigureAwait(false);
            return;
        }
        log.MarkServed();
        catalog.MarkUsed(model, request.KeepAlive, NumCtx(request));

        if (faults.Hang)
        {
            await HangAsync(log, cancellationToken).ConfigureAwait(false);
            return;
        }

        var plan = CompletionPlanner.Plan(request, faults, NumCtx(request));
        log.Describe(plan);
        var answer = new AnswerWriter(context.Response, request, plan, lease, log, new OutputPacer(settings, clock, lease.GrantedAtTimestamp), clock);
        if (request.Stream)
            await answer.StreamAsync(TokensPerLine, cancellationToken).ConfigureAwait(false);
        else
            await answer.WholeAsync(cancellationToken).ConfigureAwait(false);
    }

    private int NumCtx(CompletionRequest request) => request.Options.NumCtx is > 0 and var numCtx ? numCtx : options.DefaultNumCtx;

    private static async Task HangAsync(RequestLogEntry log, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            log.Complete(StatusCodes.Status499ClientClosedRequest, RequestOutcomes.FaultHang);
        }
    }

    private static Task FailAsync(HttpContext context, RequestLogEntry log, int status, string outcome, string message, CancellationToken cancellationToken)
    {
        log.Complete(status, outcome, message);
        return OllamaResponses.ErrorAsync(context.Response, status, message, cancellationToken);
    }
}
