using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Transfers;
using Xunit;
using static ContactCenter.Actors.Calls.CallCommands;
using static ContactCenter.Actors.Calls.CallEvents;
using static ContactCenter.Actors.Calls.CallProtocol;
using static ContactCenter.Actors.Calls.TransferCommands;
using static ContactCenter.Actors.Calls.TransferEvents;
using static ContactCenter.Actors.Calls.TransferProtocol;
using static ContactCenter.Actors.Tests.Domain.CallGiven;

namespace ContactCenter.Actors.Tests.Domain;

/// <summary>Cold and warm transfer legs and the wait-time passport, on the pure call state.</summary>
public sealed class TransferStateTests
{
    private const string External = "+4533173317";

    private static QueueRoute Route(string queueId, TransferRules? rules = null) => new(queueId, queueId, 1, "test", Transfers: rules);

    private static Func<string, QueueRoute?> Routes(TransferRules? rules = null) => id => Route(id, rules);

    private static TransferCall Transfer(TransferMode mode, TransferTargetKind kind, string target, string agentId = "anna") =>
        new(CallId, agentId, mode, new TransferTarget(kind, target));

    private static CallState With(CallState s, object cmd, DateTimeOffset at, Func<string, QueueRoute?>? routes = null) => cmd switch
    {
        TransferCall t => s.Then(s.Decide(t, at, routes ?? Routes())),
        CompleteTransfer c => s.Then(s.Decide(c, at)),
        CancelTransfer c => s.Then(s.Decide(c, at)),
        ConferenceTransfer c => s.Then(s.Decide(c, at)),
        ReportLeg r => s.Then(s.Decide(r, at, routes ?? Routes())),
        DirectOfferAccepted a => s.Then(s.Decide(a, at)),
        DirectOfferRefused r => s.Then(s.Decide(r, at, routes ?? Routes())),
        LegDeadlineReached d => s.Then(s.Decide(d, at, routes ?? Routes())),
        RouteToAgent r => s.Then(s.Decide(r, at)),
        AgentConnected c => s.Then(s.Decide(c, at)),
        OfferWithdrawn w => s.Then(s.Decide(w, at, routes ?? Routes())),
        HangUp h => s.Then(s.Decide(h, at)),
        _ => throw new ArgumentException(cmd.GetType().Name),
    };

    // ---- Cold -------------------------------------------------------------------------------------------------

    [Fact]
    public void A_cold_transfer_to_a_queue_puts_the_call_in_that_queue_with_its_passport_and_frees_the_agent()
    {
        var s = Connected();

        var e = Assert.IsType<CallTransferredToQueue>(Decided.Single(s.Decide(Transfer(TransferMode.Cold, TransferTargetKind.Queue, "buf"), Clock.At(60), Routes())));
        var after = s.Apply(e);

        Assert.Equal(("anna", "token-1", QueueId, "buf"), (e.FromAgentId, e.FromToken, e.FromQueueId, e.ToQueueId));
        Assert.Equal(new CallRank(0, Clock.T0), e.Rank); // kept: original arrival and priority
        Assert.Equal((CallStatus.Queued, "buf", (string?)null), (after.Status, after.Details!.QueueId, after.AgentId));
        Assert.Equal(new CallRank(0, Clock.T0), after.Passport);
    }

    [Fact]
    public void A_queue_that_resets_passports_gives_a_transferred_call_a_new_arrival()
    {
        var s = Queued(priority: 5);
        s = s.Then(s.Decide(new RouteToAgent(CallId, QueueId, "anna", "token-1"), Clock.At(10)));
        s = s.Then(s.Decide(new AgentConnected(CallId, "anna", "token-1"), Clock.At(20)));

        var e = Assert.IsType<CallTransferredToQueue>(Decided.Single(
            s.Decide(Transfer(TransferMode.Cold, TransferTargetKind.Queue, "buf"), Clock.At(60), Routes(new TransferRules(PassportRule.Reset)))));

        Assert.Equal(new CallRank(0, Clock.At(60)), e.Rank);
    }

    [Fact]
    public void Only_the_connected_agent_can_transfer_and_the_target_is_validated()
    {
        Decided.Rejected(Connected().Decide(Transfer(TransferMode.Cold, TransferTargetKind.Queue, "buf", agentId: "bob"), Clock.At(60), Routes()),
            RejectionCode.IllegalTransition);
        Decided.Rejected(Queued().Decide(Transfer(TransferMode.Cold, TransferTargetKind.Queue, "buf"), Clock.At(60), Routes()),
            RejectionCode.IllegalTransition);
        Decided.Rejected(Connected().Decide(Transfer(TransferMode.Cold, TransferTargetKind.External, "12345"), Clock.At(60), Routes()),
            RejectionCode.Invalid, "target");
        Decided.Rejected(Connected().Decide(Transfer(TransferMode.Cold, TransferTargetKind.Agent, "anna"), Clock.At(60), Routes()),
            RejectionCode.Invalid, "target");
        Decided.Rejected(Connected().Decide(Transfer(TransferMode.Cold, TransferTargetKind.Queue, "nowhere"), Clock.At(60), _ => null),
            RejectionCode.NotFound);
        Decided.Rejected(Connected().Decide(Transfer(TransferMode.Cold, TransferTargetKind.Queue, "buf") with { Timeout = TimeSpan.FromSeconds(1) },
            Clock.At(60), Routes()), RejectionCode.Invalid, "timeoutSeconds");
    }

    [Fact]
    public void A_cold_external_transfer_that_is_answered_takes_the_call_out_of_the_center()
    {
        var s = With(Connected(), Transfer(TransferMode.Cold, TransferTargetKind.External, External), Clock.At(60));
        Assert.Equal((CallStatus.Transferring, (string?)null), (s.Status, s.AgentId));
        Assert.Equal(Clock.At(90), s.Leg!.Deadline); // default 30 s

        s = With(s, new ReportLeg(CallId, LegOutcome.Answered), Clock.At(70));

        Assert.Equal(CallStatus.TransferredOut, s.Status);
        Assert.True(s.IsFinal);
        Assert.Null(s.Leg);
    }

    [Theory]
    [InlineData(ReturnPlacement.OriginalPlace, 0)]
    [InlineData(ReturnPlacement.Back, 90)]
    public void An_unanswered_cold_transfer_returns_to_its_original_queue_by_the_queue_rule(ReturnPlacement placement, int arrivalSeconds)
    {
        var routes = Routes(new TransferRules(Returned: placement));
        var s = With(Connected(), Transfer(TransferMode.Cold, TransferTargetKind.External, External), Clock.At(60), routes);

        var failed = Assert.IsType<TransferLegFailed>(Decided.Single(s.Decide(new LegDeadlineReached(CallId, s.Leg!.LegId), Clock.At(90), routes)));
        var back = s.Apply(failed);

        Assert.Equal("timeout", failed.Reason);
        Assert.Equal((CallStatus.Queued, QueueId, true), (back.Status, back.Details!.QueueId, back.Returned));
        Assert.Equal(new CallRank(0, Clock.At(arrivalSeconds)), back.Details.Rank);
    }

    [Fact]
    public void A_busy_external_target_returns_the_call_and_a_late_answer_is_refused()
    {
        var s = With(Connected(), Transfer(TransferMode.Cold, TransferTargetKind.External, External), Clock.At(60));
        s = With(s, new ReportLeg(CallId, LegOutcome.Busy), Clock.At(62));
        Assert.Equal(CallStatus.Queued, s.Status);

        Decided.Rejected(s.Decide(new ReportLeg(CallId, LegOutcome.Answered, CallId + "-leg-1"), Clock.At(63), Routes()), RejectionCode.IllegalTransition);
    }

    [Fact]
    public void A_cold_transfer_to_an_agent_rings_that_agent_and_connects_it()
    {
        var s = With(Connected(), Transfer(TransferMode.Cold, TransferTargetKind.Agent, "bob"), Clock.At(60));
        var legId = s.Leg!.LegId;
        s = With(s, new DirectOfferAccepted(CallId, "bob", legId, "bob-token"), Clock.At(61));
        Assert.Equal((CallStatus.Ringing, "bob", "bob-token"), (s.Status, s.AgentId, s.Token));

        var events = Decided.Accepted(s.Decide(new AgentConnected(CallId, "bob", "bob-token"), Clock.At(65)));
        s = events.Aggregate(s, (st, e) => st.Apply(e));

        Assert.IsType<TransferLegAnswered>(events[0]);
        Assert.Equal((CallStatus.Connected, "bob", "bob-token", (TransferLeg?)null), (s.Status, s.AgentId, s.Token, s.Leg));
    }

    [Fact]
    public void A_cold_transfer_to_an_agent_who_misses_it_returns_the_call_marked_as_returned()
    {
        var s = With(Connected(), Transfer(TransferMode.Cold, TransferTargetKind.Agent, "bob"), Clock.At(60));
        s = With(s, new DirectOfferAccepted(CallId, "bob", s.Leg!.LegId, "bob-token"), Clock.At(61));

        s = With(s, new OfferWithdrawn(CallId, "bob", "bob-token", "no answer"), Clock.At(80));

        Assert.Equal((CallStatus.Queued, QueueId, true, (string?)null), (s.Status, s.Details!.QueueId, s.Returned, s.AgentId));
        Assert.Equal(typeof(TransferLegFailed), s.History[^1].GetType());
    }

    [Fact]
    public void A_refused_direct_offer_returns_the_call_and_a_late_acceptance_is_fenced()
    {
        var s = With(Connected(), Transfer(TransferMode.Cold, TransferTargetKind.Agent, "bob"), Clock.At(60));
        var legId = s.Leg!.LegId;
        s = With(s, new DirectOfferRefused(CallId, "bob", legId, "agent 'bob' is Paused"), Clock.At(61));
        Assert.Equal(CallStatus.Queued, s.Status);

        Decided.Nothing(s.Decide(new DirectOfferAccepted(CallId, "bob", legId, "late"), Clock.At(62)));
    }

    [Fact]
    public void The_caller_hanging_up_during_a_cold_transfer_abandons_the_call()
    {
        var s = With(Connected(), Transfer(TransferMode.Cold, TransferTargetKind.External, External), Clock.At(60));

        Decided.Rejected(s.Decide(new HangUp(CallId, CallParty.Agent), Clock.At(61)), RejectionCode.IllegalTransition);
        s = With(s, new HangUp(CallId, CallParty.Caller), Clock.At(62));

        Assert.Equal(CallStatus.Abandoned, s.Status);
        Assert.Null(s.Leg);
        Assert.Equal(CallStatus.Transferring, ((CallAbandoned)s.History[^1]).Phase);
    }

    // ---- Warm -------------------------------------------------------------------------------------------------

    [Fact]
    public void A_warm_transfer_to_a_queue_consults_one_of_its_agents_then_completes_to_it()
    {
        var s = With(Connected(), Transfer(TransferMode.Warm, TransferTargetKind.Queue, "buf"), Clock.At(60));
        Assert.Equal((CallStatus.Consulting, "anna", "token-1"), (s.Status, s.AgentId, s.Token)); // still with anna

        Decided.Nothing(s.Decide(new RouteToAgent(CallId, "other-queue", "carl", "carl-token"), Clock.At(61)));
        s = With(s, new RouteToAgent(CallId, "buf", "bob", "bob-token"), Clock.At(62));
        Assert.Equal((LegPhase.Ringing, "bob"), (s.Leg!.Phase, s.Leg.AgentId));
        Decided.Rejected(s.Decide(new CompleteTransfer(CallId, "anna"), Clock.At(63)), RejectionCode.IllegalTransition);

        s = With(s, new AgentConnected(CallId, "bob", "bob-token"), Clock.At(64));
        Assert.Equal((CallStatus.Consulting, LegPhase.Answered, "anna"), (s.Status, s.Leg!.Phase, s.AgentId));

        s = With(s, new ConferenceTransfer(CallId, "anna"), Clock.At(70));
        Assert.True(s.Leg!.Conference);
        s = With(s, new CompleteTransfer(CallId, "anna"), Clock.At(90));

        Assert.Equal((CallStatus.Connected, "bob", "bob-token", "buf"), (s.Status, s.AgentId, s.Token, s.Details!.QueueId));
        Assert.Null(s.Leg);
    }

    [Fact]
    public void A_cancelled_or_unanswered_consult_gives_the_caller_back_to_the_agent()
    {
        var consulting = With(Connected(), Transfer(TransferMode.Warm, TransferTargetKind.Agent, "bob"), Clock.At(60));

        var cancelled = With(consulting, new CancelTransfer(CallId, "anna"), Clock.At(70));
        var timedOut = With(consulting, new LegDeadlineReached(CallId, consulting.Leg!.LegId), Clock.At(90));

        foreach (var s in new[] { cancelled, timedOut })
        {
            Assert.Equal((CallStatus.Connected, "anna", "token-1", (TransferLeg?)null), (s.Status, s.AgentId, s.Token, s.Leg));
            Assert.False(s.Returned);
        }
    }

    [Fact]
    public void A_target_answer_just_after_the_timeout_is_fenced_off()
    {
        var s = With(Connected(), Transfer(TransferMode.Warm, TransferTargetKind.Agent, "bob"), Clock.At(60));
        s = With(s, new DirectOfferAccepted(CallId, "bob", s.Leg!.LegId, "bob-token"), Clock.At(61));
        s = With(s, new LegDeadlineReached(CallId, s.Leg!.LegId), Clock.At(90));

        Decided.Nothing(s.Decide(new AgentConnected(CallId, "bob", "bob-token"), Clock.At(91)));
        Assert.Equal(("anna", CallStatus.Connected), (s.AgentId, s.Status));
    }

    [Fact]
    public void The_caller_hanging_up_during_a_consult_ends_the_consult_and_the_call()
    {
        var s = With(Connected(), Transfer(TransferMode.Warm, TransferTargetKind.External, External), Clock.At(60));
        s = With(s, new ReportLeg(CallId, LegOutcome.Answered), Clock.At(65));

        var events = Decided.Accepted(s.Decide(new HangUp(CallId, CallParty.Caller), Clock.At(70)));
        s = events.Aggregate(s, (st, e) => st.Apply(e));

        Assert.Equal("caller hung up", Assert.IsType<TransferLegFailed>(events[0]).Reason);
        Assert.IsType<CallEnded>(events[1]);
        Assert.Equal((CallStatus.Ended, "anna"), (s.Status, s.AgentId));
    }

    [Fact]
    public void A_warm_external_transfer_completes_out_of_the_center_and_only_one_leg_runs_at_a_time()
    {
        var s = With(Connected(), Transfer(TransferMode.Warm, TransferTargetKind.External, External), Clock.At(60));
        Decided.Rejected(s.Decide(Transfer(TransferMode.Warm, TransferTargetKind.Queue, "buf"), Clock.At(61), Routes()), RejectionCode.IllegalTransition);
        s = With(s, new ReportLeg(CallId, LegOutcome.Answered), Clock.At(65));

        s = With(s, new CompleteTransfer(CallId, "anna"), Clock.At(80));

        Assert.Equal(CallStatus.TransferredOut, s.Status);
        Assert.Equal(2, s.History.Count(h => h is TransferLegStarted or TransferLegAnswered));
        Assert.IsType<WarmTransferCompleted>(s.History[^1]);
    }

    [Fact]
    public void A_referral_to_a_department_is_noted_once_on_the_call()
    {
        var s = Ended();
        var note = new NoteDepartmentReferral(CallId, "BUF", "m-1", "CallbackRequest");

        s = s.Then(s.Decide(note, Clock.At(400)));
        Decided.Nothing(s.Decide(note, Clock.At(401)));

        Assert.Equal("BUF", Assert.IsType<CallReferredToDepartment>(s.History[^1]).DepartmentId);
        Assert.Equal(CallStatus.Ended, s.Status);
    }
}
