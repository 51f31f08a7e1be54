using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Tests.Support;
using ContactCenter.Actors.Transfers;
using Xunit;
using static ContactCenter.Actors.Calls.TransferCommands;

namespace ContactCenter.Actors.Tests.Actors;

/// <summary>One real node shared by the transfer flow tests; every test uses its own queues, agents and calls.</summary>
public sealed class TransferNodeFixture : IAsyncLifetime
{
    private readonly TempDatabase _db = new();

    public TestNode Node { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Node = await TestNode.StartAsync(_db.File);
        // The first request of a fresh node waits for shard coordinators; let that happen here, not in a test.
        await Eventually.Holds(() => Node.CreateQueue("warm-up", "warm-up"), TimeSpan.FromSeconds(60));
    }

    public async Task DisposeAsync()
    {
        await Node.DisposeAsync();
        _db.Dispose();
    }
}

/// <summary>Transfer steps against a node, in the words of the domain.</summary>
public static class TransferFloor
{
    public static readonly TimeSpan LongWrapUp = TimeSpan.FromMinutes(5);

    public static async Task SkillQueue(this TestNode node, string queueId, TransferRules? rules = null, TimeSpan? wrapUp = null)
    {
        await node.CreateQueue(queueId, queueId, new QueueConfig(queueId, queueId, WrapUp: wrapUp ?? LongWrapUp, Transfers: rules));
        await node.QueueIsRoutable(queueId);
    }

    /// <summary>An agent with the skill, ready, answers the call it is offered; returns the connected call.</summary>
    public static async Task<CallState> Connected(this TestNode node, string callId, string queueId, string agentId)
    {
        await node.CreateAgent(agentId, (queueId, 5));
        await node.Ready(agentId);
        await node.OfferCall(callId, queueId);
        var ringing = await node.Ringing(callId);
        Assert.Equal(agentId, ringing.AgentId);
        Assert.IsType<CommandAccepted>(await node.Answer(ringing));
        return await node.CallIs(callId, CallStatus.Connected);
    }

    public static async Task<CallState> CallIs(this TestNode node, string callId, CallStatus status, TimeSpan? within = null)
    {
        CallState? state = null;
        await Eventually.Holds(async () => Assert.Equal(status, (state = await node.Call(callId)).Status), within);
        return state!;
    }

    public static async Task<AgentState> AgentIs(this TestNode node, string agentId, AgentStatus status)
    {
        AgentState? state = null;
        await Eventually.Holds(async () => Assert.Equal(status, (state = await node.Agent(agentId)).Status));
        return state!;
    }

    public static async Task Pause(this TestNode node, string agentId) =>
        Assert.IsType<CommandAccepted>(await node.Ask<object>(node.Agents, new AgentCommands.Pause(agentId, PauseReasons.Break)));

    public static async Task<object> Send(this TestNode node, IWithCallId command) => await node.Ask<object>(node.Calls, command);

    public static TransferCall Transfer(string callId, string agentId, TransferMode mode, TransferTargetKind kind, string target, int timeoutSeconds = 30) =>
        new(callId, agentId, mode, new TransferTarget(kind, target), TimeSpan.FromSeconds(timeoutSeconds));

    /// <summary>The leg's target agent is ringing; returns the call with the leg's reservation.</summary>
    public static async Task<CallState> LegRinging(this TestNode node, string callId)
    {
        CallState? state = null;
        await Eventually.Holds(async () => Assert.Equal(LegPhase.Ringing, (state = await node.Call(callId)).Leg?.Phase));
        return state!;
    }

    /// <summary>No agent holds two calls and every connected call names exactly the agent that holds it.</summary>
    public static async Task InvariantsHold(this TestNode node, string[] callIds, string[] agentIds)
    {
        var calls = await Task.WhenAll(callIds.Select(node.Call));
        var agents = await Task.WhenAll(agentIds.Select(node.Agent));
        foreach (var call in calls.Where(c => c.Status == CallStatus.Connected))
        {
            var holders = agents.Where(a => a.Call?.CallId == call.CallId).Select(a => a.AgentId).ToList();
            Assert.Equal([call.AgentId!], holders);
        }
        foreach (var agent in agents.Where(a => a.Status == AgentStatus.OnCall))
            Assert.Single(calls, c => c.CallId == agent.Call!.CallId && (c.AgentId == agent.AgentId || c.Leg?.AgentId == agent.AgentId));
    }
}

public sealed class TransferFlowTests(TransferNodeFixture fixture) : IClassFixture<TransferNodeFixture>
{
    private readonly TestNode _node = fixture.Node;

    [Fact]
    public async Task A_cold_transfer_to_a_queue_sends_the_agent_to_wrap_up_and_the_call_to_an_agent_of_that_queue_keeping_its_passport()
    {
        await _node.SkillQueue("ct-front");
        await _node.SkillQueue("ct-buf");
        var connected = await _node.Connected("ct-1", "ct-front", "ct-anna");

        Assert.IsType<CommandAccepted>(await _node.Send(TransferFloor.Transfer("ct-1", "ct-anna", TransferMode.Cold, TransferTargetKind.Queue, "ct-buf")));

        var anna = await _node.AgentIs("ct-anna", AgentStatus.WrapUp);
        Assert.Equal(1, anna.Stats.CallsHandled);
        var waiting = Assert.Single((await _node.Queue("ct-buf")).Waiting);
        Assert.Equal(connected.Details!.Rank, waiting.Rank);
        await _node.CreateAgent("ct-bob", ("ct-buf", 5));
        await _node.Ready("ct-bob");
        var ringing = await _node.Ringing("ct-1");
        Assert.Equal("ct-bob", ringing.AgentId);
        Assert.IsType<CommandAccepted>(await _node.Answer(ringing));
        var done = await _node.CallIs("ct-1", CallStatus.Connected);
        Assert.Equal(("ct-bob", "ct-buf"), (done.AgentId, done.Details!.QueueId));
        await _node.InvariantsHold(["ct-1"], ["ct-anna", "ct-bob"]);
    }

    [Fact]
    public async Task A_cold_transfer_to_a_named_agent_rings_that_agent_and_connects_it()
    {
        await _node.SkillQueue("ca-front");
        await _node.Connected("ca-1", "ca-front", "ca-anna");
        await _node.CreateAgent("ca-bob", ("other", 5));
        await _node.Ready("ca-bob");

        Assert.IsType<CommandAccepted>(await _node.Send(TransferFloor.Transfer("ca-1", "ca-anna", TransferMode.Cold, TransferTargetKind.Agent, "ca-bob")));
        var ringing = await _node.Ringing("ca-1");
        Assert.Equal("ca-bob", ringing.AgentId);
        await _node.AgentIs("ca-anna", AgentStatus.WrapUp);
        Assert.IsType<CommandAccepted>(await _node.Answer(ringing));

        var call = await _node.CallIs("ca-1", CallStatus.Connected);
        Assert.Equal("ca-bob", call.AgentId);
        Assert.Contains(call.History, e => e is TransferEvents.TransferLegAnswered);
        await _node.HangUp("ca-1");
        await _node.AgentIs("ca-bob", AgentStatus.WrapUp);
    }

    [Fact]
    public async Task An_external_cold_transfer_that_is_not_answered_returns_to_its_original_place_marked_as_returned()
    {
        await _node.SkillQueue("ce-front");
        var first = await _node.Connected("ce-1", "ce-front", "ce-anna");
        await _node.OfferCall("ce-later", "ce-front"); // arrived after ce-1: must stay behind it

        Assert.IsType<CommandAccepted>(await _node.Send(TransferFloor.Transfer("ce-1", "ce-anna", TransferMode.Cold, TransferTargetKind.External, "+4533173317")));
        await _node.CallIs("ce-1", CallStatus.Transferring);
        Assert.IsType<CommandAccepted>(await _node.Send(new ReportLeg("ce-1", LegOutcome.NoAnswer)));

        var back = await _node.CallIs("ce-1", CallStatus.Queued);
        Assert.True(back.Returned);
        await Eventually.Holds(async () => Assert.Equal(["ce-1", "ce-later"], (await _node.Queue("ce-front")).Waiting.Select(w => w.CallId)));
        Assert.Equal(first.Details!.Rank, (await _node.Queue("ce-front")).Waiting[0].Rank);
        // A late "answered" from the adapter is refused: the leg is over.
        Assert.Equal(RejectionCode.IllegalTransition, Assert.IsType<CommandRejected>(await _node.Send(new ReportLeg("ce-1", LegOutcome.Answered))).Code);
    }

    [Fact]
    public async Task An_external_cold_transfer_with_no_report_times_out_and_returns_to_the_back_when_the_queue_says_so()
    {
        await _node.SkillQueue("cb-front", new TransferRules(Returned: ReturnPlacement.Back));
        await _node.Connected("cb-1", "cb-front", "cb-anna");
        await _node.OfferCall("cb-later", "cb-front");

        Assert.IsType<CommandAccepted>(await _node.Send(TransferFloor.Transfer("cb-1", "cb-anna", TransferMode.Cold, TransferTargetKind.External, "+4533173317", timeoutSeconds: 5)));

        var back = await _node.CallIs("cb-1", CallStatus.Queued, TimeSpan.FromSeconds(30));
        Assert.Equal("timeout", back.History.OfType<TransferEvents.TransferLegFailed>().Single().Reason);
        await Eventually.Holds(async () => Assert.Equal(["cb-later", "cb-1"], (await _node.Queue("cb-front")).Waiting.Select(w => w.CallId)));
    }

    [Fact]
    public async Task An_answered_external_cold_transfer_ends_the_call_as_transferred_out()
    {
        await _node.SkillQueue("cx-front");
        await _node.Connected("cx-1", "cx-front", "cx-anna");

        await _node.Send(TransferFloor.Transfer("cx-1", "cx-anna", TransferMode.Cold, TransferTargetKind.External, "+4533173317"));
        Assert.IsType<CommandAccepted>(await _node.Send(new ReportLeg("cx-1", LegOutcome.Answered)));

        await _node.CallIs("cx-1", CallStatus.TransferredOut);
        await _node.AgentIs("cx-anna", AgentStatus.WrapUp);
        await Eventually.Holds(() => Assert.Contains(_node.Signals.Of<CallSignals.CallCompleted>(),
            c => c.CallId == "cx-1" && c.Outcome == CallStatus.TransferredOut));
    }

    [Fact]
    public async Task A_warm_transfer_to_a_queue_consults_one_of_its_agents_and_completes_to_it()
    {
        await _node.SkillQueue("wq-front");
        await _node.SkillQueue("wq-buf");
        await _node.Connected("wq-1", "wq-front", "wq-anna");
        await _node.CreateAgent("wq-bob", ("wq-buf", 5));
        await _node.Ready("wq-bob");

        Assert.IsType<CommandAccepted>(await _node.Send(TransferFloor.Transfer("wq-1", "wq-anna", TransferMode.Warm, TransferTargetKind.Queue, "wq-buf")));
        var leg = (await _node.LegRinging("wq-1")).Leg!;
        Assert.Equal("wq-bob", leg.AgentId);
        Assert.Equal(AgentStatus.OnCall, (await _node.Agent("wq-anna")).Status); // anna keeps the caller on hold
        Assert.IsType<CommandAccepted>(await _node.Answer(new CallState("wq-1", CallStatus.Ringing, null, leg.AgentId, leg.Token, [])));
        await Eventually.Holds(async () => Assert.Equal(LegPhase.Answered, (await _node.Call("wq-1")).Leg?.Phase));
        await _node.InvariantsHold(["wq-1"], ["wq-anna", "wq-bob"]);

        Assert.IsType<CommandAccepted>(await _node.Send(new CompleteTransfer("wq-1", "wq-anna")));

        var call = await _node.CallIs("wq-1", CallStatus.Connected);
        Assert.Equal(("wq-bob", "wq-buf"), (call.AgentId, call.Details!.QueueId));
        await _node.AgentIs("wq-anna", AgentStatus.WrapUp);
        Assert.Equal(AgentStatus.OnCall, (await _node.Agent("wq-bob")).Status);
        await _node.InvariantsHold(["wq-1"], ["wq-anna", "wq-bob"]);
    }

    [Fact]
    public async Task A_consult_longer_than_the_agents_call_check_keeps_the_target_agent_on_the_leg()
    {
        await _node.SkillQueue("wk-front");
        await _node.SkillQueue("wk-buf");
        await _node.Connected("wk-1", "wk-front", "wk-anna");
        await _node.CreateAgent("wk-bob", ("wk-buf", 5));
        await _node.Ready("wk-bob");
        Assert.IsType<CommandAccepted>(await _node.Send(TransferFloor.Transfer("wk-1", "wk-anna", TransferMode.Warm, TransferTargetKind.Queue, "wk-buf", 300)));
        var leg = (await _node.LegRinging("wk-1")).Leg!;
        Assert.IsType<CommandAccepted>(await _node.Answer(new CallState("wk-1", CallStatus.Ringing, null, leg.AgentId, leg.Token, [])));
        await Eventually.Holds(async () => Assert.Equal(LegPhase.Answered, (await _node.Call("wk-1")).Leg?.Phase));

        // Both agents' call checks run while anna consults bob; neither may release its agent.
        await Task.Delay(AgentActor.CallCheckInterval + TimeSpan.FromSeconds(3));
        Assert.Equal(AgentStatus.OnCall, (await _node.Agent("wk-bob")).Status);
        Assert.Equal(AgentStatus.OnCall, (await _node.Agent("wk-anna")).Status);

        Assert.IsType<CommandAccepted>(await _node.Send(new CompleteTransfer("wk-1", "wk-anna")));
        Assert.Equal("wk-bob", (await _node.CallIs("wk-1", CallStatus.Connected)).AgentId);
        await _node.InvariantsHold(["wk-1"], ["wk-anna", "wk-bob"]);
    }

    [Fact]
    public async Task A_cancelled_warm_transfer_gives_the_caller_back_and_releases_the_ringing_target()
    {
        await _node.SkillQueue("wc-front");
        await _node.Connected("wc-1", "wc-front", "wc-anna");
        await _node.CreateAgent("wc-bob", ("other", 5));
        await _node.Ready("wc-bob");

        await _node.Send(TransferFloor.Transfer("wc-1", "wc-anna", TransferMode.Warm, TransferTargetKind.Agent, "wc-bob"));
        await _node.LegRinging("wc-1");
        Assert.Equal(AgentStatus.Offered, (await _node.Agent("wc-bob")).Status);

        Assert.IsType<CommandAccepted>(await _node.Send(new CancelTransfer("wc-1", "wc-anna")));

        var call = await _node.CallIs("wc-1", CallStatus.Connected);
        Assert.Equal("wc-anna", call.AgentId);
        await _node.AgentIs("wc-bob", AgentStatus.Ready);
        Assert.Equal(AgentStatus.OnCall, (await _node.Agent("wc-anna")).Status);
    }

    [Fact]
    public async Task A_warm_consult_to_an_agent_who_is_not_ready_gives_the_caller_back_at_once()
    {
        await _node.SkillQueue("wn-front");
        await _node.Connected("wn-1", "wn-front", "wn-anna");
        await _node.CreateAgent("wn-bob", ("other", 5)); // logged in, not ready

        await _node.Send(TransferFloor.Transfer("wn-1", "wn-anna", TransferMode.Warm, TransferTargetKind.Agent, "wn-bob"));

        await Eventually.Holds(async () => Assert.Contains((await _node.Call("wn-1")).History, e => e is TransferEvents.TransferLegFailed));
        var call = await _node.Call("wn-1");
        Assert.Equal((CallStatus.Connected, "wn-anna"), (call.Status, call.AgentId));
        Assert.Contains("Paused", call.History.OfType<TransferEvents.TransferLegFailed>().Single().Reason);
    }

    [Fact]
    public async Task The_caller_hanging_up_during_a_warm_consult_ends_the_call_and_frees_both_agents()
    {
        await _node.SkillQueue("wh-front", wrapUp: TimeSpan.Zero);
        await _node.Connected("wh-1", "wh-front", "wh-anna");
        await _node.CreateAgent("wh-bob", ("other", 5));
        await _node.Ready("wh-bob");
        await _node.Send(TransferFloor.Transfer("wh-1", "wh-anna", TransferMode.Warm, TransferTargetKind.Agent, "wh-bob"));
        var leg = (await _node.LegRinging("wh-1")).Leg!;

        await _node.HangUp("wh-1");
        // The target picks up just as the caller leaves: fenced off.
        await _node.Answer(new CallState("wh-1", CallStatus.Ringing, null, leg.AgentId, leg.Token, []));

        var call = await _node.CallIs("wh-1", CallStatus.Ended);
        Assert.Equal("caller hung up", call.History.OfType<TransferEvents.TransferLegFailed>().Single().Reason);
        await _node.AgentIs("wh-bob", AgentStatus.Ready);
        await _node.AgentIs("wh-anna", AgentStatus.Ready); // wrap-up 0
        Assert.Equal(0, (await _node.Agent("wh-bob")).Stats.CallsHandled);
    }

    [Fact]
    public async Task A_target_answer_just_after_the_consult_timed_out_is_fenced_off_and_the_target_released()
    {
        await _node.SkillQueue("wt-front");
        await _node.Connected("wt-1", "wt-front", "wt-anna");
        await _node.CreateAgent("wt-bob", ("other", 5));
        await _node.Ready("wt-bob");
        await _node.Send(TransferFloor.Transfer("wt-1", "wt-anna", TransferMode.Warm, TransferTargetKind.Agent, "wt-bob", timeoutSeconds: 5));
        var leg = (await _node.LegRinging("wt-1")).Leg!;

        await Eventually.Holds(async () => Assert.Null((await _node.Call("wt-1")).Leg), TimeSpan.FromSeconds(30));
        var answer = await _node.Answer(new CallState("wt-1", CallStatus.Ringing, null, leg.AgentId, leg.Token, []));

        // Either the agent had already been released (the answer is refused) or the call released it after.
        Assert.True(answer is CommandRejected || answer is CommandAccepted);
        await _node.AgentIs("wt-bob", AgentStatus.Ready);
        var call = await _node.Call("wt-1");
        Assert.Equal((CallStatus.Connected, "wt-anna"), (call.Status, call.AgentId));
        Assert.Equal("timeout", call.History.OfType<TransferEvents.TransferLegFailed>().Single().Reason);
        Assert.DoesNotContain(call.History, e => e is TransferEvents.TransferLegAnswered);
        await _node.InvariantsHold(["wt-1"], ["wt-anna", "wt-bob"]);
    }

    [Fact]
    public async Task A_warm_external_consult_answered_then_completed_transfers_the_call_out()
    {
        await _node.SkillQueue("wx-front");
        await _node.Connected("wx-1", "wx-front", "wx-anna");

        await _node.Send(TransferFloor.Transfer("wx-1", "wx-anna", TransferMode.Warm, TransferTargetKind.External, "+4533173317"));
        Assert.IsType<CommandRejected>(await _node.Send(new CompleteTransfer("wx-1", "wx-anna"))); // not answered yet
        Assert.IsType<CommandAccepted>(await _node.Send(new ReportLeg("wx-1", LegOutcome.Answered)));
        Assert.IsType<CommandAccepted>(await _node.Send(new ConferenceTransfer("wx-1", "wx-anna")));
        Assert.IsType<CommandAccepted>(await _node.Send(new CompleteTransfer("wx-1", "wx-anna")));

        var call = await _node.CallIs("wx-1", CallStatus.TransferredOut);
        Assert.Contains(call.History, e => e is TransferEvents.ConsultConferenced);
        await _node.AgentIs("wx-anna", AgentStatus.WrapUp);
    }
}
