using ContactCenter.Actors.Routing;

namespace ContactCenter.Actors.Agents;

public static partial class AgentProtocol
{
    /// <summary>
    /// A call offers a transfer leg to this agent by name (not through a queue). If ready, the agent reserves
    /// itself as for a queue's proposal and answers the call with the token; otherwise it refuses.
    /// </summary>
    public sealed record DirectOffer(
        string AgentId, string CallId, string LegId, string QueueId, CallRank Rank, TimeSpan OfferTimeout, TimeSpan WrapUp)
        : IWithAgentId;
}
