namespace Grid.Grains.Llm;

/// <summary>
/// Ends a streamed answer's body when its attempt's deadline passes. The chat clients read the body
/// with no token that a deadline could cancel once the headers are in, so a read on a stream gone
/// silent would wait forever; disposing the response closes the connection, which ends the read and
/// tells the backend to stop generating (Ollama frees its slot when its client leaves).
/// </summary>
public sealed class AttemptDeadlineHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private static readonly AsyncLocal<CancellationToken> Deadline = new();

    /// <summary>Makes the requests sent from the calling flow obey <paramref name="deadline"/> until their bodies are read.</summary>
    public static void Apply(CancellationToken deadline) => Deadline.Value = deadline;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        // The registration goes with the deadline's token source, which the attempt disposes when it ends.
        if (Deadline.Value is { CanBeCanceled: true } deadline)
            deadline.Register(response.Dispose);
        return response;
    }
}
