using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calendar;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Tests.Support;
using Xunit;
using static ContactCenter.Actors.Calls.CallEvents;

namespace ContactCenter.Actors.Tests.Actors;

/// <summary>Callbacks through real actors on one node: offer, booking, keeping the place, dial-out, retries, schedule.</summary>
public sealed class CallbackFlowTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TestNode.StartAsync(_db.File);

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _db.Dispose();
    }

    private static QueueConfig WithCallbacks(CallbackSettings callbacks, BusinessCalendar? hours = null, ClosedHandling? whenClosed = null) =>
        new("q", "q", WrapUp: TimeSpan.Zero, OfferTimeout: TimeSpan.FromSeconds(30), Callbacks: callbacks, Hours: hours, WhenClosed: whenClosed);

    private async Task Queue(QueueConfig config)
    {
        await _node.CreateQueue("q", "q", config);
        await _node.QueueIsRoutable("q");
    }

    [Fact]
    public async Task More_callers_waiting_than_the_rule_allows_are_offered_a_callback_and_a_booked_callback_keeps_its_place()
    {
        await Queue(WithCallbacks(new CallbackSettings(OfferWhenMoreWaitingThan: 1)));
        await _node.CreateAgent("anna", ("q", 5));
        await _node.OfferCall("first", "q");
        await _node.OfferCall("second", "q");
        await _node.OfferCall("third", "q");

        await Eventually.Holds(async () => Assert.Contains((await _node.Call("second")).History, e => e is CallbackOffered));
        Assert.DoesNotContain((await _node.Call("first")).History, e => e is CallbackOffered);

        // The first caller books a callback and hangs up: the call stays in line at its place.
        Assert.IsType<CommandAccepted>(await _node.RequestCallback("first"));
        await _node.HangUp("first");
        Assert.Equal(CallStatus.Queued, (await _node.Call("first")).Status);
        Assert.Equal("first", (await _node.Queue("q")).Waiting[0].CallId);

        // When an agent is free, the callback at the front goes first; picking up dials the citizen.
        await _node.Ready("anna");
        var dialling = await _node.AgentTakesCallback("first");
        Assert.Equal(("anna", 1), (dialling.AgentId, dialling.Callback!.Attempts));
        Assert.IsType<CommandAccepted>(await _node.ReportDial("first", dialling.Token!, CallbackDialResult.Answered));
        Assert.Equal(CallStatus.Connected, (await _node.Call("first")).Status);
        await _node.HangUp("first", CallParty.Agent);

        var done = await _node.Call("first");
        Assert.Equal(CallStatus.Ended, done.Status);
        Assert.Equal(["offered", "callback-requested", "offered-to-agent", "callback-dialled", "connected", "ended"],
            done.History.Select(Kind).ToArray());
        await Eventually.Holds(async () => Assert.Equal(1, (await _node.Agent("anna")).Stats.CallsHandled));
    }

    [Fact]
    public async Task A_callbacks_citizen_who_never_answers_is_retried_with_back_off_and_the_outcome_is_recorded()
    {
        await Queue(WithCallbacks(new CallbackSettings(MaxAttempts: 3, RetryBackoff: TimeSpan.FromSeconds(1), DialTimeout: TimeSpan.FromSeconds(2))));
        await _node.CreateAgent("anna", ("q", 5));
        await _node.OfferCall("c", "q");
        Assert.IsType<CommandAccepted>(await _node.RequestCallback("c"));
        await _node.HangUp("c");
        await _node.Ready("anna");

        // Attempt 1: no answer reported; attempt 2: busy; attempt 3: the adapter says nothing and the dial timeout fires.
        var first = await _node.AgentTakesCallback("c");
        Assert.IsType<CommandAccepted>(await _node.ReportDial("c", first.Token!, CallbackDialResult.NoAnswer));
        Assert.True((await _node.Call("c")).IsParkedCallback(DateTimeOffset.UtcNow.AddMilliseconds(-500)));
        var second = await _node.AgentTakesCallback("c");
        Assert.NotEqual(first.Token, second.Token);
        Assert.IsType<CommandAccepted>(await _node.ReportDial("c", second.Token!, CallbackDialResult.Busy));
        await _node.AgentTakesCallback("c");

        CallState final = null!;
        await Eventually.Holds(async () => Assert.Equal(CallStatus.CallbackFailed, (final = await _node.Call("c")).Status), TimeSpan.FromSeconds(30));
        var failures = final.History.OfType<CallbackAttemptFailed>().ToList();
        Assert.Equal([CallbackDialResult.NoAnswer, CallbackDialResult.Busy, CallbackDialResult.NoAnswer], failures.Select(f => f.Result).ToArray());
        Assert.Equal(TimeSpan.FromSeconds(1), failures[0].RetryAt - failures[0].At);
        Assert.Equal(TimeSpan.FromSeconds(2), failures[1].RetryAt - failures[1].At);
        Assert.Null(failures[2].RetryAt);
        Assert.Equal(3, Assert.IsType<CallbackGaveUp>(final.History[^1]).Attempts);

        // A late report of the last attempt changes nothing; the agent was released after every attempt.
        Assert.IsType<CommandAccepted>(await _node.ReportDial("c", failures[2].Token, CallbackDialResult.Answered));
        Assert.Equal(CallStatus.CallbackFailed, (await _node.Call("c")).Status);
        await Eventually.Holds(async () => Assert.Equal(AgentStatus.Ready, (await _node.Agent("anna")).Status));
        Assert.Empty((await _node.Queue("q")).Waiting);
        Assert.Empty((await _node.Queue("q")).Parked!);
    }

    [Fact]
    public async Task A_scheduled_callback_leaves_the_line_and_is_routed_when_its_time_comes()
    {
        await Queue(WithCallbacks(new CallbackSettings()));
        await _node.CreateAgent("anna", ("q", 5));
        await _node.OfferCall("later", "q");
        var at = DateTimeOffset.UtcNow.AddSeconds(4);

        Assert.IsType<CommandAccepted>(await _node.RequestCallback("later", at, "+4533663366"));
        await Eventually.Holds(async () =>
        {
            var queue = await _node.Queue("q");
            Assert.Empty(queue.Waiting);
            Assert.Equal(at, Assert.Single(queue.Parked!).DueAt);
        });
        await _node.Ready("anna");
        await Task.Delay(1000);
        Assert.Equal(CallStatus.Queued, (await _node.Call("later")).Status); // not before its time

        var dialling = await _node.AgentTakesCallback("later");
        Assert.True(DateTimeOffset.UtcNow >= at.AddSeconds(-1));
        Assert.Equal("+4533663366", ((CallbackDialled)dialling.History[^1]).Number);
    }

    [Fact]
    public async Task A_call_to_a_closed_queue_with_the_callback_action_is_parked_until_the_next_opening()
    {
        // Open every day but today (Copenhagen time), so the queue is closed now and opens at the next midnight or later.
        var today = CopenhagenTime.DayOf(DateTimeOffset.UtcNow).DayOfWeek;
        var week = Enum.GetValues<DayOfWeek>().Aggregate(WeeklySchedule.Closed, (w, d) => d == today ? w : w.With(d, "0-24"));
        var hours = new BusinessCalendar { Name = "not today", Hours = week };
        await Queue(WithCallbacks(new CallbackSettings(), hours, new ClosedHandling(ClosedAction.Callback)));
        var now = DateTimeOffset.UtcNow;

        await _node.OfferCall("evening", "q");

        var call = await _node.Call("evening");
        var booked = Assert.IsType<CallbackRequested>(call.History[^1]);
        Assert.Equal("closed", booked.Reason);
        Assert.Equal(hours.NextOpening(now), booked.DueAt);
        await Eventually.Holds(async () => Assert.Equal(booked.DueAt, Assert.Single((await _node.Queue("q")).Parked!).DueAt));
        Assert.Empty((await _node.Queue("q")).Waiting);
    }

    [Fact]
    public async Task A_booked_callback_is_kept_when_the_queue_closes_and_is_served_when_it_opens_again()
    {
        await Queue(WithCallbacks(new CallbackSettings()));
        await _node.CreateAgent("anna", ("q", 5));
        await _node.OfferCall("booked", "q");
        await _node.OfferCall("waiting", "q");
        Assert.IsType<CommandAccepted>(await _node.RequestCallback("booked"));
        await _node.HangUp("booked");

        Assert.IsType<CommandAccepted>(await _node.Ask<object>(_node.Queues, new QueueCommands.SetOverride("q", QueueOverride.Closed)));

        // The caller still on the line hears the closed announcement; the callback (caller gone) keeps its place.
        await Eventually.Holds(async () => Assert.Equal(CallStatus.ClosedAnnounced, (await _node.Call("waiting")).Status));
        await Eventually.Holds(async () => Assert.Equal("booked", Assert.Single((await _node.Queue("q")).Waiting).CallId));
        Assert.Equal(CallStatus.Queued, (await _node.Call("booked")).Status);

        Assert.IsType<CommandAccepted>(await _node.Ask<object>(_node.Queues, new QueueCommands.SetOverride("q", QueueOverride.None)));
        await _node.Ready("anna");
        Assert.Equal("anna", (await _node.AgentTakesCallback("booked")).AgentId);
    }

    private static string Kind(ICallEvent e) => ContactCenter.Actors.Serialization.ManifestRegistry.ManifestOf(e.GetType()) switch
    {
        "call.offer-withdrawn-event" => "offer-withdrawn",
        var m => m["call.".Length..],
    };
}
