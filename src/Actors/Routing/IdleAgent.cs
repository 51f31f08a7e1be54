using ContactCenter.Actors.Serialization;

namespace ContactCenter.Actors.Routing;

/// <summary>What a queue knows about an idle agent that announced itself: enough to rank it.</summary>
public sealed record IdleAgent(
    string AgentId,
    int Level,
    DateTimeOffset IdleSince,
    int CallsToday,
    TimeSpan TalkTimeToday) : IContactCenterMessage;
