namespace Grid.Grains.Llm;

/// <summary>
/// The deadlines of one attempt, which hold while the answer streams (an HttpClient's timeout stops
/// counting once the headers are in): the whole attempt (<see cref="LlmOptions.RequestTimeout"/>),
/// the first piece (<see cref="LlmOptions.FirstTokenTimeout"/>, long enough for a model to load) and
/// the silence between two pieces (<see cref="LlmOptions.StreamIdleTimeout"/>). When one passes,
/// <see cref="Token"/> is cancelled, which cancels the HTTP request, so the backend stops generating.
/// </summary>
public sealed class AttemptDeadline : IDisposable
{
    private readonly LlmOptions _options;
    private readonly CancellationTokenSource _whole;
    private readonly CancellationTokenSource _silence;
    private readonly CancellationTokenSource _any;
    private bool _answering;

    public AttemptDeadline(LlmOptions options, CancellationToken caller)
    {
        _options = options;
        _whole = new CancellationTokenSource(options.RequestTimeout);
        _silence = new CancellationTokenSource(options.FirstTokenTimeout);
        _any = CancellationTokenSource.CreateLinkedTokenSource(caller, _whole.Token, _silence.Token);
    }

    /// <summary>Cancelled by the caller or when a deadline passes.</summary>
    public CancellationToken Token => _any.Token;

    /// <summary>A deadline passed (rather than the caller giving up).</summary>
    public bool Passed => _whole.IsCancellationRequested || _silence.IsCancellationRequested;

    /// <summary>A piece of the answer came: the silence is counted again from now, with the shorter allowance once the answer has begun.</summary>
    public void PieceArrived()
    {
        _answering = true;
        if (!_silence.IsCancellationRequested)
            _silence.CancelAfter(_options.StreamIdleTimeout);
    }

    /// <summary>Which deadline passed, in a sentence that names its setting.</summary>
    public string Problem(string endpoint) =>
        _whole.IsCancellationRequested ? $"{endpoint} did not answer in time: the attempt took longer than {_options.RequestTimeout} (Grid:Llm:RequestTimeout)"
        : _answering ? $"{endpoint} did not answer in time: it went silent for {_options.StreamIdleTimeout} in the middle of its answer (Grid:Llm:StreamIdleTimeout)"
        : $"{endpoint} did not answer in time: no first token within {_options.FirstTokenTimeout} (Grid:Llm:FirstTokenTimeout)";

    public void Dispose()
    {
        _any.Dispose();
        _whole.Dispose();
        _silence.Dispose();
    }
}
