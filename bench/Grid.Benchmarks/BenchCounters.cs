using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Grid.Grains;
using Grid.Grains.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace Grid.Benchmarks;

/// <summary>
/// Counts, over every silo in this process, the article storage's writes by state name and the calls made to the
/// index of unfinished articles (the one watchdog grain before, its shards now) by method and by grain, to report
/// them per article; and the bytes the storage serializer makes of an article's state, per write.
/// </summary>
public sealed class BenchCounters : IIncomingGrainCallFilter
{
    /// <summary>The state names and grain interfaces of the per-article path, named as strings so that any version reports them.</summary>
    private static readonly string[] States = ["article", "watchdog", "unfinished"];
    private static readonly string[] IndexGrains = ["IArticleWatchdogGrain", "IUnfinishedArticleShardGrain"];

    private readonly ConcurrentDictionary<string, long> _writes = new();
    private readonly ConcurrentDictionary<string, long> _calls = new();
    private readonly ConcurrentDictionary<GrainId, long> _callsPerGrain = new();

    /// <summary>
    /// Every grain call by interface and method. The filter runs on every call of the measured run, so it allocates nothing
    /// per call: the key is the two names the generated invokers hold, and a count is incremented in place.
    /// </summary>
    private readonly ConcurrentDictionary<(string? Interface, string? Method), StrongBox<long>> _allCalls = new();

    /// <summary>The grains called, by id: how many grains of each type an article wakes (each one an activation at least).</summary>
    private readonly ConcurrentDictionary<GrainId, bool> _grainsCalled = new();
    private long _articleBytes;
    private long _articleSerializations;
    private volatile bool _frozen;

    public static BenchCounters Shared { get; } = new();

    public void Attach(WebApplicationBuilder builder)
    {
        builder.Services.DecorateGrainStorage(GridStorage.Articles, (_, inner) => new CountingStorage(inner, this));
        builder.Services.AddSingleton<IIncomingGrainCallFilter>(this);
        CountArticleBytes(builder.Services);
    }

    /// <summary>Wraps the silo's grain storage serializer, whichever it is, to count the bytes of each article state it writes.</summary>
    private void CountArticleBytes(IServiceCollection services)
    {
        var registered = services.Last(descriptor => descriptor.ServiceType == typeof(IGrainStorageSerializer) && !descriptor.IsKeyedService);
        services.AddSingleton<IGrainStorageSerializer>(provider => new CountingSerializer(registered switch
        {
            { ImplementationInstance: IGrainStorageSerializer instance } => instance,
            { ImplementationFactory: { } factory } => (IGrainStorageSerializer)factory(provider),
            _ => (IGrainStorageSerializer)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!),
        }, this));
    }

    public void Reset()
    {
        _writes.Clear();
        _calls.Clear();
        _callsPerGrain.Clear();
        _allCalls.Clear();
        _grainsCalled.Clear();
        (_articleBytes, _articleSerializations) = (0, 0);
        _frozen = false;
    }

    /// <summary>Counts nothing more until the next <see cref="Reset"/>: what a cluster does while it stops is not the scenario's.</summary>
    public void Freeze() => _frozen = true;

    /// <summary>Every grain call received by any silo in this process, by interface and method, most frequent first.</summary>
    public IEnumerable<KeyValuePair<string, long>> GrainCalls =>
        _allCalls.Select(call => KeyValuePair.Create($"{call.Key.Interface}.{call.Key.Method}", call.Value.Value)).OrderByDescending(call => call.Value);

    public JsonObject PerArticle(int articles) => new()
    {
        // The per-article path's states always, at zero when a version writes none; any other state of the storage (the catalog's) as it was written.
        ["stateWritesPerArticle"] = new JsonObject([.. States.Concat(_writes.Keys.Except(States).Order()).Select(state => KeyValuePair.Create(state, (JsonNode?)Math.Round(_writes.GetValueOrDefault(state) / (double)articles, 2)))]),
        ["indexCallsPerArticle"] = new JsonObject([.. _calls.OrderBy(call => call.Key).Select(call => KeyValuePair.Create(call.Key, (JsonNode?)Math.Round(call.Value / (double)articles, 2)))]),
        ["busiestIndexGrainCallsPerArticle"] = Math.Round(_callsPerGrain.Values.DefaultIfEmpty(0).Max() / (double)articles, 2),
        ["grainsCalledPerArticle"] = new JsonObject([.. _grainsCalled.Keys.GroupBy(grain => grain.Type.ToString()).OrderByDescending(type => type.Count())
            .Select(type => KeyValuePair.Create(type.Key, (JsonNode?)Math.Round(type.Count() / (double)articles, 2)))]),
        // What the storage serializer made of an article's state, on average over its writes (the state's JSON, for Memory storage).
        ["articleStateBytesPerWrite"] = _articleSerializations == 0 ? 0 : _articleBytes / _articleSerializations,
    };

    public Task Invoke(IIncomingGrainCallContext context)
    {
        if (_frozen)
            return context.Invoke();
        var name = context.InterfaceName;
        Interlocked.Increment(ref _allCalls.GetOrAdd((name, context.MethodName), static _ => new StrongBox<long>()).Value);
        _grainsCalled.TryAdd(context.TargetId, true);
        foreach (var indexGrain in IndexGrains)
        {
            if (name?.EndsWith(indexGrain, StringComparison.Ordinal) != true)
                continue;
            _calls.AddOrUpdate($"{indexGrain}.{context.MethodName}", 1, (_, count) => count + 1);
            _callsPerGrain.AddOrUpdate(context.TargetId, 1, (_, count) => count + 1);
        }
        return context.Invoke();
    }

    private sealed class CountingStorage(IGrainStorage inner, BenchCounters counters) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
    {
        public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
        {
            if (!counters._frozen)
                counters._writes.AddOrUpdate(stateName, 1, (_, count) => count + 1);
            return inner.WriteStateAsync(stateName, grainId, grainState);
        }

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);
    }

    private sealed class CountingSerializer(IGrainStorageSerializer inner, BenchCounters counters) : IGrainStorageSerializer
    {
        public BinaryData Serialize<T>(T? input)
        {
            var data = inner.Serialize(input);
            if (!counters._frozen && typeof(T).Name == "ArticleState")
            {
                Interlocked.Add(ref counters._articleBytes, data.ToMemory().Length);
                Interlocked.Increment(ref counters._articleSerializations);
            }
            return data;
        }

        public T? Deserialize<T>(BinaryData input) => inner.Deserialize<T>(input);
    }
}
