using BenchmarkDotNet.Attributes;
using ContactCenter.Actors.Routing;

namespace ContactCenter.Benchmarks.Routing;

/// <summary>A queue choosing among N idle, eligible agents for its next call.</summary>
[MemoryDiagnoser]
public class AgentSelectionBenchmarks
{
    private List<IdleAgent> _candidates = null!;
    private string _lastServed = null!;

    [Params(10, 100, 1000)]
    public int Agents { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _candidates = RoutingSamples.IdleAgents(Agents);
        // Round robin continues after an agent somewhere in the middle of the id order.
        _lastServed = $"agent-{Agents / 2:D5}";
    }

    [Benchmark(Baseline = true, Description = "SelectBest, highest level then longest idle")]
    public IdleAgent? HighestLevelLongestIdle() =>
        AgentSelector.SelectBest(_candidates, RoutingStrategy.HighestLevelLongestIdle);

    [Benchmark(Description = "SelectBest, round robin")]
    public IdleAgent? RoundRobin() =>
        AgentSelector.SelectBest(_candidates, RoutingStrategy.RoundRobin, _lastServed);
}
