using System.Collections.Concurrent;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Tests.Support;
using Xunit;

namespace ContactCenter.Actors.Tests.Actors;

/// <summary>
/// Callbacks with failing attempts and an escalation step to another queue's agents, under concurrent load: the
/// routing invariants still hold (one agent per call, one call per agent, every call one final outcome).
/// </summary>
[Trait("Category", "Slow")]
[Collection(SlowCollection.Name)]
public sealed class OverflowConcurrencyTests : IAsyncLifetime
{
    private const int AgentsPerQueue = 3;
    private const int MainCalls = 36;
    private const int LibraryCalls = 9;
    private readonly TempDatabase _db = new();
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TestNode.StartAsync(_db.File);

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task Under_load_with_callbacks_and_escalation_every_call_ends_once_and_no_agent_holds_two_calls()
    {
        await _node.CreateQueue("library", "library", new QueueConfig("library", "library", WrapUp: TimeSpan.Zero));
        await _node.CreateQueue("main", "main", new QueueConfig("main", "main", WrapUp: TimeSpan.Zero,
            Callbacks: new CallbackSettings(MaxAttempts: 3, RetryBackoff: TimeSpan.FromMilliseconds(500)),
            Escalation: [new EscalationStep(TimeSpan.FromSeconds(1), QueueId: "library")]));
        await _node.QueueIsRoutable("library");
        await _node.QueueIsRoutable("main");
        var agentIds = new List<string>();
        for (var i = 0; i < AgentsPerQueue; i++)
        {
            await _node.CreateAgent($"main-{i}", ("main", 5));
            await _node.CreateAgent($"lib-{i}", ("library", 5));
            agentIds.AddRange([$"main-{i}", $"lib-{i}"]);
        }

        var mainIds = Enumerable.Range(0, MainCalls).Select(n => $"main-call-{n}").ToList();
        var libraryIds = Enumerable.Range(0, LibraryCalls).Select(n => $"lib-call-{n}").ToList();
        await Task.WhenAll(mainIds.Select(id => _node.OfferCall(id, "main")).Concat(libraryIds.Select(id => _node.OfferCall(id, "library"))));
        // Every third caller of main books a callback and hangs up; its first attempt will not be answered.
        var callbacks = new ConcurrentDictionary<string, int>();
        await Task.WhenAll(mainIds.Where((_, n) => n % 3 == 0).Select(async id =>
        {
            if (await _node.RequestCallback(id) is CommandAccepted)
            {
                callbacks[id] = 0;
                await _node.HangUp(id);
            }
        }));
        // The library's agents start; main's own agents join only once main's callers have waited past the
        // escalation step and a library agent has taken one of them. Without this the scenario depends on the
        // machine's speed: a fast machine serves every main caller within the step's second, and nothing escalates.
        foreach (var agent in agentIds.Where(a => a.StartsWith("lib-", StringComparison.Ordinal))) await _node.Ready(agent);

        // The adapter: answer every ring; dial callbacks (no answer the first time); end every connected call.
        var violations = new ConcurrentQueue<string>();
        var connectedBy = new ConcurrentDictionary<string, string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        var adapter = Task.Run(async () =>
        {
            var seenRings = 0;
            var ended = new HashSet<string>();
            while (!stop.IsCancellationRequested)
            {
                var rings = _node.Signals.Of<CallSignals.RingAgent>().ToList();
                foreach (var ring in rings.Skip(seenRings))
                {
                    if (await _node.Ask<object>(_node.Agents, new AgentCommands.AnswerOffer(ring.AgentId, ring.CallId, ring.Token)) is not CommandAccepted) continue;
                    if (!callbacks.ContainsKey(ring.CallId)) continue;
                    var dialling = await _node.Dialling(ring.CallId);
                    var attempt = callbacks.AddOrUpdate(ring.CallId, 1, (_, n) => n + 1);
                    await _node.ReportDial(ring.CallId, dialling.Token!, attempt == 1 ? CallbackDialResult.NoAnswer : CallbackDialResult.Answered);
                }
                seenRings = rings.Count;
                foreach (var bridge in _node.Signals.Of<CallSignals.Bridge>().ToList())
                {
                    if (!ended.Add(bridge.CallId)) continue;
                    if (!connectedBy.TryAdd(bridge.CallId, bridge.AgentId)) violations.Enqueue($"call {bridge.CallId} bridged twice");
                    await _node.Ask<object>(_node.Calls, new CallCommands.HangUp(bridge.CallId, CallParty.Agent));
                }
                await Task.Delay(5);
            }
        });
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                foreach (var s in await Task.WhenAll(agentIds.Select(_node.Agent)))
                {
                    if (s.Offer is not null && s.Call is not null) violations.Enqueue($"{s.AgentId} holds an offer and a call");
                }
                await Task.Delay(100);
            }
        });

        await Eventually.Holds(() => Assert.Contains(connectedBy, kv =>
            kv.Key.StartsWith("main-", StringComparison.Ordinal) && kv.Value.StartsWith("lib-", StringComparison.Ordinal)), TimeSpan.FromSeconds(60));
        foreach (var agent in agentIds.Where(a => a.StartsWith("main-", StringComparison.Ordinal))) await _node.Ready(agent);

        var allIds = mainIds.Concat(libraryIds).ToList();
        await Eventually.Holds(async () =>
        {
            var states = await Task.WhenAll(allIds.Select(_node.Call));
            Assert.All(states, s => Assert.Equal(CallStatus.Ended, s.Status));
        }, TimeSpan.FromSeconds(110));
        stop.Cancel();
        await Task.WhenAll(adapter, sampler);

        Assert.Empty(violations);
        var final = await Task.WhenAll(allIds.Select(_node.Call));
        Assert.All(final, c => Assert.Single(c.History, e => e is CallEvents.CallConnected));
        Assert.All(final, c => Assert.Single(c.History, e => e is CallEvents.CallEnded));
        Assert.NotEmpty(callbacks);
        Assert.All(final.Where(c => callbacks.ContainsKey(c.CallId)), c =>
        {
            Assert.Equal(2, c.Callback!.Attempts);
            Assert.Single(c.History, e => e is CallEvents.CallbackAttemptFailed);
        });
        // Main's callers waited long enough for the library's agents to help; the library's own callers were served.
        Assert.Contains(connectedBy, kv => kv.Key.StartsWith("main-", StringComparison.Ordinal) && kv.Value.StartsWith("lib-", StringComparison.Ordinal));
        Assert.DoesNotContain(connectedBy, kv => kv.Key.StartsWith("lib-", StringComparison.Ordinal) && kv.Value.StartsWith("main-", StringComparison.Ordinal));
        var agents = await Task.WhenAll(agentIds.Select(_node.Agent));
        Assert.Equal(allIds.Count + callbacks.Count, agents.Sum(a => a.Stats.CallsHandled)); // failed attempts count as handled
        foreach (var q in new[] { "main", "library" })
        {
            var view = await _node.Queue(q);
            Assert.Empty(view.Waiting);
            Assert.Empty(view.Parked!);
        }
    }
}
