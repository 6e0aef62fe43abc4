namespace Grid.Client;

/// <summary>The Grid HTTP API refused the call's API key (or the missing one): the message says which Grid and how to send a key.</summary>
public sealed class GridUnauthorizedException(string message) : Exception(message);
