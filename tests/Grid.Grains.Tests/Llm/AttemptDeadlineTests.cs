using System.Diagnostics;
using Grid.Grains.Llm;

namespace Grid.Grains.Tests.Llm;

/// <summary>The deadlines that hold while an answer streams: the first piece, and the silence between two pieces.</summary>
public sealed class AttemptDeadlineTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task PiecesThatKeepComingKeepTheAttemptAliveLongPastTheSilenceAllowance()
    {
        using var deadline = new AttemptDeadline(new LlmOptions { FirstTokenTimeout = TimeSpan.FromSeconds(2), StreamIdleTimeout = TimeSpan.FromSeconds(2) }, CancellationToken.None);
        var streaming = Stopwatch.StartNew();

        // A stream paced at a piece every 100 ms, for three times the allowance.
        while (streaming.Elapsed < TimeSpan.FromSeconds(6))
        {
            deadline.PieceArrived();
            await Task.Delay(100);
        }

        Assert.False(deadline.Token.IsCancellationRequested);
        Assert.False(deadline.Passed);
    }

    [Fact]
    public async Task SilenceAfterTheFirstPieceEndsTheAttemptAfterTheIdleAllowanceNotTheFirstTokenOne()
    {
        var idle = TimeSpan.FromMilliseconds(500);
        using var deadline = new AttemptDeadline(new LlmOptions { FirstTokenTimeout = TimeSpan.FromMinutes(5), StreamIdleTimeout = idle }, CancellationToken.None);
        deadline.PieceArrived();
        var silent = Stopwatch.StartNew();

        await Cancelled(deadline.Token).WaitAsync(Patience);

        Assert.True(silent.Elapsed >= idle - TimeSpan.FromMilliseconds(50), $"cut after {silent.Elapsed}");
        Assert.True(deadline.Passed);
        Assert.Contains("Grid:Llm:StreamIdleTimeout", deadline.Problem("http://backend"));
    }

    [Fact]
    public async Task NoFirstPieceEndsTheAttemptAtTheFirstTokenAllowance()
    {
        using var deadline = new AttemptDeadline(new LlmOptions { FirstTokenTimeout = TimeSpan.FromMilliseconds(300), StreamIdleTimeout = TimeSpan.FromMinutes(1) }, CancellationToken.None);

        await Cancelled(deadline.Token).WaitAsync(Patience);

        Assert.True(deadline.Passed);
        Assert.Contains("Grid:Llm:FirstTokenTimeout", deadline.Problem("http://backend"));
    }

    [Fact]
    public void TheCallerGivingUpIsNotADeadlinePassing()
    {
        using var caller = new CancellationTokenSource();
        using var deadline = new AttemptDeadline(new LlmOptions(), caller.Token);

        caller.Cancel();

        Assert.True(deadline.Token.IsCancellationRequested);
        Assert.False(deadline.Passed);
    }

    private static Task Cancelled(CancellationToken token)
    {
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => cancelled.TrySetResult());
        return cancelled.Task;
    }
}
