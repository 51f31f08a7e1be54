using System.Collections.Immutable;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Serialization;

namespace ContactCenter.Actors.Agents;

/// <summary>Every message an agent entity receives carries its agent id; the shard extractor keys on it.</summary>
public interface IWithAgentId : IContactCenterMessage
{
    string AgentId { get; }
}

/// <summary>Commands from supervisors, agent desktops and telephony adapters.</summary>
public static class AgentCommands
{
    /// <summary>Create the agent or change its profile and skill levels (effective at the next routing decision).</summary>
    public sealed record ConfigureAgent(string AgentId, AgentProfile Profile) : IWithAgentId;

    /// <summary>Remove the agent's profile; refused unless the agent is logged out.</summary>
    public sealed record RemoveAgent(string AgentId) : IWithAgentId;

    /// <summary>A supervisor changes skill levels live; they apply from the next routing decision.</summary>
    public sealed record SetSkills(string AgentId, ImmutableDictionary<string, int> Skills) : IWithAgentId;

    /// <summary>Log in; the agent starts paused as "not ready" until it says it is ready.</summary>
    public sealed record LogIn(string AgentId) : IWithAgentId;

    public sealed record MakeReady(string AgentId) : IWithAgentId;

    /// <summary>Pause with a reason; with a duration the agent becomes ready again by itself.</summary>
    public sealed record Pause(string AgentId, string Reason, TimeSpan? Duration = null) : IWithAgentId;

    /// <summary>Log out. Refused while offered or on a call unless forced (a forced logout withdraws an offer).</summary>
    public sealed record LogOut(string AgentId, bool Force = false) : IWithAgentId;

    public sealed record EndWrapUp(string AgentId) : IWithAgentId;

    public sealed record ExtendWrapUp(string AgentId, TimeSpan Extra) : IWithAgentId;

    /// <summary>The adapter reports that the agent picked up the offered call.</summary>
    public sealed record AnswerOffer(string AgentId, string CallId, string Token) : IWithAgentId;

    public sealed record GetAgentState(string AgentId) : IWithAgentId;
}

/// <summary>The agent side of the routing protocol (from queues and calls).</summary>
public static partial class AgentProtocol
{
    /// <summary>
    /// A queue proposes a call. <paramref name="Epoch"/> answers an availability announcement; 0 is a push.
    /// <paramref name="Ring"/> above 0: offered through an escalation step or hypercare, not the agent's own queue.
    /// </summary>
    public sealed record CallProposal(
        string AgentId,
        string QueueId,
        string CallId,
        CallRank Rank,
        long ProposalId,
        long Epoch,
        TimeSpan OfferTimeout,
        TimeSpan WrapUp,
        int Ring = 0) : IWithAgentId;

    /// <summary>A queue has nothing for the agent now and remembers it as idle.</summary>
    public sealed record NoCallWaiting(string AgentId, string QueueId, long Epoch) : IWithAgentId;

    /// <summary>The queue could not honour the reservation: the call had already left the line.</summary>
    public sealed record ProposalVoid(string AgentId, string CallId, string Token) : IWithAgentId;

    /// <summary>The call withdraws its offer (the caller hung up, or it is already with another agent).</summary>
    public sealed record OfferCancelled(string AgentId, string CallId, string Token, string Reason) : IWithAgentId;

    /// <summary>The connected call ended; the agent goes to wrap-up.</summary>
    public sealed record ConnectedCallEnded(string AgentId, string CallId, string Token) : IWithAgentId;

    /// <summary>Internal timer messages; they carry the deadline they were armed for, so stale ones are ignored.</summary>
    public sealed record OfferDeadlineReached(string AgentId, string Token) : IWithAgentId;
    public sealed record WrapUpDeadlineReached(string AgentId, DateTimeOffset Until) : IWithAgentId;
    public sealed record PauseDeadlineReached(string AgentId, DateTimeOffset Until) : IWithAgentId;
    public sealed record CollectionWindowClosed(string AgentId, long Epoch) : IWithAgentId;
}

/// <summary>Events an agent persists. Every one carries the time it happened.</summary>
public static class AgentEvents
{
    public interface IAgentEvent : IContactCenterMessage
    {
        DateTimeOffset At { get; }
    }

    public sealed record AgentConfigured(AgentProfile Profile, DateTimeOffset At) : IAgentEvent;
    public sealed record AgentLoggedIn(DateTimeOffset At) : IAgentEvent;
    public sealed record AgentBecameReady(DateTimeOffset At) : IAgentEvent;
    public sealed record AgentPaused(string Reason, DateTimeOffset At, DateTimeOffset? Until) : IAgentEvent;
    public sealed record AgentLoggedOut(DateTimeOffset At) : IAgentEvent;

    /// <summary>The agent reserved itself for one call; the offer stands until answered, withdrawn or the deadline.</summary>
    public sealed record OfferReserved(
        string CallId, string QueueId, string Token, DateTimeOffset At, DateTimeOffset Deadline, TimeSpan WrapUp) : IAgentEvent;

    /// <summary>The agent did not answer in time; the call goes back to its place in the queue.</summary>
    public sealed record OfferMissed(string CallId, string Token, bool AutoPaused, DateTimeOffset At) : IAgentEvent;

    /// <summary>The offer ended without the agent: the caller hung up, or the call had gone elsewhere.</summary>
    public sealed record OfferRevoked(string CallId, string Token, string Reason, DateTimeOffset At) : IAgentEvent;

    public sealed record CallAnswered(string CallId, string Token, DateTimeOffset At) : IAgentEvent;

    /// <summary>The call ended; wrap-up lasts until <paramref name="WrapUpUntil"/> (equal to At means none).</summary>
    public sealed record CallFinished(string CallId, DateTimeOffset At, DateTimeOffset WrapUpUntil) : IAgentEvent;

    public sealed record WrapUpExtended(DateTimeOffset Until, DateTimeOffset At) : IAgentEvent;

    public sealed record AgentRemoved(DateTimeOffset At) : IAgentEvent;
}
