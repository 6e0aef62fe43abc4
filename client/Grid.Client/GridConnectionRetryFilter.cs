using Microsoft.Extensions.Options;

namespace Grid.Client;

/// <summary>
/// While the client starts, tries the gateways again for up to <see cref="GridClientOptions.ConnectTimeout"/>
/// (a silo may be starting beside it), then gives up with a <see cref="GridUnavailableException"/> that
/// says where it looked, instead of Orleans' low-level connection error.
/// </summary>
internal sealed class GridConnectionRetryFilter(IOptions<GridClientOptions> options, TimeProvider clock) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    private DateTimeOffset? _firstFailure;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        _firstFailure ??= now;
        if (now - _firstFailure >= options.Value.ConnectTimeout)
            throw new GridUnavailableException(
                $"Could not reach a Grid silo {options.Value.Where}: none answered within {options.Value.ConnectTimeout.TotalSeconds:0.#} s ({exception.Message}). " +
                "Is one running? Start one with 'dotnet run --project silo/Grid.Silo'.", exception);
        await Task.Delay(Pause, clock, cancellationToken);
        return true;
    }
}
