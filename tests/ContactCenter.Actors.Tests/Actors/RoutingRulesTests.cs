using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Tests.Support;
using Xunit;

namespace ContactCenter.Actors.Tests.Actors;

/// <summary>The routing rules through real actors on one node: ordering, best agent, arbitration, timers.</summary>
public sealed class RoutingRulesTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TestNode.StartAsync(_db.File);

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _db.Dispose();
    }

    private async Task Queue(string id, QueueConfig? config = null)
    {
        await _node.CreateQueue(id, id, config);
        await _node.QueueIsRoutable(id);
    }

    [Fact]
    public async Task Caller_who_waited_longest_is_served_first_and_higher_priority_goes_ahead()
    {
        // A long wrap-up holds the agent between calls, so each next call is chosen only when the test says ready.
        await Queue("q", new QueueConfig("q", "q", WrapUp: TimeSpan.FromMinutes(5)));
        await _node.CreateAgent("a1", ("q", 5));
        await _node.OfferCall("first", "q");
        await _node.OfferCall("second", "q");
        await _node.OfferCall("urgent", "q", priority: 5);
        await Eventually.Holds(async () => Assert.Equal(3, (await _node.Queue("q")).Waiting.Length));

        var served = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            await _node.Ready("a1");
            var ringing = await Eventually.Find(async () =>
                (await Task.WhenAll(new[] { "first", "second", "urgent" }.Except(served).Select(_node.Call)))
                .SingleOrDefault(c => c.Status == CallStatus.Ringing));
            served.Add(ringing.CallId);
            await _node.Answer(ringing);
            await Eventually.Holds(async () => Assert.Equal(AgentStatus.OnCall, (await _node.Agent("a1")).Status));
            await _node.HangUp(ringing.CallId);
            await Eventually.Holds(async () => Assert.Equal(AgentStatus.WrapUp, (await _node.Agent("a1")).Status));
        }

        Assert.Equal(new[] { "urgent", "first", "second" }, served);
    }

    [Fact]
    public async Task The_idle_agent_with_the_highest_skill_level_gets_the_call()
    {
        await Queue("q");
        await _node.CreateAgent("junior", ("q", 3));
        await _node.CreateAgent("senior", ("q", 8));
        await _node.Ready("junior");
        await _node.Ready("senior");
        await Eventually.Holds(async () => Assert.Equal(2, (await _node.Queue("q")).IdleAgents.Length));

        await _node.OfferCall("c", "q");

        Assert.Equal("senior", (await _node.Ringing("c")).AgentId);
    }

    [Fact]
    public async Task Agents_below_the_queue_minimum_level_are_never_offered_its_calls()
    {
        await Queue("expert", new QueueConfig("expert", "expert", MinLevel: 6, WrapUp: TimeSpan.Zero));
        await _node.CreateAgent("novice", ("expert", 5));
        await _node.Ready("novice");
        await _node.OfferCall("c", "expert");

        await Task.Delay(500);
        Assert.Equal(CallStatus.Queued, (await _node.Call("c")).Status);
        Assert.Equal(AgentStatus.Ready, (await _node.Agent("novice")).Status);
    }

    [Fact]
    public async Task An_agent_serving_two_queues_takes_the_best_call_across_them()
    {
        await Queue("early");
        await Queue("late");
        await _node.CreateAgent("multi", ("early", 5), ("late", 5));
        await _node.OfferCall("late-but-urgent", "late", priority: 3);
        await _node.OfferCall("early-normal", "early");
        await _node.OfferCall("late-normal", "late");
        await Eventually.Holds(async () => Assert.Single((await _node.Queue("early")).Waiting));

        await _node.Ready("multi");

        Assert.Equal("multi", (await _node.Ringing("late-but-urgent")).AgentId);
        Assert.Equal(CallStatus.Queued, (await _node.Call("early-normal")).Status);
    }

    [Fact]
    public async Task A_missed_offer_returns_the_call_to_its_place_and_auto_pauses_the_agent()
    {
        await Queue("q", new QueueConfig("q", "q", OfferTimeout: TimeSpan.FromMilliseconds(400), WrapUp: TimeSpan.Zero));
        var profile = new AgentProfile("sleepy", "t", "KBS", AgentKind.CitizenService,
            System.Collections.Immutable.ImmutableDictionary<string, int>.Empty.Add("q", 5), AutoPauseOnMissedOffer: true);
        await _node.Ask<object>(_node.Agents, new AgentCommands.ConfigureAgent("sleepy", profile));
        await _node.Ask<object>(_node.Agents, new AgentCommands.LogIn("sleepy"));
        await _node.Ready("sleepy");
        await _node.OfferCall("c", "q");
        var ringing = await _node.Ringing("c");

        await Eventually.Holds(async () =>
        {
            var agent = await _node.Agent("sleepy");
            Assert.Equal(AgentStatus.Paused, agent.Status);
            Assert.Equal(PauseReasons.NoAnswer, agent.PauseReason);
        });
        var call = await _node.Call("c");
        Assert.Equal(CallStatus.Queued, call.Status);
        Assert.Contains(call.History, e => e is CallEvents.CallOfferWithdrawn);
        // The queue shows the call once its CallEnqueued is written.
        WaitingCall? waiting = null;
        await Eventually.Holds(async () => waiting = Assert.Single((await _node.Queue("q")).Waiting));
        Assert.Equal(call.Details!.Rank, waiting!.Rank); // same original arrival: same place

        // The late answer carries a stale offer: refused, nothing changes.
        var late = await _node.Answer(ringing);
        Assert.Equal(RejectionCode.IllegalTransition, Assert.IsType<CommandRejected>(late).Code);
        Assert.Contains(_node.Signals.Of<CallSignals.CancelRing>(), s => s.CallId == "c");
    }

    [Fact]
    public async Task Wrap_up_keeps_the_agent_from_new_calls_until_its_timer_ends()
    {
        await Queue("q", new QueueConfig("q", "q", WrapUp: TimeSpan.FromMilliseconds(700)));
        await _node.CreateAgent("a", ("q", 5));
        await _node.Ready("a");
        await _node.OfferCall("c1", "q");
        await _node.Answer(await _node.Ringing("c1"));
        await Eventually.Holds(async () => Assert.Equal(AgentStatus.OnCall, (await _node.Agent("a")).Status));
        await _node.HangUp("c1", CallParty.Agent);
        await _node.OfferCall("c2", "q");

        await Eventually.Holds(async () => Assert.Equal(AgentStatus.WrapUp, (await _node.Agent("a")).Status));
        Assert.Equal(CallStatus.Queued, (await _node.Call("c2")).Status);

        Assert.Equal("a", (await _node.Ringing("c2")).AgentId);
    }

    [Fact]
    public async Task A_timed_pause_ends_by_itself_and_the_agent_takes_the_waiting_call()
    {
        await Queue("q");
        await _node.CreateAgent("a", ("q", 5));
        var reply = await _node.Ask<object>(_node.Agents, new AgentCommands.Pause("a", PauseReasons.Break, TimeSpan.FromMilliseconds(500)));
        Assert.IsType<CommandAccepted>(reply);
        await _node.OfferCall("c", "q");

        Assert.Equal("a", (await _node.Ringing("c")).AgentId);
    }

    [Fact]
    public async Task Caller_hanging_up_while_ringing_releases_the_agent_and_ends_as_abandoned()
    {
        await Queue("q");
        await _node.CreateAgent("a", ("q", 5));
        await _node.Ready("a");
        await _node.OfferCall("c", "q");
        var ringing = await _node.Ringing("c");

        await _node.HangUp("c");

        Assert.Equal(CallStatus.Abandoned, (await _node.Call("c")).Status);
        await Eventually.Holds(async () => Assert.Equal(AgentStatus.Ready, (await _node.Agent("a")).Status));
        // The answer arriving after the hang-up is refused (the offer was withdrawn).
        Assert.IsType<CommandRejected>(await _node.Answer(ringing));
    }

    [Fact]
    public async Task Caller_hanging_up_while_queued_leaves_the_line()
    {
        await Queue("q");
        await _node.OfferCall("c", "q");
        await Eventually.Holds(async () => Assert.Single((await _node.Queue("q")).Waiting));

        await _node.HangUp("c");

        Assert.Equal(CallStatus.Abandoned, (await _node.Call("c")).Status);
        await Eventually.Holds(async () => Assert.Empty((await _node.Queue("q")).Waiting));
    }

    [Fact]
    public async Task Skill_level_changes_take_effect_at_the_next_decision()
    {
        await Queue("q", new QueueConfig("q", "q", MinLevel: 5, WrapUp: TimeSpan.Zero));
        await _node.CreateAgent("a", ("q", 2));
        await _node.Ready("a");
        await _node.OfferCall("c", "q");
        await Task.Delay(300);
        Assert.Equal(CallStatus.Queued, (await _node.Call("c")).Status);

        var promoted = new AgentProfile("a", "team", "KBS", AgentKind.CitizenService,
            System.Collections.Immutable.ImmutableDictionary<string, int>.Empty.Add("q", 7), AutoPauseOnMissedOffer: false);
        await _node.Ask<object>(_node.Agents, new AgentCommands.ConfigureAgent("a", promoted));

        Assert.Equal("a", (await _node.Ringing("c")).AgentId);
    }

    [Fact]
    public async Task Bad_input_is_rejected_with_a_typed_reason_and_changes_nothing()
    {
        await Queue("q");
        await _node.CreateAgent("a", ("q", 5));

        var unknownAgent = await _node.Ask<object>(_node.Agents, new AgentCommands.MakeReady("ghost"));
        Assert.Equal(RejectionCode.NotFound, Assert.IsType<CommandRejected>(unknownAgent).Code);

        var unknownQueue = await _node.Ask<object>(_node.Calls, new CallCommands.OfferCall("c0", "+45", "33663366", "nowhere"));
        Assert.Equal(RejectionCode.NotFound, Assert.IsType<CommandRejected>(unknownQueue).Code);

        var notOffered = await _node.Ask<object>(_node.Agents, new AgentCommands.AnswerOffer("a", "c-unknown", "token"));
        Assert.Equal(RejectionCode.IllegalTransition, Assert.IsType<CommandRejected>(notOffered).Code);

        var badLevel = await _node.Ask<object>(_node.Agents, new AgentCommands.ConfigureAgent("a", new AgentProfile(
            "a", "t", "KBS", AgentKind.CitizenService, System.Collections.Immutable.ImmutableDictionary<string, int>.Empty.Add("q", 12))));
        Assert.Contains("skills.q", Assert.IsType<CommandRejected>(badLevel).Reason);
        Assert.Equal(5, (await _node.Agent("a")).Profile!.Skills["q"]);

        var badQueue = await _node.Ask<object>(_node.Queues, new QueueCommands.ConfigureQueue("q", new QueueConfig("q", "q", MinLevel: 0)));
        Assert.Contains("minLevel", Assert.IsType<CommandRejected>(badQueue).Reason);
        Assert.Equal(1, (await _node.Queue("q")).Config!.MinLevel);

        // Logging out on a call is refused.
        await _node.Ready("a");
        await _node.OfferCall("c1", "q");
        await _node.Answer(await _node.Ringing("c1"));
        await Eventually.Holds(async () => Assert.Equal(AgentStatus.OnCall, (await _node.Agent("a")).Status));
        var logout = await _node.Ask<object>(_node.Agents, new AgentCommands.LogOut("a"));
        Assert.Equal(RejectionCode.IllegalTransition, Assert.IsType<CommandRejected>(logout).Code);
        Assert.Equal(AgentStatus.OnCall, (await _node.Agent("a")).Status);

        // A stale token is refused with its own code.
        var ringingElsewhere = await _node.Call("c1");
        var stale = await _node.Ask<object>(_node.Agents, new AgentCommands.AnswerOffer("a", "c1", "not-" + ringingElsewhere.Token));
        Assert.IsType<CommandRejected>(stale);
    }

    [Fact]
    public async Task A_call_to_a_closed_queue_is_forwarded_and_ends_with_that_outcome()
    {
        var closedAlways = new ContactCenter.Actors.Calendar.BusinessCalendar { Name = "never open" };
        await Queue("evening", new QueueConfig("evening", "evening", Hours: closedAlways,
            WhenClosed: new ClosedHandling(ClosedAction.Forward, "+4533173317")));
        await _node.CreateAgent("a", ("evening", 5));
        await _node.Ready("a");

        var reply = await _node.Ask<object>(_node.Calls, new CallCommands.OfferCall("late", "+4511", "33663366", "evening"));

        Assert.Contains("Forwarded to +4533173317", Assert.IsType<CommandAccepted>(reply).Detail);
        var call = await _node.Call("late");
        Assert.Equal(CallStatus.Forwarded, call.Status);
        Assert.Empty((await _node.Queue("evening")).Waiting);
        Assert.Equal(AgentStatus.Ready, (await _node.Agent("a")).Status);
        await Eventually.Holds(() => Assert.Contains(_node.Signals.Of<CallSignals.CallCompleted>(), s => s.CallId == "late"));
    }

    [Fact]
    public async Task A_draining_queue_serves_its_waiting_calls_and_turns_new_ones_away()
    {
        await Queue("q", new QueueConfig("q", "q", WrapUp: TimeSpan.Zero, WhenClosed: new ClosedHandling(ClosedAction.Forward, "+4599")));
        await _node.CreateAgent("a", ("q", 5));
        await _node.OfferCall("waiting", "q");
        await Eventually.Holds(async () => Assert.Single((await _node.Queue("q")).Waiting));

        Assert.IsType<CommandAccepted>(await _node.Ask<object>(_node.Queues, new QueueCommands.SetOverride("q", QueueOverride.Draining)));
        await Eventually.Holds(() => Assert.Equal(QueueOverride.Draining, _node.Directory.Routes["q"].Override));
        var late = await _node.Ask<object>(_node.Calls, new CallCommands.OfferCall("late", "+4511", "33663366", "q"));

        Assert.Contains("Forwarded", Assert.IsType<CommandAccepted>(late).Detail);
        await _node.Ready("a");
        Assert.Equal("a", (await _node.Ringing("waiting")).AgentId);
    }

    [Fact]
    public async Task Closing_a_queue_gives_its_waiting_calls_the_closed_handling_and_opening_it_routes_again()
    {
        await Queue("q", new QueueConfig("q", "q", WhenClosed: new ClosedHandling(ClosedAction.Forward, "+4599")));
        await _node.OfferCall("w1", "q");
        await _node.OfferCall("w2", "q");
        await Eventually.Holds(async () => Assert.Equal(2, (await _node.Queue("q")).Waiting.Length));

        var closed = await _node.Ask<object>(_node.Queues, new QueueCommands.SetOverride("q", QueueOverride.Closed));

        Assert.Contains("2 waiting calls", Assert.IsType<CommandAccepted>(closed).Detail);
        await Eventually.Holds(() => Assert.Equal(QueueOverride.Closed, _node.Directory.Routes["q"].Override));
        await Eventually.Holds(async () =>
        {
            Assert.Equal(CallStatus.Forwarded, (await _node.Call("w1")).Status);
            Assert.Equal(CallStatus.Forwarded, (await _node.Call("w2")).Status);
        });
        Assert.Empty((await _node.Queue("q")).Waiting);

        await _node.Ask<object>(_node.Queues, new QueueCommands.SetOverride("q", QueueOverride.None));
        await Eventually.Holds(() => Assert.Equal(QueueOverride.None, _node.Directory.Routes["q"].Override));
        await _node.OfferCall("w3", "q");
        Assert.Equal(CallStatus.Queued, (await _node.Call("w3")).Status);
    }

    [Fact]
    public async Task At_closing_time_waiting_calls_get_the_closed_handling_when_the_queue_says_so()
    {
        // Open today from midnight until eight seconds from now (Copenhagen time): time enough to configure the
        // queue and offer the call on a loaded machine (with two seconds it was once already closed).
        var local = ContactCenter.Actors.Calendar.CopenhagenTime.Local(DateTimeOffset.UtcNow);
        var closes = local.TimeOfDay + TimeSpan.FromSeconds(8);
        if (closes >= TimeSpan.FromHours(24)) return; // the last seconds of a day cannot host this scenario
        var today = new ContactCenter.Actors.Calendar.BusinessCalendar
        {
            Name = "closing soon",
            SpecialDays = [new ContactCenter.Actors.Calendar.SpecialDay
            {
                Date = DateOnly.FromDateTime(local.DateTime), Note = "test",
                Hours = [new ContactCenter.Actors.Calendar.OpeningInterval(TimeSpan.Zero, closes)],
            }],
        };
        await Queue("q", new QueueConfig("q", "q", Hours: today, WhenClosed: new ClosedHandling(ClosedAction.Forward, "+4599"),
            WaitingAtClosing: AtClosing.ApplyClosedHandling));
        await _node.OfferCall("waiting", "q");
        Assert.Equal(CallStatus.Queued, (await _node.Call("waiting")).Status);

        await Eventually.Holds(async () => Assert.Equal(CallStatus.Forwarded, (await _node.Call("waiting")).Status), TimeSpan.FromSeconds(30));
        Assert.Empty((await _node.Queue("q")).Waiting);
    }
}
