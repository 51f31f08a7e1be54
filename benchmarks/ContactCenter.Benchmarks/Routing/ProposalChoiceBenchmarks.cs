using BenchmarkDotNet.Attributes;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Routing;

namespace ContactCenter.Benchmarks.Routing;

/// <summary>
/// An agent that serves N queues choosing the best call across their proposals (priority, then original
/// arrival). AgentActor.ChooseAndReserve is private to the actor, so this runs the same steps on the same
/// types: a linear scan with <see cref="CallRank.IsBetterThan"/>, then the list of proposals to decline.
/// </summary>
[MemoryDiagnoser]
public class ProposalChoiceBenchmarks
{
    private List<AgentProtocol.CallProposal> _candidates = null!;

    [Params(10, 100, 1000)]
    public int Proposals { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var ranks = RoutingSamples.Ranks(Proposals);
        _candidates = ranks.Select((rank, i) => new AgentProtocol.CallProposal(
            "agent", $"queue-{i:D5}", $"call-{i:D5}", rank, i + 1, Epoch: 1,
            OfferTimeout: TimeSpan.FromSeconds(15), WrapUp: TimeSpan.Zero)).ToList();
    }

    [Benchmark(Baseline = true, Description = "Best call by CallRank (scan only)")]
    public AgentProtocol.CallProposal BestByRank()
    {
        var best = _candidates[0];
        foreach (var c in _candidates)
        {
            if (c.Rank.IsBetterThan(best.Rank)) best = c;
        }
        return best;
    }

    [Benchmark(Description = "Best call by CallRank + list of the others to decline")]
    public int BestByRankAndOthers()
    {
        var best = BestByRank();
        var others = _candidates.Where(c => !ReferenceEquals(c, best)).ToList();
        return others.Count;
    }
}
