using BenchmarkDotNet.Running;
using ContactCenter.Benchmarks.Lifecycle;

namespace ContactCenter.Benchmarks;

/// <summary>
/// `lifecycle [options]` runs the end-to-end measurement against an in-process node; anything else goes to
/// BenchmarkDotNet (e.g. `--filter '*' --job short`).
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "lifecycle")
        {
            var options = LifecycleOptions.Parse(args.AsSpan(1));
            if (options is null)
            {
                Console.Error.WriteLine(LifecycleOptions.Usage);
                return 2;
            }
            return await LifecycleBenchmark.RunAsync(options);
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
