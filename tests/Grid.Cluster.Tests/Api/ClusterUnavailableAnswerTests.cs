using System.Text.Json.Nodes;
using Grid.Silo.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace Grid.Cluster.Tests.Api;

/// <summary>A grain call rejected because a silo just died is "try again", not a server bug (seen in the chaos test as a burst of 500s after each SIGKILL).</summary>
public sealed class ClusterUnavailableAnswerTests
{
    public static TheoryData<Exception> ClusterUnavailable() =>
    [
        new SiloUnavailableException("The target silo became unavailable"),
        // What a call already sent to a silo that died gets when membership takes longer than the response timeout to declare it dead.
        new TimeoutException("Response did not arrive on time in 00:00:30 for message"),
    ];

    [Theory]
    [MemberData(nameof(ClusterUnavailable))]
    public async Task AGrainCallMeetingADeadSiloIsAnswered503WithRetryAfterAndAProblem(Exception exception)
    {
        var context = NewContext();

        var handled = await new ClusterUnavailableExceptionHandler().TryHandleAsync(context, exception, CancellationToken.None);

        Assert.True(handled);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, context.Response.StatusCode);
        Assert.Equal("1", context.Response.Headers.RetryAfter.ToString());
        Assert.StartsWith("application/problem+json", context.Response.ContentType);
        context.Response.Body.Position = 0;
        var problem = JsonNode.Parse(context.Response.Body)!;
        Assert.Contains("ask again", problem["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task OtherExceptionsAreLeftToTheDefaultHandler()
    {
        var context = NewContext();

        Assert.False(await new ClusterUnavailableExceptionHandler().TryHandleAsync(context, new InvalidOperationException("a bug"), CancellationToken.None));
        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
    }

    private static DefaultHttpContext NewContext() => new()
    {
        RequestServices = new ServiceCollection().AddLogging().AddProblemDetails().BuildServiceProvider(),
        Response = { Body = new MemoryStream() },
    };
}
