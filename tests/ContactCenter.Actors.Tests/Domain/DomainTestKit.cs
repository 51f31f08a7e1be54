using System.Collections.Immutable;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using Xunit;
using static ContactCenter.Actors.Agents.AgentCommands;
using static ContactCenter.Actors.Agents.AgentEvents;
using static ContactCenter.Actors.Agents.AgentProtocol;
using static ContactCenter.Actors.Calls.CallCommands;
using static ContactCenter.Actors.Calls.CallEvents;
using static ContactCenter.Actors.Calls.CallProtocol;
using static ContactCenter.Actors.Queues.QueueEvents;

namespace ContactCenter.Actors.Tests.Domain;

/// <summary>Fixed instants: the pure state machines take time only as arguments, so tests never read a clock.</summary>
internal static class Clock
{
    /// <summary>Monday 10 March 2025, 09:00 in Copenhagen (CET, UTC+1).</summary>
    public static readonly DateTimeOffset T0 = new(2025, 3, 10, 8, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(int seconds) => T0.AddSeconds(seconds);
}

/// <summary>Assertions on <see cref="Decision{TEvent}"/>.</summary>
internal static class Decided
{
    public static IReadOnlyList<T> Accepted<T>(Decision<T> decision)
    {
        Assert.True(decision.Rejection is null, $"expected acceptance, got rejection: {decision.Rejection?.Reason}");
        Assert.NotEmpty(decision.Events);
        return decision.Events;
    }

    public static T Single<T>(Decision<T> decision) => Assert.Single(Accepted(decision));

    public static void Nothing<T>(Decision<T> decision)
    {
        Assert.True(decision.Rejection is null, $"expected no change, got rejection: {decision.Rejection?.Reason}");
        Assert.Empty(decision.Events);
    }

    public static CommandRejected Rejected<T>(Decision<T> decision, RejectionCode code, params string[] fieldsNamed)
    {
        Assert.True(decision.IsRejected, $"expected rejection {code}, got {decision.Events.Count} event(s)");
        Assert.Empty(decision.Events);
        Assert.Equal(code, decision.Rejection!.Code);
        Assert.False(string.IsNullOrWhiteSpace(decision.Rejection.Reason));
        foreach (var field in fieldsNamed) Assert.Contains(field + ":", decision.Rejection.Reason, StringComparison.Ordinal);
        return decision.Rejection;
    }
}

/// <summary>One agent, "anna", walked through the real Decide functions into each status.</summary>
internal static class AgentGiven
{
    public const string AgentId = "anna";
    public const string QueueId = "general";
    public const string CallId = "call-1";
    public const string Token = "token-1";
    public static readonly TimeSpan OfferTimeout = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan WrapUp = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan Talk = TimeSpan.FromMinutes(5);

    public static readonly DateTimeOffset ConfiguredAt = Clock.T0;
    public static readonly DateTimeOffset LoggedInAt = Clock.At(60);
    public static readonly DateTimeOffset ReadyAt = Clock.At(120);
    public static readonly DateTimeOffset OfferedAt = Clock.At(180);
    public static readonly DateTimeOffset AnsweredAt = Clock.At(190);
    public static readonly DateTimeOffset EndedAt = AnsweredAt + Talk;

    public static AgentProfile Profile(bool autoPause = true) => new(
        "Anna Jensen", "Team 1", "Borgerservice", AgentKind.CitizenService,
        ImmutableDictionary<string, int>.Empty.Add("general", 5), autoPause);

    /// <summary>Applies an accepted decision's events (asserting it was not rejected).</summary>
    public static AgentState Then(this AgentState state, Decision<IAgentEvent> decision)
    {
        Assert.True(decision.Rejection is null, decision.Rejection?.Reason);
        return decision.Events.Aggregate(state, (s, e) => s.Apply(e));
    }

    public static AgentState Configured(bool autoPause = true)
    {
        var empty = AgentState.Empty(AgentId);
        return empty.Then(empty.Decide(new ConfigureAgent(AgentId, Profile(autoPause)), ConfiguredAt));
    }

    public static AgentState LoggedIn(bool autoPause = true)
    {
        var s = Configured(autoPause);
        return s.Then(s.Decide(new LogIn(AgentId), LoggedInAt));
    }

    public static AgentState Ready(bool autoPause = true)
    {
        var s = LoggedIn(autoPause);
        return s.Then(s.Decide(new MakeReady(AgentId), ReadyAt));
    }

    public static CallProposal Proposal(string callId = CallId, TimeSpan? wrapUp = null, long proposalId = 1) => new(
        AgentId, QueueId, callId, new CallRank(0, Clock.T0), proposalId, 0, OfferTimeout, wrapUp ?? WrapUp);

    public static AgentState Offered(bool autoPause = true, TimeSpan? wrapUp = null)
    {
        var s = Ready(autoPause);
        return s.Then(s.Reserve(Proposal(wrapUp: wrapUp), Token, OfferedAt));
    }

    public static AgentState OnCall(TimeSpan? wrapUp = null)
    {
        var s = Offered(wrapUp: wrapUp);
        return s.Then(s.Decide(new AnswerOffer(AgentId, CallId, Token), AnsweredAt));
    }

    public static AgentState WrappingUp()
    {
        var s = OnCall();
        return s.Then(s.Decide(new ConnectedCallEnded(AgentId, CallId, Token), EndedAt));
    }

    public static AgentState Paused(TimeSpan? duration = null)
    {
        var s = Ready();
        return s.Then(s.Decide(new Pause(AgentId, PauseReasons.Break, duration), Clock.At(150)));
    }

    public static AgentState LoggedOut()
    {
        var s = Ready();
        return s.Then(s.Decide(new LogOut(AgentId), Clock.At(150)));
    }

    public static AgentState In(AgentStatus status) => status switch
    {
        AgentStatus.LoggedOut => LoggedOut(),
        AgentStatus.Ready => Ready(),
        AgentStatus.Offered => Offered(),
        AgentStatus.OnCall => OnCall(),
        AgentStatus.WrapUp => WrappingUp(),
        AgentStatus.Paused => Paused(),
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };
}

/// <summary>One call, "call-1", walked through the real Decide functions into each status.</summary>
internal static class CallGiven
{
    public const string CallId = "call-1";
    public const string QueueId = "general";
    public const string From = "+4512345678";

    public static CallState Then(this CallState state, Decision<ICallEvent> decision)
    {
        Assert.True(decision.Rejection is null, decision.Rejection?.Reason);
        return decision.Events.Aggregate(state, (s, e) => s.Apply(e));
    }

    public static OfferCall Offer(
        string from = From, string queueId = QueueId, int priority = 0, ImmutableDictionary<string, string>? data = null,
        string language = "da") =>
        new(CallId, from, "+4570000000", queueId, language, priority, data);

    public static CallState Queued(int priority = 0)
    {
        var s = CallState.Empty(CallId);
        return s.Then(s.Decide(Offer(priority: priority), Clock.T0));
    }

    public static CallState Ringing(string agentId = "anna", string token = "token-1")
    {
        var s = Queued();
        return s.Then(s.Decide(new RouteToAgent(CallId, QueueId, agentId, token), Clock.At(10)));
    }

    public static CallState Connected()
    {
        var s = Ringing();
        return s.Then(s.Decide(new AgentConnected(CallId, "anna", "token-1"), Clock.At(20)));
    }

    public static CallState Ended()
    {
        var s = Connected();
        return s.Then(s.Decide(new HangUp(CallId, CallParty.Caller), Clock.At(320)));
    }

    public static CallState Abandoned()
    {
        var s = Queued();
        return s.Then(s.Decide(new HangUp(CallId, CallParty.Caller), Clock.At(30)));
    }
}

/// <summary>A configured skill queue with calls put in line through the real Decide functions.</summary>
internal static class QueueGiven
{
    public const string QueueId = "general";

    public static QueueConfig Config(
        int minLevel = 1, RoutingStrategy strategy = RoutingStrategy.HighestLevelLongestIdle, params string[] linearOrder) =>
        new("General enquiries", "general", minLevel, strategy,
            LinearOrder: linearOrder.Length == 0 ? null : linearOrder.ToImmutableList());

    public static QueueState Then(this QueueState state, Decision<IQueueEvent> decision)
    {
        Assert.True(decision.Rejection is null, decision.Rejection?.Reason);
        return decision.Events.Aggregate(state, (s, e) => s.Apply(e));
    }

    public static QueueState Configured(QueueConfig? config = null)
    {
        var s = QueueState.Empty(QueueId);
        return s.Then(s.Decide(new QueueCommands.ConfigureQueue(QueueId, config ?? Config()), Clock.T0));
    }

    public static QueueState Enqueue(this QueueState state, string callId, int priority = 0, int arrivedSecondsAfterT0 = 0) =>
        state.Then(state.Decide(
            new QueueCommands.EnqueueCall(QueueId, callId, new CallRank(priority, Clock.At(arrivedSecondsAfterT0))),
            Clock.At(arrivedSecondsAfterT0)));

    public static IdleAgent Agent(string id, int level = 5, int idleSinceSecondsAfterT0 = 0, int callsToday = 0) =>
        new(id, level, Clock.At(idleSinceSecondsAfterT0), callsToday, TimeSpan.Zero);

    public static string[] LineIds(this QueueState state) => state.Line.Select(c => c.CallId).ToArray();
}
