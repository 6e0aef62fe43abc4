using Grid.Benchmarks.Scenarios;

// One JSON line per scenario run, so results can be compared and kept; timings are ratios within one run.
var scenario = args.FirstOrDefault() ?? "cache";
switch (scenario)
{
    case "cache":
        var articles = args.Length > 1 ? int.Parse(args[1]) : 100;
        foreach (var chunkTokens in new[] { 600, 150 })
            Console.WriteLine((await CacheScenario.RunAsync(articles, paragraphs: 8, sharedShare: 0.3, chunkTokens)).ToJsonString());
        return 0;
    default:
        Console.Error.WriteLine($"Unknown scenario '{scenario}'. Scenarios: cache [articles].");
        return 2;
}
