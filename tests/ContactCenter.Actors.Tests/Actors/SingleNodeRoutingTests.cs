using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Tests.Support;
using Xunit;

namespace ContactCenter.Actors.Tests.Actors;

public sealed class SingleNodeRoutingTests : IAsyncLifetime
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
    public async Task A_call_is_offered_answered_and_ended_and_the_agent_becomes_ready_again()
    {
        await _node.CreateQueue("general", "general");
        await _node.QueueIsRoutable("general");
        await _node.CreateAgent("anna", ("general", 5));
        await _node.Ready("anna");

        await _node.OfferCall("c1", "general");
        var ringing = await _node.Ringing("c1");
        Assert.Equal("anna", ringing.AgentId);
        Assert.IsType<Routing.CommandAccepted>(await _node.Answer(ringing));
        await Eventually.Holds(async () => Assert.Equal(CallStatus.Connected, (await _node.Call("c1")).Status));
        Assert.Equal(AgentStatus.OnCall, (await _node.Agent("anna")).Status);

        await _node.HangUp("c1");
        Assert.Equal(CallStatus.Ended, (await _node.Call("c1")).Status);
        await Eventually.Holds(async () => Assert.Equal(AgentStatus.Ready, (await _node.Agent("anna")).Status));
        Assert.Equal(1, (await _node.Agent("anna")).Stats.CallsHandled);
    }
}
