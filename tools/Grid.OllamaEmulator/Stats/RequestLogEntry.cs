using Grid.OllamaEmulator.Content;
using Grid.OllamaEmulator.Wire;
using Microsoft.AspNetCore.Http;

namespace Grid.OllamaEmulator.Stats;

/// <summary>
/// The record of one request while it is being served. It is completed exactly once, before the
/// last bytes go out, so a client that has its answer also finds the request in the stats.
/// </summary>
internal sealed class RequestLogEntry
{
    private readonly EmulatorStats _stats;
    private readonly TimeProvider _clock;
    private RequestRecord _record;
    private int _completed;

    public RequestLogEntry(EmulatorStats stats, TimeProvider clock, string kind, HttpContext context)
    {
        _stats = stats;
        _clock = clock;
        StartedTimestamp = clock.GetTimestamp();
        _record = new RequestRecord
        {
            Sequence = stats.NextSequence(),
            ReceivedAt = clock.GetUtcNow(),
            Kind = kind,
            Traceparent = context.Request.Headers["traceparent"].FirstOrDefault(),
        };
    }

    public long StartedTimestamp { get; }

    public bool IsCompleted => Volatile.Read(ref _completed) == 1;

    public void Describe(CompletionRequest request) => _record = _record with
    {
        Model = request.Model,
        LastUserMessage = request.LastUserMessage,
        System = request.System,
        EarlierTurns = request.EarlierTurns,
        MessageCount = request.Turns.Count,
        Options = request.Options,
        Think = request.Think,
        KeepAlive = request.KeepAliveText,
        FormatPresent = request.Format is not null,
        Task = CompletionPlanner.TaskOf(request),
        Stream = request.Stream,
    };

    public void Describe(string? model) => _record = _record with { Model = model };

    public void Describe(CompletionPlan plan) => _record = _record with
    {
        Structured = plan.Structured,
        Task = plan.Task,
        PromptTokens = plan.PromptTokens,
        PromptEvalCount = plan.PromptEvalCount,
        EvalCount = plan.EvalCount,
        DoneReason = plan.ErrorAfterTokens is null ? plan.DoneReason : null,
    };

    public void MarkServed() => _record = _record with { Served = true };

    /// <summary>Counts the request under its outcome; later calls are ignored.</summary>
    public void Complete(int status, string outcome, string? error = null)
    {
        if (Interlocked.Exchange(ref _completed, 1) == 1)
            return;
        _stats.Record(_record with
        {
            Status = status,
            Outcome = outcome,
            Error = error,
            DurationMilliseconds = _clock.GetElapsedTime(StartedTimestamp).TotalMilliseconds,
        });
    }
}
