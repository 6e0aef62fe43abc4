namespace Grid.Client;

/// <summary>
/// No silo of the Grid cluster could be reached: at start (none answered within
/// <see cref="GridClientOptions.ConnectTimeout"/>), or for a call (the silos went away). The message
/// says where the client looked; the inner exception is Orleans' own.
/// </summary>
public sealed class GridUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
