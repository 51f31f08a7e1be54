using Akka.Actor;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Tests.Support;
using Xunit;
using static ContactCenter.Actors.Calls.CallEvents;

namespace ContactCenter.Actors.Tests.Actors;

/// <summary>
/// Messages between entities are at most once; a node can die with one in flight. Each side checks the other
/// from its own persisted state, so no call or agent waits forever on a message that never comes.
/// </summary>
[Collection(SlowCollection.Name)]
public sealed class LostMessageTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    /// <summary>
    /// The call rings anna as if she had reserved it and her no-answer had then been lost with a node: she is
    /// not ready and holds no offer.
    /// </summary>
    private static async Task<CallState> RingingAnAgentWithoutTheOffer(TestNode node, string queueId, string callId, string agentId)
    {
        await node.CreateQueue(queueId, queueId);
        await node.QueueIsRoutable(queueId);
        await node.CreateAgent(agentId, (queueId, 5)); // logged in, not ready: holds no offer
        await node.OfferCall(callId, queueId);
        var queued = await node.Call(callId);
        Assert.Equal(CallStatus.Queued, queued.Status);
        node.Calls.Tell(new CallProtocol.RouteToAgent(callId, queueId, agentId, "lost-token"));
        Assert.Equal(agentId, (await node.Ringing(callId)).AgentId);
        // As when the queue dispatched it: the queue no longer holds a call that rings.
        node.Queues.Tell(new QueueCommands.RemoveCall(queueId, callId, "dispatched"));
        await Eventually.Holds(async () => Assert.Empty((await node.Queue(queueId)).Waiting));
        return queued;
    }

    [Fact]
    public async Task A_call_ringing_an_agent_who_no_longer_holds_its_offer_goes_back_to_its_place()
    {
        await using var node = await TestNode.StartAsync(_db.File);
        var queued = await RingingAnAgentWithoutTheOffer(node, "lm", "lm-1", "lm-anna");

        await Eventually.Holds(async () =>
        {
            var call = await node.Call("lm-1");
            Assert.Equal(CallStatus.Queued, call.Status);
            var withdrawn = Assert.IsType<CallOfferWithdrawn>(call.History.Last());
            Assert.Equal(("lm-anna", "lost-token"), (withdrawn.AgentId, withdrawn.Token));
            Assert.Equal(queued.Details!.Rank, call.Details!.Rank); // its original place
        }, CallActor.RingCheckInterval + TimeSpan.FromSeconds(10));
        await Eventually.Holds(async () => Assert.Equal("lm-1", Assert.Single((await node.Queue("lm")).Waiting).CallId)); // its enqueue is on its way

        // Back in line, it is routed as usual.
        await node.Ready("lm-anna");
        var ringing = await node.Ringing("lm-1");
        Assert.Equal(ringing.Token, (await node.Agent("lm-anna")).Offer!.Token);
    }

    [Fact]
    public async Task A_ringing_call_that_nothing_addresses_after_a_crash_is_woken_and_goes_back_to_its_place()
    {
        void WakeSoon(Hosting.ContactCenterSettings s) => s.Statistics.WakeOpenCallsAfter = TimeSpan.FromSeconds(4);
        var first = await TestNode.StartAsync(_db.File, configure: WakeSoon);
        await RingingAnAgentWithoutTheOffer(first, "lw", "lw-1", "lw-anna");
        await first.CrashAsync();

        // Calls are not remembered: on the new node nothing addresses lw-1 (asking for it would wake it), and
        // the queue does not hold it while it rings. The statistics projection sees it open and wakes it; it
        // finds its offer lost and goes back in line.
        await using var second = await TestNode.StartAsync(_db.File, configure: WakeSoon);
        await Eventually.Holds(async () =>
            Assert.Equal("lw-1", Assert.Single((await second.Queue("lw")).Waiting).CallId), TimeSpan.FromSeconds(60));
        var call = await second.Call("lw-1");
        Assert.Equal(CallStatus.Queued, call.Status);
        Assert.IsType<CallOfferWithdrawn>(call.History.Last());
    }
}
