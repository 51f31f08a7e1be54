using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Tests.Support;
using Xunit;

namespace ContactCenter.Actors.Tests.Actors;

/// <summary>Stop a node mid-flow, start a new one on the same database file: the flow completes.</summary>
[Collection(SlowCollection.Name)]
public sealed class RecoveryTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_restart_mid_flow_loses_nothing_and_doubles_nothing()
    {
        var first = await TestNode.StartAsync(_db.File);
        await first.CreateQueue("q", "q", new QueueConfig("q", "q", WrapUp: TimeSpan.FromSeconds(6), OfferTimeout: TimeSpan.FromSeconds(8)));
        await first.QueueIsRoutable("q");
        await first.CreateAgent("talker", ("q", 5));   // will be in wrap-up
        await first.CreateAgent("ringer", ("q", 5));   // will have an offer outstanding
        await first.Ready("talker");
        await first.OfferCall("answered", "q");
        await first.Answer(await first.Ringing("answered"));
        await Eventually.Holds(async () => Assert.Equal(AgentStatus.OnCall, (await first.Agent("talker")).Status));
        await first.HangUp("answered");
        await Eventually.Holds(async () => Assert.Equal(AgentStatus.WrapUp, (await first.Agent("talker")).Status));

        await first.Ready("ringer");
        await first.OfferCall("outstanding", "q");
        var ringing = await first.Ringing("outstanding");
        Assert.Equal("ringer", ringing.AgentId);
        await first.OfferCall("waiting-1", "q");
        await first.OfferCall("waiting-2", "q");
        await Eventually.Holds(async () => Assert.Equal(2, (await first.Queue("q")).Waiting.Length));

        await first.DisposeAsync();

        await using var second = await TestNode.StartAsync(_db.File);
        // Recovered exactly as it was.
        Assert.Equal(CallStatus.Ended, (await second.Call("answered")).Status);
        var ringer = await second.Agent("ringer");
        Assert.Equal(AgentStatus.Offered, ringer.Status);
        Assert.Equal(ringing.Token, ringer.Offer!.Token);

        // The offer deadline re-armed on recovery: the missed offer goes back to its place (first in line);
        // the wrap-up timer re-armed: the talker becomes ready and takes the calls.
        await Eventually.Holds(async () =>
        {
            var calls = await Task.WhenAll(new[] { "outstanding", "waiting-1", "waiting-2" }.Select(second.Call));
            Assert.Equal(2, calls.Count(c => c.Status == CallStatus.Ringing));
        }, TimeSpan.FromSeconds(30));

        // Each call rings one agent at most; no agent holds two.
        var final = await Task.WhenAll(new[] { "outstanding", "waiting-1", "waiting-2" }.Select(second.Call));
        var ringingAgents = final.Where(c => c.Status == CallStatus.Ringing).Select(c => c.AgentId).ToList();
        Assert.Equal(ringingAgents.Distinct().Count(), ringingAgents.Count);
        // The one left waiting is either the withdrawn call, back at the head with its original arrival, or
        // the last arrival (when the withdrawn call was taken first); never the middle one.
        var queue = await second.Queue("q");
        var left = Assert.Single(queue.Waiting);
        Assert.Contains(left.CallId, new[] { "outstanding", "waiting-2" });
        Assert.Equal(final.Single(c => c.CallId == left.CallId).Details!.Rank, left.Rank);
        Assert.Equal(1, (await second.Agent("talker")).Stats.CallsHandled);
    }
}
