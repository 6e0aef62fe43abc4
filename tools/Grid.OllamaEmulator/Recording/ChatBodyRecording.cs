namespace Grid.OllamaEmulator.Recording;

/// <summary>
/// Every <c>/api/chat</c> body as it arrived, in arrival order, while recording is on: a benchmark
/// replays exactly the requests a client sent (messages, options, format, streaming) without that client.
/// Off by default; the bytes kept are the buffer the request was read into, so recording copies nothing.
/// </summary>
internal sealed class ChatBodyRecording
{
    private readonly Lock _gate = new();
    private List<byte[]>? _bodies;

    public void Start()
    {
        lock (_gate)
            _bodies = [];
    }

    /// <summary>Ends the recording and hands over what it kept (empty when it was not on).</summary>
    public IReadOnlyList<byte[]> Stop()
    {
        lock (_gate)
        {
            var bodies = _bodies ?? [];
            _bodies = null;
            return bodies;
        }
    }

    public void Add(byte[] body)
    {
        lock (_gate)
            _bodies?.Add(body);
    }
}
