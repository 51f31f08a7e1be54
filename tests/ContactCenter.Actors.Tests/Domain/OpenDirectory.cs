using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Routing;

namespace ContactCenter.Actors.Tests.Domain;

/// <summary>For tests that are not about opening hours: every queue exists and is always open.</summary>
public static class OpenDirectory
{
    public static QueueRoute Route(string queueId) => new(queueId, queueId, 1, "test");

    public static Decision<CallEvents.ICallEvent> Decide(this CallState state, CallCommands.OfferCall cmd, DateTimeOffset now) =>
        state.Decide(cmd, now, Route);
}
