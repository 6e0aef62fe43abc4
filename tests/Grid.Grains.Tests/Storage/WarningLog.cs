using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Grid.Grains.Tests.Storage;

/// <summary>A logger that keeps the warnings it is given, to check what an operator is told.</summary>
internal sealed class WarningLog<T> : ILogger<T>
{
    public ConcurrentQueue<string> Warnings { get; } = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
            Warnings.Enqueue(formatter(state, exception));
    }
}
