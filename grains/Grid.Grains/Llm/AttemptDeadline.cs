using System.Diagnostics;

namespace Grid.Grains.Llm;

/// <summary>
/// The deadlines of one attempt, which hold while the answer streams (an HttpClient's timeout stops
/// counting once the headers are in): the whole attempt (<see cref="LlmOptions.RequestTimeout"/>),
/// the first piece (<see cref="LlmOptions.FirstTokenTimeout"/>, long enough for a model to load) and
/// the silence between two pieces (<see cref="LlmOptions.StreamIdleTimeout"/>). When one passes,
/// <see cref="Token"/> is cancelled, which cancels the HTTP request, so the backend stops generating.
/// </summary>
/// <remarks>
/// A piece only notes when it came: the silence timer, when it fires, measures the silence since the last piece and
/// either ends the attempt or waits for the rest of the allowance. Moving a timer on every piece (hundreds per answer,
/// for every answer streaming at once) would cost more than the piece itself.
/// </remarks>
public sealed class AttemptDeadline : IDisposable
{
    private readonly LlmOptions _options;
    private readonly CancellationTokenSource _whole;
    private readonly CancellationTokenSource _silence = new();
    private readonly CancellationTokenSource _any;
    private readonly Timer _silenceWatch;
    private long _lastPiece = Stopwatch.GetTimestamp();
    private volatile bool _answering;
    private volatile bool _disposed;

    public AttemptDeadline(LlmOptions options, CancellationToken caller)
    {
        _options = options;
        _whole = new CancellationTokenSource(options.RequestTimeout);
        _any = CancellationTokenSource.CreateLinkedTokenSource(caller, _whole.Token, _silence.Token);
        _silenceWatch = new Timer(_ => CheckSilence(), null, options.FirstTokenTimeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Cancelled by the caller or when a deadline passes.</summary>
    public CancellationToken Token => _any.Token;

    /// <summary>A deadline passed (rather than the caller giving up).</summary>
    public bool Passed => _whole.IsCancellationRequested || _silence.IsCancellationRequested;

    /// <summary>A piece of the answer came: the silence is counted again from now, with the shorter allowance once the answer has begun.</summary>
    public void PieceArrived()
    {
        Volatile.Write(ref _lastPiece, Stopwatch.GetTimestamp());
        if (_answering)
            return;
        _answering = true;
        // The first piece: from now on the allowance is the shorter one, so the watch is set by it once.
        if (!_disposed)
            _silenceWatch.Change(_options.StreamIdleTimeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Which deadline passed, in a sentence that names its setting.</summary>
    public string Problem(string endpoint) =>
        _whole.IsCancellationRequested ? $"{endpoint} did not answer in time: the attempt took longer than {_options.RequestTimeout} (Grid:Llm:RequestTimeout)"
        : _answering ? $"{endpoint} did not answer in time: it went silent for {_options.StreamIdleTimeout} in the middle of its answer (Grid:Llm:StreamIdleTimeout)"
        : $"{endpoint} did not answer in time: no first token within {_options.FirstTokenTimeout} (Grid:Llm:FirstTokenTimeout)";

    public void Dispose()
    {
        _disposed = true;
        _silenceWatch.Dispose();
        _any.Dispose();
        _whole.Dispose();
        _silence.Dispose();
    }

    private void CheckSilence()
    {
        if (_disposed)
            return;
        var allowance = _answering ? _options.StreamIdleTimeout : _options.FirstTokenTimeout;
        var left = allowance - Stopwatch.GetElapsedTime(Volatile.Read(ref _lastPiece));
        try
        {
            if (left > TimeSpan.Zero)
                _silenceWatch.Change(left, Timeout.InfiniteTimeSpan);
            else
                _silence.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The attempt ended while the watch fired.
        }
    }
}
