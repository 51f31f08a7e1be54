using Akka.Actor;
using Akka.Cluster.Sharding;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Queues;

namespace ContactCenter.Actors.Routing;

/// <summary>Registry keys for the three shard regions (or proxies) and the node's directory actor.</summary>
public sealed class CallRegion;

public sealed class AgentRegion;

public sealed class QueueRegion;

public sealed class QueueDirectoryKey;

public sealed class IdempotencyRegion;

public sealed class AdapterCursorRegion;

/// <summary>The entry plan entity (directory, entry numbers, menus, routing plan): one per center.</summary>
public sealed class EntryPlanRegion;

/// <summary>The entity ids the shard regions key on; one extractor type serves all three families.</summary>
public sealed class EntityMessageExtractor(int maxShards, Func<object, string?> entityIdOf) : HashCodeMessageExtractor(maxShards)
{
    public const int DefaultShards = 60;

    public static readonly EntityMessageExtractor Calls = new(DefaultShards, m => (m as IWithCallId)?.CallId);
    public static readonly EntityMessageExtractor Agents = new(DefaultShards, m => (m as IWithAgentId)?.AgentId);
    public static readonly EntityMessageExtractor Queues = new(DefaultShards, m => (m as IWithQueueId)?.QueueId);
    public static readonly EntityMessageExtractor AdapterCursors = new(DefaultShards, m => (m as Adapters.IWithAdapterId)?.AdapterId);
    public static readonly EntityMessageExtractor Idempotency = new(DefaultShards, m => (m as Idempotency.IWithRecordId)?.RecordId);
    public static readonly EntityMessageExtractor EntryPlans = new(DefaultShards, m => (m as Entries.IWithEntryPlanId)?.PlanId);

    public override string? EntityId(object message) => entityIdOf(message);
}

/// <summary>The three regions, resolved once by an entity when it starts.</summary>
public sealed record RoutingRegions(IActorRef Calls, IActorRef Agents, IActorRef Queues, IActorRef Directory)
{
    public static RoutingRegions From(ActorSystem system)
    {
        var registry = Akka.Hosting.ActorRegistry.For(system);
        return new RoutingRegions(
            registry.Get<CallRegion>(), registry.Get<AgentRegion>(), registry.Get<QueueRegion>(), registry.Get<QueueDirectoryKey>());
    }
}
