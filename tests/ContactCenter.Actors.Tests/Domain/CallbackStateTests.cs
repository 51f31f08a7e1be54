using ContactCenter.Actors.Calendar;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using Xunit;
using static ContactCenter.Actors.Calls.CallbackCommands;
using static ContactCenter.Actors.Calls.CallbackProtocol;
using static ContactCenter.Actors.Calls.CallCommands;
using static ContactCenter.Actors.Calls.CallEvents;
using static ContactCenter.Actors.Calls.CallProtocol;
using static ContactCenter.Actors.Tests.Domain.CallGiven;

namespace ContactCenter.Actors.Tests.Domain;

/// <summary>The call's callback rules, pure: booking, keeping the place, dialling, retries with back-off, giving up.</summary>
public sealed class CallbackStateTests
{
    private static readonly CallbackSettings Settings = new(MaxAttempts: 3, RetryBackoff: TimeSpan.FromMinutes(2), DialTimeout: TimeSpan.FromSeconds(45));

    private static QueueRoute Route(CallbackSettings? callbacks = null, BusinessCalendar? hours = null) =>
        new(QueueId, QueueId, 1, "i1", hours, null, QueueOverride.None, null, callbacks ?? Settings);

    private static Func<string, QueueRoute?> Routes(QueueRoute route) => id => id == route.QueueId ? route : null;

    private static CallState Booked(DateTimeOffset? at = null)
    {
        var s = Queued();
        return s.Then(s.Decide(new RequestCallback(CallId, null, at), Clock.At(30), Routes(Route())));
    }

    private static CallState Dialling(CallState booked, string token, int atSeconds)
    {
        var ringing = booked.Then(booked.Decide(new RouteToAgent(CallId, QueueId, "anna", token), Clock.At(atSeconds)));
        return ringing.Then(ringing.Decide(new AgentConnected(CallId, "anna", token), Clock.At(atSeconds + 5)));
    }

    [Fact]
    public void A_booked_callback_keeps_the_call_in_line_and_the_callers_hang_up_leaves_it_standing()
    {
        var booked = Booked();

        Assert.Equal(CallStatus.Queued, booked.Status);
        Assert.Equal(From, booked.Callback!.Number);
        Assert.Null(booked.Callback.DueAt);
        Decided.Nothing(booked.Decide(new HangUp(CallId, CallParty.Caller), Clock.At(31)));
        Assert.Equal(new CallRank(0, Clock.T0), booked.Details!.Rank); // its place: the original arrival
    }

    [Fact]
    public void An_agent_taking_a_callback_makes_the_adapter_dial_the_citizen_and_an_answer_connects()
    {
        var dialling = Dialling(Booked(), "t1", 100);

        Assert.Equal(CallStatus.CallbackDialling, dialling.Status);
        var dialled = Assert.IsType<CallbackDialled>(dialling.History[^1]);
        Assert.Equal((1, From, "anna"), (dialled.Attempt, dialled.Number, dialled.AgentId));

        var connected = dialling.Then(dialling.Decide(new ReportCallbackDial(CallId, "t1", CallbackDialResult.Answered), Clock.At(120)));
        Assert.Equal(CallStatus.Connected, connected.Status);
        Assert.Equal("anna", connected.AgentId);
    }

    [Fact]
    public void A_citizen_who_never_answers_is_retried_with_doubling_back_off_and_then_given_up()
    {
        var s = Booked();
        var failures = new List<CallbackAttemptFailed>();
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var token = $"t{attempt}";
            s = Dialling(s, token, attempt * 1000);
            s = s.Then(attempt == 2
                ? s.Decide(new CallbackDialTimedOut(CallId, token), Clock.At(attempt * 1000 + 50))
                : s.Decide(new ReportCallbackDial(CallId, token, CallbackDialResult.NoAnswer), Clock.At(attempt * 1000 + 50)));
            failures.Add(s.History.OfType<CallbackAttemptFailed>().Last());
        }

        Assert.Equal(TimeSpan.FromMinutes(2), failures[0].RetryAt - failures[0].At);
        Assert.Equal(TimeSpan.FromMinutes(4), failures[1].RetryAt - failures[1].At);
        Assert.Null(failures[2].RetryAt);
        Assert.Equal(CallStatus.CallbackFailed, s.Status);
        Assert.True(s.IsFinal);
        Assert.Equal(3, Assert.IsType<CallbackGaveUp>(s.History[^1]).Attempts);
        Assert.All(failures, f => Assert.Equal("anna", f.AgentId)); // each failure names the agent to release
    }

    [Fact]
    public void A_callback_waiting_for_its_retry_time_refuses_an_agent_until_then()
    {
        var s = Dialling(Booked(), "t1", 100);
        s = s.Then(s.Decide(new ReportCallbackDial(CallId, "t1", CallbackDialResult.Busy), Clock.At(110)));

        Decided.Nothing(s.Decide(new RouteToAgent(CallId, QueueId, "bo", "t2"), Clock.At(120)));
        Assert.Single(Decided.Accepted(s.Decide(new RouteToAgent(CallId, QueueId, "bo", "t2"), Clock.At(110 + 120))));
    }

    [Fact]
    public void A_dial_report_with_an_old_token_is_stale_and_a_repeated_report_changes_nothing()
    {
        var dialling = Dialling(Booked(), "t1", 100);

        Assert.Equal(RejectionCode.StaleToken, dialling.Decide(new ReportCallbackDial(CallId, "old", CallbackDialResult.Answered), Clock.At(110)).Rejection!.Code);
        var connected = dialling.Then(dialling.Decide(new ReportCallbackDial(CallId, "t1", CallbackDialResult.Answered), Clock.At(110)));
        Decided.Nothing(connected.Decide(new ReportCallbackDial(CallId, "t1", CallbackDialResult.Answered), Clock.At(111)));
    }

    [Fact]
    public void The_callback_offer_is_made_once()
    {
        var s = Queued();
        s = s.Then(s.Decide(new OfferCallbackChoice(CallId, QueueId, "6 callers waiting"), Clock.At(1)));

        Assert.IsType<CallbackOffered>(s.History[^1]);
        Decided.Nothing(s.Decide(new OfferCallbackChoice(CallId, QueueId, "waited 60 s"), Clock.At(60)));
    }

    [Fact]
    public void A_scheduled_callback_must_be_within_the_queues_opening_hours_and_errors_name_the_field()
    {
        var route = Route(hours: CopenhagenSample.HjemmeplejeSuf);
        var s = Queued();
        var evening = new DateTimeOffset(2025, 3, 10, 19, 0, 0, TimeSpan.FromHours(1)); // Monday evening, closed

        var closed = s.Decide(new RequestCallback(CallId, null, evening), Clock.At(1), Routes(route));
        Assert.Equal(RejectionCode.Invalid, closed.Rejection!.Code);
        Assert.StartsWith("at: ", closed.Rejection.Reason);
        Assert.Contains("opens next 2025-03-11T07:00:00", closed.Rejection.Reason);

        var past = s.Decide(new RequestCallback(CallId, "12", Clock.T0.AddHours(-1)), Clock.At(1), Routes(route)).Rejection!;
        Assert.Contains("number: '12' is not a phone number", past.Reason);
        Assert.Contains("at: ", past.Reason);

        var tuesdayMorning = new DateTimeOffset(2025, 3, 11, 9, 0, 0, TimeSpan.FromHours(1));
        var booked = s.Then(s.Decide(new RequestCallback(CallId, "+4533663366", tuesdayMorning), Clock.At(1), Routes(route)));
        Assert.Equal(tuesdayMorning, booked.Callback!.DueAt);
        Assert.True(booked.IsParkedCallback(Clock.At(2)));
    }

    [Fact]
    public void A_queue_without_callbacks_refuses_a_request()
    {
        var s = Queued();
        var route = new QueueRoute(QueueId, QueueId, 1, "i1");

        Assert.Equal(RejectionCode.IllegalTransition, s.Decide(new RequestCallback(CallId), Clock.At(1), Routes(route)).Rejection!.Code);
    }

    [Fact]
    public void A_second_different_booking_is_refused_and_the_same_one_changes_nothing()
    {
        var booked = Booked();

        Decided.Nothing(booked.Decide(new RequestCallback(CallId), Clock.At(40), Routes(Route())));
        Assert.Equal(RejectionCode.IllegalTransition,
            booked.Decide(new RequestCallback(CallId, "+4599999999"), Clock.At(40), Routes(Route())).Rejection!.Code);
    }

    [Fact]
    public void A_call_to_a_closed_queue_with_the_callback_action_is_booked_for_the_next_opening()
    {
        var route = new QueueRoute(QueueId, QueueId, 1, "i1", CopenhagenSample.HjemmeplejeSuf, new ClosedHandling(ClosedAction.Callback));
        var evening = new DateTimeOffset(2025, 3, 10, 19, 0, 0, TimeSpan.FromHours(1));

        var s = CallState.Empty(CallId);
        var events = Decided.Accepted(s.Decide(Offer(), evening, Routes(route)));
        var after = s.Then(s.Decide(Offer(), evening, Routes(route)));

        var booked = Assert.IsType<CallbackRequested>(events[^1]);
        Assert.Equal(new DateTimeOffset(2025, 3, 11, 7, 0, 0, TimeSpan.FromHours(1)), booked.DueAt);
        Assert.Equal("closed", booked.Reason);
        Assert.Equal(CallbackSettings.Defaults.MaxAttempts, booked.MaxAttempts);
        Assert.Equal(CallStatus.Queued, after.Status);
        Assert.True(after.IsParkedCallback(evening));
    }

    [Fact]
    public void An_anonymous_caller_to_a_closed_queue_with_the_callback_action_hears_the_announcement()
    {
        var route = new QueueRoute(QueueId, QueueId, 1, "i1", CopenhagenSample.HjemmeplejeSuf, new ClosedHandling(ClosedAction.Callback));
        var evening = new DateTimeOffset(2025, 3, 10, 19, 0, 0, TimeSpan.FromHours(1));

        var events = Decided.Accepted(CallState.Empty(CallId).Decide(Offer(from: "anonymous"), evening, Routes(route)));

        Assert.IsType<CallClosedAnnounced>(events[^1]);
    }
}
