using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Tests.Support;
using ContactCenter.Actors.Transfers;
using Xunit;
using static ContactCenter.Actors.Calls.TransferCommands;

namespace ContactCenter.Actors.Tests.Actors;

/// <summary>A node stops in the middle of transfers; a new node on the same database finishes them.</summary>
[Collection(SlowCollection.Name)]
public sealed class TransferRecoveryTests : IDisposable
{
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_restart_in_the_middle_of_transfers_keeps_the_leg_deadline_and_the_consult()
    {
        var first = await TestNode.StartAsync(_db.File);
        await first.SkillQueue("r-front", wrapUp: TimeSpan.Zero);
        await first.Connected("r-cold", "r-front", "r-anna");
        await first.Connected("r-warm", "r-front", "r-bob");
        Assert.IsType<CommandAccepted>(await first.Send(TransferFloor.Transfer("r-cold", "r-anna", TransferMode.Cold, TransferTargetKind.External,
            "+4533173317", timeoutSeconds: 8)));
        Assert.IsType<CommandAccepted>(await first.Send(TransferFloor.Transfer("r-warm", "r-bob", TransferMode.Warm, TransferTargetKind.External,
            "+4533663366")));
        Assert.IsType<CommandAccepted>(await first.Send(new ReportLeg("r-warm", LegOutcome.Answered)));
        await first.CallIs("r-cold", CallStatus.Transferring);
        await first.AgentIs("r-anna", AgentStatus.Ready);
        await first.Pause("r-anna"); // so the returned call waits in line where we can see it

        await first.DisposeAsync();

        await using var second = await TestNode.StartAsync(_db.File);
        // Nobody sends the cold call anything: its transfer watch wakes it and the deadline returns it.
        var back = await second.CallIs("r-cold", CallStatus.Queued, TimeSpan.FromSeconds(60));
        Assert.True(back.Returned);
        Assert.Equal("timeout", back.History.OfType<TransferEvents.TransferLegFailed>().Single().Reason);
        await Eventually.Holds(async () => Assert.Contains((await second.Queue("r-front")).Waiting, w => w.CallId == "r-cold"));

        // The consult survived with its answered leg; the agent completes it.
        var warm = await second.Call("r-warm");
        Assert.Equal((CallStatus.Consulting, LegPhase.Answered), (warm.Status, warm.Leg!.Phase));
        Assert.IsType<CommandAccepted>(await second.Send(new CompleteTransfer("r-warm", "r-bob")));
        await second.CallIs("r-warm", CallStatus.TransferredOut);
        await second.AgentIs("r-bob", AgentStatus.Ready);
        Assert.Equal(1, (await second.Agent("r-bob")).Stats.CallsHandled);
    }
}
