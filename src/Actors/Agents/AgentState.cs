using System.Text.Json.Serialization;
using ContactCenter.Actors.Calendar;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Serialization;
using static ContactCenter.Actors.Agents.AgentCommands;
using static ContactCenter.Actors.Agents.AgentEvents;
using static ContactCenter.Actors.Agents.AgentProtocol;
using CallFinished = ContactCenter.Actors.Agents.AgentEvents.CallFinished;

namespace ContactCenter.Actors.Agents;

public enum AgentStatus
{
    LoggedOut,
    Ready,
    Offered,
    OnCall,
    WrapUp,
    Paused,
}

/// <summary>The one call an agent is reserved for.</summary>
public sealed record AgentOffer(
    string CallId, string QueueId, string Token, DateTimeOffset OfferedAt, DateTimeOffset Deadline, TimeSpan WrapUp)
    : IContactCenterMessage;

/// <summary>The call an agent is talking on.</summary>
public sealed record AgentCall(string CallId, string QueueId, string Token, DateTimeOffset ConnectedAt, TimeSpan WrapUp)
    : IContactCenterMessage;

/// <summary>Counters for the current Copenhagen day; used by the fewest-calls and least-talk-time strategies.</summary>
public sealed record AgentDailyStats(DateOnly Day, int CallsHandled, TimeSpan TalkTime, int MissedOffers)
    : IContactCenterMessage
{
    public AgentDailyStats On(DateTimeOffset at)
    {
        var day = CopenhagenTime.DayOf(at);
        return day == Day ? this : new AgentDailyStats(day, 0, TimeSpan.Zero, 0);
    }
}

/// <summary>
/// An agent's persisted state. Voice capacity is one: an agent holds at most one offer or call. Decide
/// functions are pure (time and tokens come in as arguments); <see cref="Apply"/> takes time only from events.
/// </summary>
public sealed record AgentState(
    string AgentId,
    AgentProfile? Profile,
    AgentStatus Status,
    DateTimeOffset StatusSince,
    AgentOffer? Offer,
    AgentCall? Call,
    DateTimeOffset? WrapUpUntil,
    string? PauseReason,
    DateTimeOffset? PauseUntil,
    AgentDailyStats Stats) : IContactCenterMessage
{
    public static AgentState Empty(string agentId) => new(
        agentId, null, AgentStatus.LoggedOut, DateTimeOffset.MinValue, null, null, null, null, null,
        new AgentDailyStats(DateOnly.MinValue, 0, TimeSpan.Zero, 0));

    [JsonIgnore]
    public bool Exists => Profile is not null;

    public IdleAgent AsIdle(int level, DateTimeOffset now)
    {
        var stats = Stats.On(now);
        return new IdleAgent(AgentId, level, StatusSince, stats.CallsHandled, stats.TalkTime);
    }

    public AgentState Apply(IAgentEvent e) => e switch
    {
        AgentConfigured c => this with { Profile = c.Profile },
        AgentLoggedIn l => Become(AgentStatus.Paused, l.At) with { PauseReason = PauseReasons.NotReady },
        AgentBecameReady r => Become(AgentStatus.Ready, r.At),
        AgentPaused p => Become(AgentStatus.Paused, p.At) with { PauseReason = p.Reason, PauseUntil = p.Until },
        AgentLoggedOut o => Become(AgentStatus.LoggedOut, o.At),
        OfferReserved o => Become(AgentStatus.Offered, o.At) with
        {
            Offer = new AgentOffer(o.CallId, o.QueueId, o.Token, o.At, o.Deadline, o.WrapUp),
        },
        OfferMissed m => (m.AutoPaused
                ? Become(AgentStatus.Paused, m.At) with { PauseReason = PauseReasons.NoAnswer }
                : Become(AgentStatus.Ready, m.At)) with
            {
                Stats = Stats.On(m.At) with { MissedOffers = Stats.On(m.At).MissedOffers + 1 },
            },
        OfferRevoked r => Become(AgentStatus.Ready, r.At),
        CallAnswered a when Offer is not null => Become(AgentStatus.OnCall, a.At) with
        {
            Call = new AgentCall(a.CallId, Offer.QueueId, a.Token, a.At, Offer.WrapUp),
        },
        CallFinished f => Finish(f),
        WrapUpExtended w => this with { WrapUpUntil = w.Until },
        AgentRemoved => Empty(AgentId),
        _ => this,
    };

    private AgentState Finish(CallFinished f)
    {
        var stats = Stats.On(f.At);
        var talk = Call is null ? TimeSpan.Zero : f.At - Call.ConnectedAt;
        var next = f.WrapUpUntil > f.At
            ? Become(AgentStatus.WrapUp, f.At) with { WrapUpUntil = f.WrapUpUntil }
            : Become(AgentStatus.Ready, f.At);
        return next with { Stats = stats with { CallsHandled = stats.CallsHandled + 1, TalkTime = stats.TalkTime + talk } };
    }

    /// <summary>Moves to a status, clearing what belonged to the one before.</summary>
    private AgentState Become(AgentStatus status, DateTimeOffset at) => this with
    {
        Status = status,
        StatusSince = at,
        Offer = status == AgentStatus.Offered ? Offer : null,
        Call = status == AgentStatus.OnCall ? Call : null,
        WrapUpUntil = null,
        PauseReason = null,
        PauseUntil = null,
    };

    // ---- Decisions on commands ------------------------------------------------------------------------

    private Decision<IAgentEvent> Reject(RejectionCode code, string reason) =>
        Decision<IAgentEvent>.Reject(AgentId, code, reason);

    private Decision<IAgentEvent> NotIn(string action) =>
        Reject(RejectionCode.IllegalTransition, $"agent '{AgentId}' cannot {action} while {Status}");

    private static Decision<IAgentEvent> Accept(params IAgentEvent[] events) => Decision<IAgentEvent>.Accept(events);

    public Decision<IAgentEvent> Decide(ConfigureAgent cmd, DateTimeOffset now)
    {
        var errors = cmd.Profile.Validate();
        return errors.Count > 0 ? Reject(RejectionCode.Invalid, string.Join("; ", errors)) : Accept(new AgentConfigured(cmd.Profile, now));
    }

    public Decision<IAgentEvent> Decide(SetSkills cmd, DateTimeOffset now) =>
        Profile is null
            ? Reject(RejectionCode.NotFound, $"agent '{AgentId}' does not exist")
            : Decide(new ConfigureAgent(AgentId, Profile with { Skills = cmd.Skills }), now);

    /// <summary>Any command but configuration needs an agent that exists.</summary>
    public CommandRejected? RequireExists() =>
        Exists ? null : new CommandRejected(AgentId, RejectionCode.NotFound, $"agent '{AgentId}' does not exist");

    public Decision<IAgentEvent> Decide(RemoveAgent _, DateTimeOffset now) =>
        Status == AgentStatus.LoggedOut ? Accept(new AgentRemoved(now)) : NotIn("be removed");

    public Decision<IAgentEvent> Decide(LogIn _, DateTimeOffset now) =>
        Status == AgentStatus.LoggedOut ? Accept(new AgentLoggedIn(now)) : Decision<IAgentEvent>.Nothing;

    public Decision<IAgentEvent> Decide(MakeReady _, DateTimeOffset now) => Status switch
    {
        AgentStatus.Ready => Decision<IAgentEvent>.Nothing,
        AgentStatus.Paused or AgentStatus.WrapUp => Accept(new AgentBecameReady(now)),
        _ => NotIn("become ready"),
    };

    public Decision<IAgentEvent> Decide(Pause cmd, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(cmd.Reason)) return Reject(RejectionCode.Invalid, "reason: must not be empty");
        if (cmd.Duration is { } d && (d <= TimeSpan.Zero || d > TimeSpan.FromHours(12)))
            return Reject(RejectionCode.Invalid, $"duration: {d} is outside (0, 12 h]");
        return Status is AgentStatus.Ready or AgentStatus.WrapUp or AgentStatus.Paused
            ? Accept(new AgentPaused(cmd.Reason, now, now + cmd.Duration))
            : NotIn("pause");
    }

    public Decision<IAgentEvent> Decide(LogOut cmd, DateTimeOffset now) => Status switch
    {
        AgentStatus.LoggedOut => Decision<IAgentEvent>.Nothing,
        AgentStatus.Offered when cmd.Force =>
            Accept(new OfferRevoked(Offer!.CallId, Offer.Token, "agent logged out", now), new AgentLoggedOut(now)),
        AgentStatus.Offered or AgentStatus.OnCall => NotIn("log out"),
        _ => Accept(new AgentLoggedOut(now)),
    };

    public Decision<IAgentEvent> Decide(EndWrapUp _, DateTimeOffset now) =>
        Status == AgentStatus.WrapUp ? Accept(new AgentBecameReady(now)) : NotIn("end wrap-up");

    public Decision<IAgentEvent> Decide(ExtendWrapUp cmd, DateTimeOffset now)
    {
        if (cmd.Extra <= TimeSpan.Zero || cmd.Extra > TimeSpan.FromMinutes(30))
            return Reject(RejectionCode.Invalid, $"extra: {cmd.Extra} is outside (0, 30 min]");
        return Status == AgentStatus.WrapUp ? Accept(new WrapUpExtended(WrapUpUntil!.Value + cmd.Extra, now)) : NotIn("extend wrap-up");
    }

    public Decision<IAgentEvent> Decide(AnswerOffer cmd, DateTimeOffset now)
    {
        if (Status == AgentStatus.OnCall && Call!.Token == cmd.Token) return Decision<IAgentEvent>.Nothing; // repeated report
        if (Status != AgentStatus.Offered) return NotIn($"answer call '{cmd.CallId}'");
        if (Offer!.CallId != cmd.CallId)
            return Reject(RejectionCode.IllegalTransition, $"call '{cmd.CallId}' is not offered to agent '{AgentId}'");
        if (Offer.Token != cmd.Token)
            return Reject(RejectionCode.StaleToken, $"token for call '{cmd.CallId}' is not the current offer's");
        return Accept(new CallAnswered(cmd.CallId, cmd.Token, now));
    }

    // ---- Decisions on protocol messages -----------------------------------------------------------------

    /// <summary>Reserve for the chosen proposal if still ready; otherwise nothing (the caller declines it).</summary>
    public Decision<IAgentEvent> Reserve(CallProposal p, string token, DateTimeOffset now) =>
        Status == AgentStatus.Ready
            ? Accept(new OfferReserved(p.CallId, p.QueueId, token, now, now + p.OfferTimeout, p.WrapUp))
            : Decision<IAgentEvent>.Nothing;

    public Decision<IAgentEvent> Decide(OfferDeadlineReached msg, DateTimeOffset now) =>
        Status == AgentStatus.Offered && Offer!.Token == msg.Token
            ? Accept(new OfferMissed(Offer.CallId, Offer.Token, Profile?.AutoPauseOnMissedOffer ?? true, now))
            : Decision<IAgentEvent>.Nothing;

    /// <summary>The queue voided the reservation, or the call cancelled the offer.</summary>
    public Decision<IAgentEvent> Revoke(string callId, string token, string reason, DateTimeOffset now) => Status switch
    {
        AgentStatus.Offered when Offer!.Token == token => Accept(new OfferRevoked(callId, token, reason, now)),
        // The agent answered a call whose caller had already hung up: the call ends abandoned, so the agent is
        // released with no wrap-up and nothing added to its handled calls or talk time.
        AgentStatus.OnCall when Call!.Token == token => Accept(new OfferRevoked(callId, token, reason, now)),
        _ => Decision<IAgentEvent>.Nothing,
    };

    public Decision<IAgentEvent> Decide(AgentProtocol.ConnectedCallEnded msg, DateTimeOffset now) =>
        Status == AgentStatus.OnCall && Call!.Token == msg.Token
            ? Accept(new AgentEvents.CallFinished(msg.CallId, now, now + Call.WrapUp))
            : Decision<IAgentEvent>.Nothing;

    public Decision<IAgentEvent> Decide(WrapUpDeadlineReached msg, DateTimeOffset now) =>
        Status == AgentStatus.WrapUp && WrapUpUntil == msg.Until ? Accept(new AgentBecameReady(now)) : Decision<IAgentEvent>.Nothing;

    public Decision<IAgentEvent> Decide(PauseDeadlineReached msg, DateTimeOffset now) =>
        Status == AgentStatus.Paused && PauseUntil == msg.Until ? Accept(new AgentBecameReady(now)) : Decision<IAgentEvent>.Nothing;
}
