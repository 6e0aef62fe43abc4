using System.Globalization;
using Grid.Grains.Storage;
using StackExchange.Redis;

namespace Grid.Silo.Hosting;

/// <summary>
/// Sets an unreadable state aside in Redis: its key (Orleans' <c>{serviceId}/state/{grainId}/{stateName}</c>) is renamed to
/// <c>…/unreadable/{time}</c>, one atomic step that keeps the bytes as they were.
/// </summary>
public sealed class RedisStateSetAside(string connectionString, string serviceId) : IStateSetAside, IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection = new(() => ConnectionMultiplexer.ConnectAsync(connectionString));

    public async Task<string> SetAsideAsync(string stateName, GrainId grainId)
    {
        var key = $"{serviceId}/state/{grainId}/{stateName}";
        var keptAt = $"{key}/unreadable/{DateTimeOffset.UtcNow.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)}";
        var redis = (await _connection.Value).GetDatabase();
        await redis.KeyRenameAsync(key, keptAt);
        return $"Redis key '{keptAt}'";
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
            await (await _connection.Value).DisposeAsync();
    }
}
