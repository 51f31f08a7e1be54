using BenchmarkDotNet.Attributes;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using static ContactCenter.Actors.Queues.QueueEvents;

namespace ContactCenter.Benchmarks.Routing;

/// <summary>
/// <see cref="QueueRoster.Dispatch"/> as the queue actor runs it. Each operation also undoes the proposal it
/// made (close it, mark the agent idle again: a few dictionary operations) so every call sees the same roster.
/// </summary>
[MemoryDiagnoser]
public class QueueDispatchBenchmarks
{
    private Scenario _oneIdleAgent = null!;
    private Scenario _halfLocked = null!;
    private Scenario _manyIdleAgents = null!;

    [Params(10, 100, 1000)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var config = new QueueConfig("bench", "bench", WrapUp: TimeSpan.Zero);
        var at = RoutingSamples.Origin;
        var configured = QueueState.Empty("bench").Apply(new QueueConfigured(config, at));
        var line = configured;
        var ranks = RoutingSamples.Ranks(Size);
        for (var i = 0; i < Size; i++) line = line.Apply(new CallEnqueued($"call-{i:D5}", ranks[i], at));
        var freeAgent = new IdleAgent("agent-free", 5, at, 0, TimeSpan.Zero);

        _oneIdleAgent = new Scenario(line, [freeAgent]);

        // The better half of the line is locked in open proposals to other agents: Dispatch must skip it.
        _halfLocked = new Scenario(line, [freeAgent]);
        foreach (var call in line.Line.Take(Size / 2)) _halfLocked.Roster.Propose(call.CallId, "busy-" + call.CallId);

        var oneCall = configured.Apply(new CallEnqueued("call-new", new CallRank(0, at), at));
        _manyIdleAgents = new Scenario(oneCall, RoutingSamples.IdleAgents(Size));
    }

    [Benchmark(Baseline = true, Description = "Dispatch: N waiting calls, 1 idle agent")]
    public Proposal BestCallForOneAgent() => _oneIdleAgent.DispatchAndUndo();

    [Benchmark(Description = "Dispatch: N waiting calls (best N/2 locked), 1 idle agent")]
    public Proposal BestUnlockedCallForOneAgent() => _halfLocked.DispatchAndUndo();

    [Benchmark(Description = "Dispatch: 1 new call, N idle agents")]
    public Proposal BestAgentForOneCall() => _manyIdleAgents.DispatchAndUndo();

    private sealed class Scenario
    {
        private readonly QueueState _state;
        private readonly Dictionary<string, IdleAgent> _agents;

        public Scenario(QueueState state, IEnumerable<IdleAgent> idle)
        {
            _state = state;
            _agents = idle.ToDictionary(a => a.AgentId, StringComparer.Ordinal);
            foreach (var agent in _agents.Values) Roster.MarkIdle(agent);
        }

        public QueueRoster Roster { get; } = new();

        public Proposal DispatchAndUndo()
        {
            var proposal = Roster.Dispatch(_state)[0];
            Roster.Close(proposal.AgentId, proposal.ProposalId);
            Roster.MarkIdle(_agents[proposal.AgentId]);
            return proposal;
        }
    }
}
