using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Tests.Support;
using ContactCenter.Actors.Transfers;
using Xunit;
using static ContactCenter.Actors.Calls.TransferCommands;

namespace ContactCenter.Actors.Tests.Actors;

/// <summary>Transfers racing ordinary routing: the invariants of the routing core still hold.</summary>
[Collection(SlowCollection.Name)]
public sealed class TransferConcurrencyTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TestNode.StartAsync(_db.File);

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _db.Dispose();
    }

    /// <summary>Answers whatever rings: plain offers and transfer legs, as adapters and agents would.</summary>
    private async Task AnswerWhatRings(IEnumerable<string> callIds)
    {
        foreach (var call in await Task.WhenAll(callIds.Select(_node.Call)))
        {
            if (call.Status == CallStatus.Ringing) await _node.Answer(call);
            else if (call.Leg is { Phase: LegPhase.Ringing } leg)
                await _node.Answer(new CallState(call.CallId, CallStatus.Ringing, null, leg.AgentId, leg.Token, []));
        }
    }

    [Fact]
    public async Task Cold_and_warm_transfers_racing_new_calls_never_give_an_agent_two_calls_or_a_call_two_agents()
    {
        await _node.SkillQueue("x-front", wrapUp: TimeSpan.Zero);
        await _node.SkillQueue("x-dept", wrapUp: TimeSpan.Zero);
        var front = Enumerable.Range(1, 4).Select(i => $"x-kbs-{i}").ToArray();
        var dept = Enumerable.Range(1, 4).Select(i => $"x-buf-{i}").ToArray();
        foreach (var a in front) await _node.CreateAgent(a, ("x-front", 5));
        foreach (var a in dept) await _node.CreateAgent(a, ("x-dept", 5));
        foreach (var a in front.Concat(dept)) await _node.Ready(a);
        var calls = Enumerable.Range(1, 8).Select(i => $"x-call-{i}").ToArray();
        foreach (var c in calls) await _node.OfferCall(c, "x-front");

        // Four calls reach the four front agents; the others wait.
        var connected = new List<CallState>();
        await Eventually.Holds(async () =>
        {
            await AnswerWhatRings(calls);
            connected = (await Task.WhenAll(calls.Select(_node.Call))).Where(c => c.Status == CallStatus.Connected).ToList();
            Assert.Equal(4, connected.Count);
        }, TimeSpan.FromSeconds(60));

        // At once: two cold and two warm transfers to the department queue, while the waiting calls route.
        var modes = new[] { TransferMode.Cold, TransferMode.Warm, TransferMode.Cold, TransferMode.Warm };
        var replies = await Task.WhenAll(connected.Select((c, i) =>
            _node.Send(TransferFloor.Transfer(c.CallId, c.AgentId!, modes[i], TransferTargetKind.Queue, "x-dept", timeoutSeconds: 120))));
        Assert.All(replies, r => Assert.IsType<CommandAccepted>(r));
        var warm = connected.Where((_, i) => modes[i] == TransferMode.Warm).ToList();

        await Eventually.Holds(async () =>
        {
            await AnswerWhatRings(calls);
            foreach (var w in warm)
            {
                var s = await _node.Call(w.CallId);
                if (s.Leg is { Phase: LegPhase.Answered }) await _node.Send(new CompleteTransfer(w.CallId, w.AgentId!));
            }
            await _node.InvariantsHold(calls, front.Concat(dept).ToArray());
            var states = await Task.WhenAll(calls.Select(_node.Call));
            Assert.All(states, s => Assert.Equal(CallStatus.Connected, s.Status));
        }, TimeSpan.FromSeconds(90));

        var final = await Task.WhenAll(calls.Select(_node.Call));
        Assert.Equal(8, final.Select(c => c.AgentId).Distinct().Count());
        Assert.All(final.Where(c => connected.Any(t => t.CallId == c.CallId)), c => Assert.StartsWith("x-buf-", c.AgentId));
        await _node.InvariantsHold(calls, front.Concat(dept).ToArray());
    }
}
