using System.Collections.Immutable;
using System.Text.Json;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Routing;
using Xunit;
using static ContactCenter.Actors.Calls.CallCommands;
using static ContactCenter.Actors.Calls.CallEvents;
using static ContactCenter.Actors.Calls.CallProtocol;
using static ContactCenter.Actors.Tests.Domain.CallGiven;

namespace ContactCenter.Actors.Tests.Domain;

public sealed class CallStateTests
{
    private static ImmutableDictionary<string, string> Data(params (string Key, string Value)[] pairs) =>
        pairs.ToImmutableDictionary(p => p.Key, p => p.Value);

    // ---- Lifecycle ------------------------------------------------------------------------------------------

    [Fact]
    public void An_offered_call_is_queued_with_its_arrival_as_original_arrival()
    {
        var s = CallState.Empty(CallId);

        var e = Assert.IsType<CallOffered>(Decided.Single(s.Decide(Offer(priority: 7), Clock.T0)));
        var after = s.Apply(e);

        Assert.Equal(CallStatus.Queued, after.Status);
        Assert.Equal(e, after.Details);
        Assert.Equal(new CallRank(7, Clock.T0), e.Rank);
        Assert.Equal(From, e.From);
        Assert.Equal(QueueId, e.QueueId);
        Assert.Equal("da", e.Language);
        Assert.False(after.IsFinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_call_without_a_language_is_taken_in_danish(string language)
    {
        var e = Assert.IsType<CallOffered>(Decided.Single(CallState.Empty(CallId).Decide(Offer(language: language), Clock.T0)));

        Assert.Equal("da", e.Language);
    }

    [Fact]
    public void A_call_goes_from_queued_to_ringing_to_connected_to_ended()
    {
        var queued = Queued();

        var ringing = queued.Then(queued.Decide(new RouteToAgent(CallId, QueueId, "anna", "tok"), Clock.At(10)));
        Assert.Equal((CallStatus.Ringing, "anna", "tok"), (ringing.Status, ringing.AgentId, ringing.Token));

        var connected = ringing.Then(ringing.Decide(new AgentConnected(CallId, "anna", "tok"), Clock.At(20)));
        Assert.Equal((CallStatus.Connected, "anna", "tok"), (connected.Status, connected.AgentId, connected.Token));

        var hangUp = Assert.IsType<CallEnded>(Decided.Single(connected.Decide(new HangUp(CallId, CallParty.Agent, "resolved"), Clock.At(300))));
        var ended = connected.Apply(hangUp);

        Assert.Equal(new CallEnded(CallParty.Agent, "resolved", Clock.At(300)), hangUp);
        Assert.Equal(CallStatus.Ended, ended.Status);
        Assert.True(ended.IsFinal);
        Assert.Equal(
            [typeof(CallOffered), typeof(CallOfferedToAgent), typeof(CallConnected), typeof(CallEnded)],
            ended.History.Select(e => e.GetType()));
    }

    [Theory]
    [InlineData(CallParty.Caller)]
    [InlineData(CallParty.Agent)]
    [InlineData(CallParty.System)]
    public void Any_party_can_end_a_connected_call(CallParty party)
    {
        var s = Connected();

        var e = Assert.IsType<CallEnded>(Decided.Single(s.Decide(new HangUp(CallId, party), Clock.At(400))));

        Assert.Equal(party, e.By);
        Assert.Equal(CallStatus.Ended, s.Apply(e).Status);
    }

    [Fact]
    public void A_caller_who_hangs_up_while_queued_abandons_the_call()
    {
        var s = Queued();

        var e = Assert.IsType<CallAbandoned>(Decided.Single(s.Decide(new HangUp(CallId, CallParty.Caller), Clock.At(30))));
        var after = s.Apply(e);

        Assert.Equal(new CallAbandoned(CallStatus.Queued, Clock.At(30)), e);
        Assert.Equal(CallStatus.Abandoned, after.Status);
        Assert.True(after.IsFinal);
    }

    [Fact]
    public void A_caller_who_hangs_up_while_ringing_abandons_the_call()
    {
        var s = Ringing();

        var e = Assert.IsType<CallAbandoned>(Decided.Single(s.Decide(new HangUp(CallId, CallParty.Caller), Clock.At(15))));

        Assert.Equal(CallStatus.Ringing, e.Phase);
        Assert.Equal(CallStatus.Abandoned, s.Apply(e).Status);
    }

    [Theory]
    [InlineData(CallParty.Agent)]
    [InlineData(CallParty.System)]
    public void Only_the_caller_can_hang_up_before_an_agent_answers(CallParty party)
    {
        Decided.Rejected(Queued().Decide(new HangUp(CallId, party), Clock.At(15)), RejectionCode.IllegalTransition);
        Decided.Rejected(Ringing().Decide(new HangUp(CallId, party), Clock.At(15)), RejectionCode.IllegalTransition);
    }

    [Fact]
    public void Hanging_up_a_call_that_does_not_exist_is_not_found()
    {
        Decided.Rejected(CallState.Empty(CallId).Decide(new HangUp(CallId, CallParty.Caller), Clock.T0), RejectionCode.NotFound);
    }

    [Fact]
    public void A_repeated_hang_up_of_a_finished_call_changes_nothing()
    {
        Decided.Nothing(Ended().Decide(new HangUp(CallId, CallParty.Caller), Clock.At(999)));
        Decided.Nothing(Ended().Decide(new HangUp(CallId, CallParty.Agent), Clock.At(999)));
        Decided.Nothing(Abandoned().Decide(new HangUp(CallId, CallParty.Caller), Clock.At(999)));
    }

    // ---- Fencing ----------------------------------------------------------------------------------------------

    [Fact]
    public void A_call_already_ringing_an_agent_is_not_routed_to_a_second_one()
    {
        var s = Ringing("anna", "tok-anna");

        Decided.Nothing(s.Decide(new RouteToAgent(CallId, QueueId, "bent", "tok-bent"), Clock.At(12)));
        Assert.Equal(("anna", "tok-anna"), (s.AgentId, s.Token));
    }

    [Fact]
    public void Only_a_queued_call_can_be_routed_to_an_agent()
    {
        var route = new RouteToAgent(CallId, QueueId, "bent", "tok-bent");

        Decided.Nothing(CallState.Empty(CallId).Decide(route, Clock.At(12)));
        Decided.Nothing(Connected().Decide(route, Clock.At(100)));
        Decided.Nothing(Ended().Decide(route, Clock.At(999)));
        Decided.Nothing(Abandoned().Decide(route, Clock.At(999)));
        Decided.Single(Queued().Decide(route, Clock.At(12)));
    }

    [Fact]
    public void An_answer_with_a_token_that_is_not_the_current_one_changes_nothing()
    {
        var s = Ringing("anna", "tok-anna");

        Decided.Nothing(s.Decide(new AgentConnected(CallId, "bent", "tok-bent"), Clock.At(20)));
        Decided.Nothing(s.Decide(new AgentConnected(CallId, "anna", "tok-old"), Clock.At(20)));
    }

    [Fact]
    public void An_answer_that_arrives_after_the_caller_hung_up_changes_nothing()
    {
        var ringing = Ringing("anna", "tok-anna");
        var abandoned = ringing.Then(ringing.Decide(new HangUp(CallId, CallParty.Caller), Clock.At(15)));

        Decided.Nothing(abandoned.Decide(new AgentConnected(CallId, "anna", "tok-anna"), Clock.At(16)));
        Assert.Equal(CallStatus.Abandoned, abandoned.Status);
    }

    [Fact]
    public void A_second_answer_to_a_connected_call_changes_nothing()
    {
        Decided.Nothing(Connected().Decide(new AgentConnected(CallId, "anna", "token-1"), Clock.At(21)));
        Decided.Nothing(Queued().Decide(new AgentConnected(CallId, "anna", "token-1"), Clock.At(21)));
    }

    [Fact]
    public void A_withdrawn_offer_puts_the_call_back_in_queue_ready_for_another_agent()
    {
        var s = Ringing("anna", "tok-anna");

        var e = Assert.IsType<CallOfferWithdrawn>(Decided.Single(s.Decide(new OfferWithdrawn(CallId, "anna", "tok-anna", "no answer"), Clock.At(25))));
        var queued = s.Apply(e);

        Assert.Equal(CallStatus.Queued, queued.Status);
        Assert.Null(queued.AgentId);
        Assert.Null(queued.Token);
        Assert.Equal(new CallRank(0, Clock.T0), queued.Details!.Rank);

        var again = queued.Then(queued.Decide(new RouteToAgent(CallId, QueueId, "bent", "tok-bent"), Clock.At(30)));
        Assert.Equal(("bent", "tok-bent"), (again.AgentId, again.Token));
        Decided.Nothing(again.Decide(new AgentConnected(CallId, "anna", "tok-anna"), Clock.At(31)));
        Decided.Nothing(again.Decide(new OfferWithdrawn(CallId, "anna", "tok-anna", "late"), Clock.At(31)));
    }

    [Fact]
    public void A_withdrawal_once_connected_changes_nothing()
    {
        Decided.Nothing(Connected().Decide(new OfferWithdrawn(CallId, "anna", "token-1", "forced logout"), Clock.At(40)));
    }

    [Fact]
    public void A_repeated_offer_changes_nothing_and_the_first_outcome_stands()
    {
        var s = Queued(priority: 2);

        Decided.Nothing(s.Decide(Offer(priority: 90, from: "+4599999999"), Clock.At(5)));
        Decided.Nothing(Connected().Decide(Offer(), Clock.At(50)));
        Decided.Nothing(Ended().Decide(Offer(), Clock.At(999)));
        // Even an invalid retry is not re-validated: the first outcome stands.
        Decided.Nothing(s.Decide(Offer(from: "", priority: 500), Clock.At(5)));
    }

    // ---- Validation and personal data -------------------------------------------------------------------------

    [Theory]
    [InlineData("", 0, "from")]
    [InlineData("   ", 0, "from")]
    [InlineData(From, -1, "priority")]
    [InlineData(From, 101, "priority")]
    public void An_invalid_call_is_rejected_naming_the_field(string from, int priority, string field)
    {
        Decided.Rejected(CallState.Empty(CallId).Decide(Offer(from: from, priority: priority), Clock.T0), RejectionCode.Invalid, field);
    }

    [Fact]
    public void A_call_without_a_queue_is_rejected_naming_the_field()
    {
        Decided.Rejected(CallState.Empty(CallId).Decide(Offer(queueId: ""), Clock.T0), RejectionCode.Invalid, "queueId");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void Priorities_from_zero_to_one_hundred_are_accepted(int priority)
    {
        Decided.Single(CallState.Empty(CallId).Decide(Offer(priority: priority), Clock.T0));
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("01020312345")]
    [InlineData("0102O31234")]
    [InlineData("010203+1234")]
    [InlineData("")]
    public void A_malformed_cpr_number_is_rejected_naming_the_field(string cpr)
    {
        var rejection = Decided.Rejected(CallState.Empty(CallId).Decide(Offer(data: Data(("cpr", cpr))), Clock.T0),
            RejectionCode.Invalid, "attachedData.cpr");
        if (cpr.Length > 0) Assert.DoesNotContain(cpr, rejection.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_with_a_call_is_reported_at_once()
    {
        Decided.Rejected(
            CallState.Empty(CallId).Decide(Offer(from: "", queueId: " ", priority: 101, data: Data(("cpr", "x"))), Clock.T0),
            RejectionCode.Invalid, "from", "queueId", "priority", "attachedData.cpr");
    }

    [Theory]
    [InlineData("0102039876")]
    [InlineData("010203-9876")]
    [InlineData(" 010203-9876 ")]
    public void A_cpr_number_is_stored_masked_keeping_only_the_birth_date(string cpr)
    {
        var s = CallState.Empty(CallId);

        var e = Assert.IsType<CallOffered>(Decided.Single(s.Decide(Offer(data: Data(("cpr", cpr), ("case", "A-17"))), Clock.T0)));
        var after = s.Apply(e);

        Assert.Equal("010203-****", e.AttachedData["cpr"]);
        Assert.Equal("A-17", e.AttachedData["case"]);
        Assert.Equal("010203-****", after.Details!.AttachedData["cpr"]);
        var journalText = JsonSerializer.Serialize(after.History);
        Assert.DoesNotContain("9876", journalText, StringComparison.Ordinal);
        Assert.Contains("010203-****", journalText, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cpr_number_under_a_differently_cased_key_is_masked_too()
    {
        var e = Assert.IsType<CallOffered>(Decided.Single(
            CallState.Empty(CallId).Decide(Offer(data: Data(("CPR", "0102039876"))), Clock.T0)));

        Assert.Equal("010203-****", e.AttachedData["CPR"]);
    }

    [Fact]
    public void Attached_data_without_a_cpr_number_is_stored_as_given()
    {
        var e = Assert.IsType<CallOffered>(Decided.Single(
            CallState.Empty(CallId).Decide(Offer(data: Data(("case", "A-17"), ("topic", "housing"))), Clock.T0)));

        Assert.Equal(Data(("case", "A-17"), ("topic", "housing")), e.AttachedData);
    }

    [Fact]
    public void A_call_without_attached_data_stores_an_empty_set()
    {
        var e = Assert.IsType<CallOffered>(Decided.Single(CallState.Empty(CallId).Decide(Offer(data: null), Clock.T0)));

        Assert.Empty(e.AttachedData);
    }

    [Theory]
    [InlineData("0102039876", "010203-****")]
    [InlineData("010203-9876", "010203-****")]
    [InlineData("not a cpr", "**********")]
    [InlineData("01020398765", "**********")]
    public void Masking_never_reveals_the_sequence_digits(string value, string masked)
    {
        Assert.Equal(masked, CprNumber.Mask(value));
    }

    // ---- Replay ---------------------------------------------------------------------------------------------------

    [Fact]
    public void Replaying_a_calls_history_rebuilds_the_same_state()
    {
        var live = Ended();

        var replayed = live.History.Aggregate(CallState.Empty(CallId), (s, e) => s.Apply(e));

        Assert.Equal(live.History, replayed.History);
        Assert.Equal((live.Status, live.AgentId, live.Token, live.Details), (replayed.Status, replayed.AgentId, replayed.Token, replayed.Details));
    }
}
