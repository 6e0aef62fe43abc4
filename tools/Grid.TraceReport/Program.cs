using Grid.TraceReport;

// Reads a dotnet-trace file of the benchmark and prints where its CPU or its allocations went, by method.
// grid-trace-report <file.nettrace> cpu|alloc [--prefix Grid.] [--from s] [--to s] [--top 20]
if (args.Length < 2 || args[1] is not ("cpu" or "alloc"))
{
    Console.Error.WriteLine("Usage: grid-trace-report <file.nettrace> cpu|alloc [--prefix Grid.] [--from seconds] [--to seconds] [--top 20]");
    return 2;
}
string Option(string name, string fallback) => Array.IndexOf(args, name) is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
var window = new TraceWindow(double.Parse(Option("--from", "0")), double.Parse(Option("--to", "1e9")));
var report = new TraceFrames(args[0], window);
var (prefix, top) = (Option("--prefix", "Grid."), int.Parse(Option("--top", "20")));
if (args[1] == "cpu")
    report.PrintCpu(prefix, top);
else
    report.PrintAllocations(prefix, top);
return 0;
