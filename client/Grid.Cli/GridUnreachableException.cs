namespace Grid.Cli;

/// <summary>No silo answered; the message says where the CLI looked and how to start one.</summary>
public sealed class GridUnreachableException(string message, Exception inner) : Exception(message, inner);
