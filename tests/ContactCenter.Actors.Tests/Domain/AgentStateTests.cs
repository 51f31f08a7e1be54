using System.Collections.Immutable;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Routing;
using Xunit;
using static ContactCenter.Actors.Agents.AgentCommands;
using static ContactCenter.Actors.Agents.AgentEvents;
using static ContactCenter.Actors.Agents.AgentProtocol;
using static ContactCenter.Actors.Tests.Domain.AgentGiven;

namespace ContactCenter.Actors.Tests.Domain;

public sealed class AgentStateTests
{
    private static readonly DateTimeOffset Later = Clock.At(3600);

    // ---- Configuration and log-in --------------------------------------------------------------------------

    [Fact]
    public void A_configured_agent_exists_and_starts_logged_out()
    {
        var s = Configured();

        Assert.True(s.Exists);
        Assert.Null(s.RequireExists());
        Assert.Equal(AgentStatus.LoggedOut, s.Status);
        Assert.Equal("Anna Jensen", s.Profile!.Name);
    }

    [Fact]
    public void Commands_to_an_agent_that_was_never_configured_are_refused_as_not_found()
    {
        var rejection = AgentState.Empty(AgentId).RequireExists();

        Assert.NotNull(rejection);
        Assert.Equal(RejectionCode.NotFound, rejection!.Code);
    }

    [Fact]
    public void An_invalid_profile_is_rejected_naming_each_field()
    {
        var bad = new AgentProfile("", "Team", "Dept", (AgentKind)7, ImmutableDictionary<string, int>.Empty.Add("general", 10));

        Decided.Rejected(AgentState.Empty(AgentId).Decide(new ConfigureAgent(AgentId, bad), Clock.T0), RejectionCode.Invalid,
            "name", "kind", "skills.general");
    }

    [Fact]
    public void Logging_in_starts_the_agent_paused_as_not_ready()
    {
        var s = Configured();

        var e = Assert.IsType<AgentLoggedIn>(Decided.Single(s.Decide(new LogIn(AgentId), LoggedInAt)));
        var after = s.Apply(e);

        Assert.Equal(AgentStatus.Paused, after.Status);
        Assert.Equal(PauseReasons.NotReady, after.PauseReason);
        Assert.Null(after.PauseUntil);
        Assert.Equal(LoggedInAt, after.StatusSince);
    }

    [Theory]
    [InlineData(AgentStatus.Ready)]
    [InlineData(AgentStatus.Paused)]
    [InlineData(AgentStatus.Offered)]
    [InlineData(AgentStatus.OnCall)]
    [InlineData(AgentStatus.WrapUp)]
    public void Logging_in_again_while_logged_in_changes_nothing(AgentStatus status)
    {
        Decided.Nothing(In(status).Decide(new LogIn(AgentId), Later));
    }

    // ---- Ready --------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(AgentStatus.Paused)]
    [InlineData(AgentStatus.WrapUp)]
    public void A_paused_or_wrapping_up_agent_can_make_itself_ready(AgentStatus status)
    {
        var s = In(status);

        var after = s.Then(s.Decide(new MakeReady(AgentId), Later));

        Assert.Equal(AgentStatus.Ready, after.Status);
        Assert.Equal(Later, after.StatusSince);
        Assert.Null(after.PauseReason);
        Assert.Null(after.PauseUntil);
        Assert.Null(after.WrapUpUntil);
    }

    [Fact]
    public void Making_a_ready_agent_ready_again_changes_nothing()
    {
        Decided.Nothing(Ready().Decide(new MakeReady(AgentId), Later));
    }

    [Theory]
    [InlineData(AgentStatus.LoggedOut)]
    [InlineData(AgentStatus.Offered)]
    [InlineData(AgentStatus.OnCall)]
    public void An_agent_logged_out_offered_or_on_a_call_cannot_make_itself_ready(AgentStatus status)
    {
        Decided.Rejected(In(status).Decide(new MakeReady(AgentId), Later), RejectionCode.IllegalTransition);
    }

    // ---- Pause --------------------------------------------------------------------------------------------

    [Fact]
    public void A_pause_without_duration_lasts_until_the_agent_is_ready_again()
    {
        var s = Ready();

        var e = Assert.IsType<AgentPaused>(Decided.Single(s.Decide(new Pause(AgentId, PauseReasons.Meeting), Later)));
        var after = s.Apply(e);

        Assert.Equal(new AgentPaused(PauseReasons.Meeting, Later, null), e);
        Assert.Equal(AgentStatus.Paused, after.Status);
        Assert.Equal(PauseReasons.Meeting, after.PauseReason);
        Assert.Null(after.PauseUntil);
        Decided.Nothing(after.Decide(new PauseDeadlineReached(AgentId, Later + TimeSpan.FromMinutes(15)), Later + TimeSpan.FromMinutes(15)));
    }

    [Fact]
    public void A_pause_with_a_duration_ends_by_itself_at_its_deadline()
    {
        var s = Ready();
        var duration = TimeSpan.FromMinutes(15);

        var paused = s.Then(s.Decide(new Pause(AgentId, PauseReasons.Break, duration), Later));
        Assert.Equal(Later + duration, paused.PauseUntil);

        var ready = paused.Then(paused.Decide(new PauseDeadlineReached(AgentId, Later + duration), Later + duration));
        Assert.Equal(AgentStatus.Ready, ready.Status);
        Assert.Equal(Later + duration, ready.StatusSince);
        Assert.Null(ready.PauseUntil);
    }

    [Fact]
    public void A_pause_of_exactly_twelve_hours_is_allowed()
    {
        var after = Ready().Then(Ready().Decide(new Pause(AgentId, PauseReasons.Training, TimeSpan.FromHours(12)), Later));

        Assert.Equal(Later + TimeSpan.FromHours(12), after.PauseUntil);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(12 * 3600 + 1)]
    public void A_pause_duration_outside_zero_to_twelve_hours_is_rejected(int seconds)
    {
        Decided.Rejected(Ready().Decide(new Pause(AgentId, PauseReasons.Break, TimeSpan.FromSeconds(seconds)), Later),
            RejectionCode.Invalid, "duration");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_pause_needs_a_reason(string reason)
    {
        Decided.Rejected(Ready().Decide(new Pause(AgentId, reason), Later), RejectionCode.Invalid, "reason");
    }

    [Theory]
    [InlineData(AgentStatus.Ready)]
    [InlineData(AgentStatus.WrapUp)]
    [InlineData(AgentStatus.Paused)]
    public void An_agent_can_pause_when_ready_wrapping_up_or_already_paused(AgentStatus status)
    {
        var s = In(status);

        var after = s.Then(s.Decide(new Pause(AgentId, PauseReasons.BackOffice, TimeSpan.FromMinutes(5)), Later));

        Assert.Equal(AgentStatus.Paused, after.Status);
        Assert.Equal(PauseReasons.BackOffice, after.PauseReason);
        Assert.Null(after.WrapUpUntil);
    }

    [Theory]
    [InlineData(AgentStatus.LoggedOut)]
    [InlineData(AgentStatus.Offered)]
    [InlineData(AgentStatus.OnCall)]
    public void An_agent_cannot_pause_while_logged_out_offered_or_on_a_call(AgentStatus status)
    {
        Decided.Rejected(In(status).Decide(new Pause(AgentId, PauseReasons.Break), Later), RejectionCode.IllegalTransition);
    }

    [Fact]
    public void A_pause_deadline_from_an_earlier_pause_is_ignored()
    {
        var first = Paused(TimeSpan.FromMinutes(10));
        var staleUntil = first.PauseUntil!.Value;
        var second = first.Then(first.Decide(new Pause(AgentId, PauseReasons.Meeting, TimeSpan.FromMinutes(60)), Clock.At(200)));

        Decided.Nothing(second.Decide(new PauseDeadlineReached(AgentId, staleUntil), staleUntil));
        Assert.Equal(AgentStatus.Ready,
            second.Then(second.Decide(new PauseDeadlineReached(AgentId, second.PauseUntil!.Value), second.PauseUntil.Value)).Status);
    }

    [Fact]
    public void A_pause_deadline_that_arrives_after_the_agent_made_itself_ready_is_ignored()
    {
        var paused = Paused(TimeSpan.FromMinutes(10));
        var until = paused.PauseUntil!.Value;
        var ready = paused.Then(paused.Decide(new MakeReady(AgentId), Clock.At(300)));

        Decided.Nothing(ready.Decide(new PauseDeadlineReached(AgentId, until), until));
    }

    // ---- Log-out ------------------------------------------------------------------------------------------

    [Theory]
    [InlineData(AgentStatus.Ready)]
    [InlineData(AgentStatus.Paused)]
    [InlineData(AgentStatus.WrapUp)]
    public void An_agent_can_log_out_when_ready_paused_or_wrapping_up(AgentStatus status)
    {
        var s = In(status);

        var after = s.Then(s.Decide(new LogOut(AgentId), Later));

        Assert.Equal(AgentStatus.LoggedOut, after.Status);
        Assert.Equal(Later, after.StatusSince);
        Assert.Null(after.WrapUpUntil);
        Assert.Null(after.PauseReason);
    }

    [Fact]
    public void Logging_out_twice_changes_nothing()
    {
        Decided.Nothing(LoggedOut().Decide(new LogOut(AgentId), Later));
        Decided.Nothing(LoggedOut().Decide(new LogOut(AgentId, Force: true), Later));
    }

    [Fact]
    public void An_agent_cannot_log_out_while_a_call_is_offered_to_it()
    {
        Decided.Rejected(Offered().Decide(new LogOut(AgentId), Later), RejectionCode.IllegalTransition);
    }

    [Fact]
    public void A_forced_log_out_while_offered_withdraws_the_offer_first()
    {
        var s = Offered();

        var events = Decided.Accepted(s.Decide(new LogOut(AgentId, Force: true), Later));
        var after = s.Then(s.Decide(new LogOut(AgentId, Force: true), Later));

        Assert.Collection(events,
            e => Assert.Equal(new OfferRevoked(CallId, Token, "agent logged out", Later), e),
            e => Assert.Equal(new AgentLoggedOut(Later), e));
        Assert.Equal(AgentStatus.LoggedOut, after.Status);
        Assert.Null(after.Offer);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_agent_on_a_call_cannot_log_out_even_when_forced(bool force)
    {
        Decided.Rejected(OnCall().Decide(new LogOut(AgentId, force), Later), RejectionCode.IllegalTransition);
    }

    // ---- Offers -------------------------------------------------------------------------------------------

    [Fact]
    public void A_ready_agent_reserves_itself_for_a_proposed_call()
    {
        var s = Ready();

        var e = Assert.IsType<OfferReserved>(Decided.Single(s.Reserve(Proposal(), Token, OfferedAt)));
        var after = s.Apply(e);

        Assert.Equal(new OfferReserved(CallId, QueueId, Token, OfferedAt, OfferedAt + OfferTimeout, WrapUp), e);
        Assert.Equal(AgentStatus.Offered, after.Status);
        Assert.Equal(new AgentOffer(CallId, QueueId, Token, OfferedAt, OfferedAt + OfferTimeout, WrapUp), after.Offer);
        Assert.Null(after.Call);
    }

    [Theory]
    [InlineData(AgentStatus.LoggedOut)]
    [InlineData(AgentStatus.Paused)]
    [InlineData(AgentStatus.Offered)]
    [InlineData(AgentStatus.OnCall)]
    [InlineData(AgentStatus.WrapUp)]
    public void Only_a_ready_agent_can_be_reserved(AgentStatus status)
    {
        var s = In(status);

        Decided.Nothing(s.Reserve(Proposal("call-2", proposalId: 2), "token-2", Later));
    }

    [Fact]
    public void Answering_the_current_offer_puts_the_agent_on_the_call()
    {
        var s = Offered();

        var e = Assert.IsType<CallAnswered>(Decided.Single(s.Decide(new AnswerOffer(AgentId, CallId, Token), AnsweredAt)));
        var after = s.Apply(e);

        Assert.Equal(AgentStatus.OnCall, after.Status);
        Assert.Equal(new AgentCall(CallId, QueueId, Token, AnsweredAt, WrapUp), after.Call);
        Assert.Null(after.Offer);
        Assert.Equal(AnsweredAt, after.StatusSince);
    }

    [Fact]
    public void Answering_with_a_stale_token_is_rejected_as_stale()
    {
        var s = Offered();

        Decided.Rejected(s.Decide(new AnswerOffer(AgentId, CallId, "old-token"), AnsweredAt), RejectionCode.StaleToken);
    }

    [Fact]
    public void Answering_a_call_that_is_not_the_one_offered_is_an_illegal_transition()
    {
        var s = Offered();

        Decided.Rejected(s.Decide(new AnswerOffer(AgentId, "call-9", Token), AnsweredAt), RejectionCode.IllegalTransition);
        Decided.Rejected(s.Decide(new AnswerOffer(AgentId, "call-9", "other"), AnsweredAt), RejectionCode.IllegalTransition);
    }

    [Fact]
    public void A_repeated_answer_report_changes_nothing()
    {
        Decided.Nothing(OnCall().Decide(new AnswerOffer(AgentId, CallId, Token), AnsweredAt + TimeSpan.FromSeconds(1)));
    }

    [Theory]
    [InlineData(AgentStatus.LoggedOut)]
    [InlineData(AgentStatus.Ready)]
    [InlineData(AgentStatus.Paused)]
    [InlineData(AgentStatus.WrapUp)]
    public void Answering_without_an_offer_is_an_illegal_transition(AgentStatus status)
    {
        Decided.Rejected(In(status).Decide(new AnswerOffer(AgentId, CallId, Token), Later), RejectionCode.IllegalTransition);
    }

    [Fact]
    public void A_missed_offer_pauses_the_agent_with_no_answer_and_counts_it()
    {
        var s = Offered(autoPause: true);
        var deadline = s.Offer!.Deadline;

        var e = Assert.IsType<OfferMissed>(Decided.Single(s.Decide(new OfferDeadlineReached(AgentId, Token), deadline)));
        var after = s.Apply(e);

        Assert.Equal(new OfferMissed(CallId, Token, true, deadline), e);
        Assert.Equal(AgentStatus.Paused, after.Status);
        Assert.Equal(PauseReasons.NoAnswer, after.PauseReason);
        Assert.Null(after.Offer);
        Assert.Equal(1, after.Stats.MissedOffers);
        Assert.Equal(0, after.Stats.CallsHandled);
    }

    [Fact]
    public void Without_auto_pause_a_missed_offer_makes_the_agent_ready_again()
    {
        var s = Offered(autoPause: false);
        var deadline = s.Offer!.Deadline;

        var e = Assert.IsType<OfferMissed>(Decided.Single(s.Decide(new OfferDeadlineReached(AgentId, Token), deadline)));
        var after = s.Apply(e);

        Assert.False(e.AutoPaused);
        Assert.Equal(AgentStatus.Ready, after.Status);
        Assert.Equal(deadline, after.StatusSince);
        Assert.Null(after.Offer);
        Assert.Equal(1, after.Stats.MissedOffers);
    }

    [Fact]
    public void An_offer_deadline_for_another_offer_is_ignored()
    {
        Decided.Nothing(Offered().Decide(new OfferDeadlineReached(AgentId, "old-token"), Later));
    }

    [Theory]
    [InlineData(AgentStatus.OnCall)]
    [InlineData(AgentStatus.Ready)]
    [InlineData(AgentStatus.WrapUp)]
    public void An_offer_deadline_after_the_offer_ended_is_ignored(AgentStatus status)
    {
        Decided.Nothing(In(status).Decide(new OfferDeadlineReached(AgentId, Token), Later));
    }

    [Fact]
    public void Revoking_the_current_offer_makes_the_agent_ready_again()
    {
        var s = Offered();

        var e = Assert.IsType<OfferRevoked>(Decided.Single(s.Revoke(CallId, Token, "caller hung up", Later)));
        var after = s.Apply(e);

        Assert.Equal(new OfferRevoked(CallId, Token, "caller hung up", Later), e);
        Assert.Equal(AgentStatus.Ready, after.Status);
        Assert.Null(after.Offer);
        Assert.Equal(0, after.Stats.MissedOffers);
    }

    [Theory]
    [InlineData(AgentStatus.Offered)]
    [InlineData(AgentStatus.OnCall)]
    public void Revoking_with_a_stale_token_changes_nothing(AgentStatus status)
    {
        Decided.Nothing(In(status).Revoke(CallId, "old-token", "call left the queue", Later));
    }

    [Theory]
    [InlineData(AgentStatus.LoggedOut)]
    [InlineData(AgentStatus.Ready)]
    [InlineData(AgentStatus.Paused)]
    [InlineData(AgentStatus.WrapUp)]
    public void Revoking_when_no_offer_or_call_is_held_changes_nothing(AgentStatus status)
    {
        Decided.Nothing(In(status).Revoke(CallId, Token, "call left the queue", Later));
    }

    [Fact]
    public void Revoking_a_call_already_answered_releases_the_agent_without_wrap_up_or_counting_it()
    {
        // The caller hung up just before the agent picked up: the agent is released at once, and the call,
        // which ends abandoned, does not count as handled.
        var s = OnCall();
        var at = AnsweredAt + TimeSpan.FromSeconds(2);

        var e = Assert.IsType<OfferRevoked>(Decided.Single(s.Revoke(CallId, Token, "caller hung up", at)));
        var after = s.Apply(e);

        Assert.Equal(new OfferRevoked(CallId, Token, "caller hung up", at), e);
        Assert.Equal(AgentStatus.Ready, after.Status);
        Assert.Null(after.Call);
        Assert.Null(after.WrapUpUntil);
        Assert.Equal(s.Stats.CallsHandled, after.Stats.CallsHandled);
        Assert.Equal(s.Stats.TalkTime, after.Stats.TalkTime);
    }

    // ---- End of call and wrap-up ---------------------------------------------------------------------------

    [Fact]
    public void When_the_call_ends_the_agent_wraps_up_and_the_call_is_counted()
    {
        var s = OnCall();

        var e = Assert.IsType<CallFinished>(Decided.Single(s.Decide(new ConnectedCallEnded(AgentId, CallId, Token), EndedAt)));
        var after = s.Apply(e);

        Assert.Equal(new CallFinished(CallId, EndedAt, EndedAt + WrapUp), e);
        Assert.Equal(AgentStatus.WrapUp, after.Status);
        Assert.Equal(EndedAt + WrapUp, after.WrapUpUntil);
        Assert.Null(after.Call);
        Assert.Equal(1, after.Stats.CallsHandled);
        Assert.Equal(Talk, after.Stats.TalkTime);
        Assert.Equal(DateOnly.FromDateTime(new DateTime(2025, 3, 10)), after.Stats.Day);
    }

    [Fact]
    public void With_zero_wrap_up_the_agent_is_ready_as_soon_as_the_call_ends()
    {
        var s = OnCall(wrapUp: TimeSpan.Zero);

        var after = s.Then(s.Decide(new ConnectedCallEnded(AgentId, CallId, Token), EndedAt));

        Assert.Equal(AgentStatus.Ready, after.Status);
        Assert.Null(after.WrapUpUntil);
        Assert.Equal(1, after.Stats.CallsHandled);
    }

    [Fact]
    public void The_end_of_another_call_is_ignored()
    {
        Decided.Nothing(OnCall().Decide(new ConnectedCallEnded(AgentId, CallId, "old-token"), EndedAt));
        Decided.Nothing(Ready().Decide(new ConnectedCallEnded(AgentId, CallId, Token), EndedAt));
    }

    [Fact]
    public void Ending_wrap_up_makes_the_agent_ready()
    {
        var s = WrappingUp();

        var after = s.Then(s.Decide(new EndWrapUp(AgentId), EndedAt + TimeSpan.FromSeconds(10)));

        Assert.Equal(AgentStatus.Ready, after.Status);
        Assert.Null(after.WrapUpUntil);
        Assert.Equal(EndedAt + TimeSpan.FromSeconds(10), after.StatusSince);
    }

    [Theory]
    [InlineData(AgentStatus.LoggedOut)]
    [InlineData(AgentStatus.Ready)]
    [InlineData(AgentStatus.Paused)]
    [InlineData(AgentStatus.Offered)]
    [InlineData(AgentStatus.OnCall)]
    public void Only_an_agent_in_wrap_up_can_end_it(AgentStatus status)
    {
        Decided.Rejected(In(status).Decide(new EndWrapUp(AgentId), Later), RejectionCode.IllegalTransition);
    }

    [Fact]
    public void Extending_wrap_up_moves_its_deadline_and_keeps_the_agent_wrapping_up()
    {
        var s = WrappingUp();
        var extra = TimeSpan.FromMinutes(2);

        var e = Assert.IsType<WrapUpExtended>(Decided.Single(s.Decide(new ExtendWrapUp(AgentId, extra), EndedAt + TimeSpan.FromSeconds(5))));
        var after = s.Apply(e);

        Assert.Equal(EndedAt + WrapUp + extra, e.Until);
        Assert.Equal(AgentStatus.WrapUp, after.Status);
        Assert.Equal(EndedAt + WrapUp + extra, after.WrapUpUntil);
        Assert.Equal(s.StatusSince, after.StatusSince);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(30 * 60 + 1)]
    public void A_wrap_up_extension_outside_zero_to_thirty_minutes_is_rejected(int seconds)
    {
        Decided.Rejected(WrappingUp().Decide(new ExtendWrapUp(AgentId, TimeSpan.FromSeconds(seconds)), EndedAt),
            RejectionCode.Invalid, "extra");
    }

    [Theory]
    [InlineData(AgentStatus.Ready)]
    [InlineData(AgentStatus.Paused)]
    [InlineData(AgentStatus.OnCall)]
    [InlineData(AgentStatus.LoggedOut)]
    public void Only_an_agent_in_wrap_up_can_extend_it(AgentStatus status)
    {
        Decided.Rejected(In(status).Decide(new ExtendWrapUp(AgentId, TimeSpan.FromMinutes(1)), Later), RejectionCode.IllegalTransition);
    }

    [Fact]
    public void The_wrap_up_deadline_makes_the_agent_ready()
    {
        var s = WrappingUp();
        var until = s.WrapUpUntil!.Value;

        var after = s.Then(s.Decide(new WrapUpDeadlineReached(AgentId, until), until));

        Assert.Equal(AgentStatus.Ready, after.Status);
        Assert.Equal(until, after.StatusSince);
    }

    [Fact]
    public void The_original_wrap_up_deadline_is_ignored_after_an_extension()
    {
        var s = WrappingUp();
        var original = s.WrapUpUntil!.Value;
        var extended = s.Then(s.Decide(new ExtendWrapUp(AgentId, TimeSpan.FromMinutes(1)), EndedAt + TimeSpan.FromSeconds(5)));

        Decided.Nothing(extended.Decide(new WrapUpDeadlineReached(AgentId, original), original));
        Decided.Single(extended.Decide(new WrapUpDeadlineReached(AgentId, extended.WrapUpUntil!.Value), extended.WrapUpUntil.Value));
    }

    [Fact]
    public void A_wrap_up_deadline_after_wrap_up_ended_is_ignored()
    {
        var s = WrappingUp();
        var until = s.WrapUpUntil!.Value;
        var ready = s.Then(s.Decide(new EndWrapUp(AgentId), EndedAt + TimeSpan.FromSeconds(3)));

        Decided.Nothing(ready.Decide(new WrapUpDeadlineReached(AgentId, until), until));
    }

    // ---- Daily statistics -----------------------------------------------------------------------------------

    private static AgentState HandleCall(AgentState ready, string callId, DateTimeOffset offeredAt, TimeSpan talk)
    {
        var token = "tok-" + callId;
        var offered = ready.Then(ready.Reserve(Proposal(callId, wrapUp: TimeSpan.Zero), token, offeredAt));
        var answeredAt = offeredAt + TimeSpan.FromSeconds(5);
        var onCall = offered.Then(offered.Decide(new AnswerOffer(AgentId, callId, token), answeredAt));
        return onCall.Then(onCall.Decide(new ConnectedCallEnded(AgentId, callId, token), answeredAt + talk));
    }

    [Fact]
    public void Calls_and_talk_time_add_up_over_the_day()
    {
        var s = HandleCall(Ready(), "c1", Clock.At(300), TimeSpan.FromMinutes(4));
        s = HandleCall(s, "c2", Clock.At(900), TimeSpan.FromMinutes(6));

        Assert.Equal(2, s.Stats.CallsHandled);
        Assert.Equal(TimeSpan.FromMinutes(10), s.Stats.TalkTime);
        Assert.Equal(AgentStatus.Ready, s.Status);
    }

    [Fact]
    public void The_daily_counters_start_again_on_a_new_copenhagen_day_not_a_new_utc_day()
    {
        // The first call ends at 23:04 in Copenhagen on 10 March; the second starts at 23:30 UTC, which is still
        // 10 March in UTC but already 00:30 on 11 March in Copenhagen.
        var day1 = HandleCall(Ready(), "c1", new DateTimeOffset(2025, 3, 10, 22, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(4));
        Assert.Equal(1, day1.Stats.CallsHandled);

        var day2 = HandleCall(day1, "c2", new DateTimeOffset(2025, 3, 10, 23, 30, 0, TimeSpan.Zero), TimeSpan.FromMinutes(6));

        Assert.Equal(new DateOnly(2025, 3, 11), day2.Stats.Day);
        Assert.Equal(1, day2.Stats.CallsHandled);
        Assert.Equal(TimeSpan.FromMinutes(6), day2.Stats.TalkTime);
    }

    [Fact]
    public void As_an_idle_agent_it_reports_its_level_idle_since_and_todays_counters()
    {
        var s = HandleCall(Ready(), "c1", Clock.At(300), TimeSpan.FromMinutes(4));

        Assert.Equal(new IdleAgent(AgentId, 6, s.StatusSince, 1, TimeSpan.FromMinutes(4)), s.AsIdle(6, s.StatusSince + TimeSpan.FromMinutes(1)));
        Assert.Equal(new IdleAgent(AgentId, 6, s.StatusSince, 0, TimeSpan.Zero), s.AsIdle(6, s.StatusSince + TimeSpan.FromDays(1)));
    }

    // ---- Replay ---------------------------------------------------------------------------------------------

    [Fact]
    public void Replaying_the_journal_gives_the_same_state_whenever_it_is_replayed()
    {
        var journal = new List<AgentEvents.IAgentEvent>();
        var live = AgentState.Empty(AgentId);
        void Run(Decision<AgentEvents.IAgentEvent> d)
        {
            Assert.Null(d.Rejection);
            foreach (var e in d.Events)
            {
                live = live.Apply(e);
                journal.Add(e);
            }
        }

        Run(live.Decide(new ConfigureAgent(AgentId, Profile()), Clock.At(0)));
        Run(live.Decide(new LogIn(AgentId), Clock.At(10)));
        Run(live.Decide(new MakeReady(AgentId), Clock.At(20)));
        Run(live.Reserve(Proposal("c1"), "t1", Clock.At(30)));
        Run(live.Decide(new OfferDeadlineReached(AgentId, "t1"), Clock.At(45)));
        Run(live.Decide(new MakeReady(AgentId), Clock.At(60)));
        Run(live.Reserve(Proposal("c2"), "t2", Clock.At(70)));
        Run(live.Decide(new AnswerOffer(AgentId, "c2", "t2"), Clock.At(75)));
        Run(live.Decide(new ConnectedCallEnded(AgentId, "c2", "t2"), Clock.At(375)));
        Run(live.Decide(new ExtendWrapUp(AgentId, TimeSpan.FromMinutes(1)), Clock.At(380)));
        Run(live.Decide(new Pause(AgentId, PauseReasons.Break, TimeSpan.FromMinutes(10)), Clock.At(400)));

        var replayedOnce = journal.Aggregate(AgentState.Empty(AgentId), (s, e) => s.Apply(e));
        var replayedTwice = journal.Aggregate(AgentState.Empty(AgentId), (s, e) => s.Apply(e));

        Assert.Equal(live, replayedOnce);
        Assert.Equal(replayedOnce, replayedTwice);
        Assert.Equal(Clock.At(400), replayedOnce.StatusSince);
        Assert.Equal(Clock.At(400) + TimeSpan.FromMinutes(10), replayedOnce.PauseUntil);
        Assert.Equal(1, replayedOnce.Stats.MissedOffers);
        Assert.Equal(1, replayedOnce.Stats.CallsHandled);
        Assert.Equal(TimeSpan.FromMinutes(5), replayedOnce.Stats.TalkTime);
    }
}
