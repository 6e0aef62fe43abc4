using Grid.Benchmarks.Scenarios;

// One JSON line per scenario run, so results can be compared and kept; timings are ratios within one run.
var scenario = args.FirstOrDefault() ?? "cache";
int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index]) : fallback;
switch (scenario)
{
    case "cache":
        // articles, then whether a paragraph's context is part of its cache keys (Grid:Translation:ContextInCacheKey),
        // then the corpus: recombined (the sample's sentences, the default) or distinct (only shared paragraphs repeat)
        var distinct = args.Length > 3 && args[3] == "distinct";
        foreach (var chunkTokens in new[] { 600, 150 })
            Console.WriteLine((await CacheScenario.RunAsync(Arg(1, 100), paragraphs: 8, sharedShare: 0.3, chunkTokens, contextInKey: args.Length <= 2 || bool.Parse(args[2]), distinct)).ToJsonString());
        return 0;
    case "saturation" or "faults":
        // articles, silos, endpoints, slots per endpoint, tokens per second per request
        var setup = new SaturationScenario.Setup(Endpoints: Arg(3, 2), Slots: Arg(4, 4), TokensPerSecond: Arg(5, 400), Articles: Arg(1, 40), Silos: Arg(2, 3), Faults: scenario == "faults");
        Console.WriteLine((await SaturationScenario.RunAsync(setup)).ToJsonString());
        return 0;
    case "overhead":
        // articles, silos, endpoints, slots per endpoint; the emulators answer at once
        Console.WriteLine((await OverheadScenario.RunAsync(Arg(1, 100), Arg(2, 3), Arg(3, 2), Arg(4, 4))).ToJsonString());
        return 0;
    case "chaos":
        // minutes of arrivals under kills, joins, faults and an emulator outage; then the drain
        Console.WriteLine((await ChaosScenario.RunAsync(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10)).ToJsonString());
        return 0;
    case "archive":
        // articles recorded in the article index (sqlite, the default, or postgres with a connection string), then listed and searched
        Console.WriteLine((await ArchiveScenario.RunAsync(Arg(1, 100_000), ArchiveStore.For(args.Length > 2 ? args[2] : "sqlite", args.Length > 3 ? args[3] : null))).ToJsonString());
        return 0;
    case "backlog":
        // articles queued behind a one-slot backend that crawls (measured at a tenth of them and at all), then the silo's bound on requests in the slot grains' lines (0: the default)
        Console.WriteLine((await BacklogScenario.RunAsync(Arg(1, 10_000), Arg(2, 0))).ToJsonString());
        return 0;
    default:
        Console.Error.WriteLine($"Unknown scenario '{scenario}'. Scenarios: cache [articles] [context-in-key] [recombined|distinct]; saturation|faults [articles] [silos] [endpoints] [slots] [tokens-per-second]; overhead [articles] [silos] [endpoints] [slots]; chaos [minutes]; archive [articles] [sqlite|postgres] [connection string]; backlog [articles] [max-queued-per-silo].");
        return 2;
}
