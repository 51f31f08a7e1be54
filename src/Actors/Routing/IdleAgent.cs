using ContactCenter.Actors.Serialization;

namespace ContactCenter.Actors.Routing;

/// <summary>
/// What a queue knows about an idle agent that announced itself: enough to rank it. <c>Ring</c> 0: through the
/// queue's own skill; above 0: through an escalation step or hypercare the queue published.
/// </summary>
public sealed record IdleAgent(
    string AgentId,
    int Level,
    DateTimeOffset IdleSince,
    int CallsToday,
    TimeSpan TalkTimeToday,
    int Ring = 0) : IContactCenterMessage;
