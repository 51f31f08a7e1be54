using System.Collections.Concurrent;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Tests.Support;
using Xunit;

namespace ContactCenter.Actors.Tests.Actors;

/// <summary>
/// Many agents across several queues and many calls at once, answered by a simulated adapter: the
/// invariants hold during the run (sampled) and at the end.
/// </summary>
[Trait("Category", "Slow")]
[Collection(SlowCollection.Name)]
public sealed class ConcurrencyTests : IAsyncLifetime
{
    private const int Agents = 24;
    private const int CallsPerQueue = 60;
    private static readonly string[] Queues = ["pladsanvisning", "hjemmepleje", "bibliotek"];

    private readonly TempDatabase _db = new();
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TestNode.StartAsync(_db.File);

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task Under_concurrent_load_every_call_ends_once_and_no_agent_holds_two_calls()
    {
        foreach (var q in Queues)
        {
            await _node.CreateQueue(q, q);
            await _node.QueueIsRoutable(q);
        }
        // Agents serve one, two or three queues with mixed levels.
        for (var i = 0; i < Agents; i++)
        {
            var skills = Queues.Where((_, qi) => (i + qi) % 3 != 0 || i % 4 == 0).Select(q => (q, 1 + (i * 7 + q.Length) % 9)).ToArray();
            await _node.CreateAgent($"agent-{i}", skills);
            await _node.Ready($"agent-{i}");
        }

        // The adapter: answer every ring, and end every connected call shortly after.
        var answered = new ConcurrentDictionary<string, string>();
        var violations = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var adapter = Task.Run(async () =>
        {
            var seen = 0;
            while (!stop.IsCancellationRequested)
            {
                var rings = _node.Signals.Of<CallSignals.RingAgent>().ToList();
                foreach (var ring in rings.Skip(seen))
                {
                    var reply = await _node.Ask<object>(_node.Agents, new AgentCommands.AnswerOffer(ring.AgentId, ring.CallId, ring.Token));
                    if (reply is Routing.CommandAccepted && !answered.TryAdd(ring.CallId, ring.AgentId))
                        violations.Enqueue($"call {ring.CallId} answered twice");
                }
                seen = rings.Count;
                foreach (var bridge in _node.Signals.Of<CallSignals.Bridge>().Where(b => answered.ContainsKey(b.CallId)).ToList())
                {
                    await _node.Ask<object>(_node.Calls, new CallCommands.HangUp(bridge.CallId, CallParty.Agent));
                }
                await Task.Delay(5);
            }
        });

        // A sampler checks exclusivity while the run is going: an agent rings or talks on one call only.
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var states = await Task.WhenAll(Enumerable.Range(0, Agents).Select(i => _node.Agent($"agent-{i}")));
                foreach (var s in states)
                {
                    if (s.Offer is not null && s.Call is not null) violations.Enqueue($"{s.AgentId} holds an offer and a call");
                    if ((s.Status == AgentStatus.Offered) != (s.Offer is not null)) violations.Enqueue($"{s.AgentId} offer/status mismatch");
                }
                await Task.Delay(100);
            }
        });

        var callIds = Queues.SelectMany(q => Enumerable.Range(0, CallsPerQueue).Select(n => (Queue: q, Id: $"{q}-{n}"))).ToList();
        await Task.WhenAll(callIds.Select(c => _node.OfferCall(c.Id, c.Queue, priority: c.Id.GetHashCode() % 3 == 0 ? 1 : 0)));

        await Eventually.Holds(async () =>
        {
            var states = await Task.WhenAll(callIds.Select(c => _node.Call(c.Id)));
            Assert.All(states, s => Assert.Equal(CallStatus.Ended, s.Status));
        }, TimeSpan.FromSeconds(80));
        stop.Cancel();
        await Task.WhenAll(adapter, sampler);

        Assert.Empty(violations);
        var finalCalls = await Task.WhenAll(callIds.Select(c => _node.Call(c.Id)));
        Assert.All(finalCalls, c => Assert.Single(c.History, e => e is CallEvents.CallConnected));
        Assert.All(finalCalls, c => Assert.Single(c.History, e => e is CallEvents.CallEnded));
        var agents = await Task.WhenAll(Enumerable.Range(0, Agents).Select(i => _node.Agent($"agent-{i}")));
        Assert.Equal(callIds.Count, agents.Sum(a => a.Stats.CallsHandled));
        await Eventually.Holds(async () =>
        {
            var now = await Task.WhenAll(Enumerable.Range(0, Agents).Select(i => _node.Agent($"agent-{i}")));
            Assert.All(now, a => Assert.Equal(AgentStatus.Ready, a.Status));
        });
        foreach (var q in Queues) Assert.Empty((await _node.Queue(q)).Waiting);
    }
}
