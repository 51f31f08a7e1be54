using Akka.Actor;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Tests.Support;
using Xunit;
using static ContactCenter.Actors.Calls.CallEvents;

namespace ContactCenter.Actors.Tests.Actors;

/// <summary>
/// Messages between entities are at most once; a node can die with one in flight. Each side checks the other
/// from its own persisted state, so no call or agent waits forever on a message that never comes.
/// </summary>
[Collection(SlowCollection.Name)]
public sealed class LostMessageTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TestNode.StartAsync(_db.File);

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task A_call_ringing_an_agent_who_no_longer_holds_its_offer_goes_back_to_its_place()
    {
        await _node.CreateQueue("lm", "lm");
        await _node.QueueIsRoutable("lm");
        await _node.CreateAgent("lm-anna", ("lm", 5)); // logged in, not ready: holds no offer
        await _node.OfferCall("lm-1", "lm");
        var queued = await _node.Call("lm-1");
        Assert.Equal(CallStatus.Queued, queued.Status);

        // The call rings anna as if she had reserved it, and her no-answer was then lost with a node.
        _node.Calls.Tell(new CallProtocol.RouteToAgent("lm-1", "lm", "lm-anna", "lost-token"));
        Assert.Equal("lm-anna", (await _node.Ringing("lm-1")).AgentId);

        await Eventually.Holds(async () =>
        {
            var call = await _node.Call("lm-1");
            Assert.Equal(CallStatus.Queued, call.Status);
            var withdrawn = Assert.IsType<CallOfferWithdrawn>(call.History.Last());
            Assert.Equal(("lm-anna", "lost-token"), (withdrawn.AgentId, withdrawn.Token));
            Assert.Equal(queued.Details!.Rank, call.Details!.Rank); // its original place
        }, CallActor.RingCheckInterval + TimeSpan.FromSeconds(10));
        Assert.Equal("lm-1", Assert.Single((await _node.Queue("lm")).Waiting).CallId);

        // Back in line, it is routed as usual.
        await _node.Ready("lm-anna");
        var ringing = await _node.Ringing("lm-1");
        Assert.Equal(ringing.Token, (await _node.Agent("lm-anna")).Offer!.Token);
    }
}
