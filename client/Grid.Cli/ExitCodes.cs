namespace Grid.Cli;

/// <summary>What scripts can rely on: 0 is done, anything else says which kind of failure.</summary>
public static class ExitCodes
{
    public const int Done = 0;
    public const int ArticleFailed = 1;
    public const int BadInput = 2;
    public const int NotFound = 3;
    public const int ClusterUnreachable = 4;
    /// <summary>The HTTP API refused the API key, or wanted one and got none.</summary>
    public const int Unauthorized = 5;
    /// <summary>A bug or an error Grid did not foresee (sysexits' EX_SOFTWARE); the message says what happened.</summary>
    public const int Unexpected = 70;
}
