using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Tests.Support;
using Xunit;

namespace ContactCenter.Actors.Tests.Actors;

/// <summary>Two ActorSystems on loopback form one cluster; entities live on both; routing stays correct.</summary>
[Trait("Category", "Slow")]
[Collection(SlowCollection.Name)]
public sealed class TwoNodeClusterTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private TestNode _a = null!;
    private TestNode _b = null!;

    public async Task InitializeAsync()
    {
        _a = await TestNode.StartAsync(_db.File);
        _b = await TestNode.StartAsync(_db.File, seeds: [_a.Address.ToString()]);
        await Eventually.Holds(() => Assert.Equal(2, Cluster.Get(_a.System).State.Members.Count(m => m.Status == MemberStatus.Up)));
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task Calls_agents_and_queues_on_different_nodes_route_correctly()
    {
        var queues = new[] { "q-a", "q-b", "q-c", "q-d" };
        foreach (var q in queues) await _b.CreateQueue(q, q);
        foreach (var q in queues)
        {
            await _a.QueueIsRoutable(q);
            await _b.QueueIsRoutable(q);
        }
        for (var i = 0; i < 8; i++)
        {
            var node = i % 2 == 0 ? _a : _b;
            await node.CreateAgent($"agent-{i}", (queues[i % queues.Length], 3 + i % 5), (queues[(i + 1) % queues.Length], 4));
            await node.Ready($"agent-{i}");
        }

        var calls = Enumerable.Range(0, 24).Select(n => (Id: $"call-{n}", Queue: queues[n % queues.Length])).ToList();
        foreach (var c in calls) await (c.Id.Length % 2 == 0 ? _a : _b).OfferCall(c.Id, c.Queue);

        // The adapter answers every ring (signals come from whichever node hosts the call) and hangs up.
        var done = new HashSet<string>();
        await Eventually.Holds(async () =>
        {
            foreach (var ring in _a.Signals.Of<CallSignals.RingAgent>().Concat(_b.Signals.Of<CallSignals.RingAgent>()).ToList())
            {
                if (done.Contains(ring.CallId)) continue;
                var reply = await _a.Ask<object>(_a.Agents, new AgentCommands.AnswerOffer(ring.AgentId, ring.CallId, ring.Token));
                if (reply is Routing.CommandAccepted)
                {
                    await Eventually.Holds(async () => Assert.Equal(CallStatus.Connected, (await _b.Call(ring.CallId)).Status));
                    await _b.HangUp(ring.CallId, CallParty.Agent);
                    done.Add(ring.CallId);
                }
            }
            Assert.Equal(calls.Count, done.Count);
        }, TimeSpan.FromSeconds(60));

        var states = await Task.WhenAll(calls.Select(c => _a.Call(c.Id)));
        Assert.All(states, s => Assert.Equal(CallStatus.Ended, s.Status));
        Assert.All(states, s => Assert.Single(s.History, e => e is CallEvents.CallConnected));

        // The entities really are spread over both nodes.
        var stats = await _a.Calls.Ask<ClusterShardingStats>(new GetClusterShardingStats(TimeSpan.FromSeconds(5)), TimeSpan.FromSeconds(10));
        Assert.Equal(2, stats.Regions.Count(r => r.Value.Stats.Count > 0));
    }
}
