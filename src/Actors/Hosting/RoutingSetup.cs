using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Hosting;
using Akka.Cluster.Hosting.SBR;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using Akka.Remote.Hosting;
using ContactCenter.Actors.Adapters;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Idempotency;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Serialization;
using ContactCenter.Actors.Statistics;
using Microsoft.Extensions.DependencyInjection;

namespace ContactCenter.Actors.Hosting;

/// <summary>The production wiring of a node; tests call the same extensions.</summary>
public static class RoutingSetup
{
    /// <summary>Registers the node's services and its actor system: cluster, persistence, serialization, regions.</summary>
    public static IServiceCollection AddContactCenterNode(
        this IServiceCollection services, ContactCenterSettings settings, Action<AkkaConfigurationBuilder, IServiceProvider>? extra = null)
    {
        services.AddSingleton(settings);
        services.AddSingleton<QueueDirectory>();
        services.AddSingleton<Entries.EntryPlanView>();
        services.AddSingleton<Departments.DepartmentDirectory>();
        services.AddSingleton<JournalPulse>();
        services.AddSingleton<JournalHead>();
        services.AddSingleton(TimeProvider.System);
        services.AddAkka(settings.ClusterName, (builder, provider) =>
        {
            builder
                .WithContactCenterSerialization()
                .WithContactCenterCluster(settings)
                .WithContactCenterPersistence(settings.Persistence)
                .WithContactCenterRouting(settings)
                .WithContactCenterStatistics(settings);
            extra?.Invoke(builder, provider);
        });
        return services;
    }

    public static AkkaConfigurationBuilder WithContactCenterSerialization(this AkkaConfigurationBuilder builder) =>
        builder.WithCustomSerializer(ContactCenterSerializer.Name, [typeof(IContactCenterMessage)],
            system => new ContactCenterSerializer(system));

    public static AkkaConfigurationBuilder WithContactCenterCluster(this AkkaConfigurationBuilder builder, ContactCenterSettings settings)
    {
        builder
            .WithRemoting(new RemoteOptions
            {
                HostName = settings.Hostname,
                PublicHostName = string.IsNullOrWhiteSpace(settings.PublicHostname) ? null : settings.PublicHostname,
                Port = settings.Port,
            })
            .WithClustering(new ClusterOptions
            {
                Roles = settings.ClusterRoles.ToArray(),
                SeedNodes = settings.SeedNodes.ToArray(),
                // Keep-majority: on a partition the side with more nodes stays and the other downs itself; with
                // equal halves the side holding the lowest address stays. A crashed node is downed the same way.
                // Only routing nodes count: API-only nodes hold nothing, and losing one must never down a routing
                // node (with one of each, the tie-break would keep the API node if its address were lower).
                SplitBrainResolver = new KeepMajorityOption { Role = ContactCenterSettings.RoutingRole },
            })
            .AddHocon($$"""
                akka.cluster {
                  failure-detector.heartbeat-interval = 500ms
                  failure-detector.acceptable-heartbeat-pause = {{Hocon(settings.HeartbeatPause)}}
                  split-brain-resolver.stable-after = {{Hocon(settings.DowningStableAfter)}}
                  down-removal-margin = {{Hocon(settings.DownRemovalMargin)}}
                  # The leader removes a downed member at its next action after gossip converges (defaults 1 s each).
                  leader-actions-interval = 500ms
                  gossip-interval = 500ms
                }
                akka.cluster.distributed-data {
                  gossip-interval = 500ms
                  notify-subscribers-interval = 20ms
                }
                akka.cluster.sharding.coordinator-failure-backoff = 2s
                # A region asks a new coordinator to register it, and a shard's home, every second (default 2 s).
                akka.cluster.sharding.retry-interval = 1s
                akka.coordinated-shutdown.exit-clr = off
                """, HoconAddMode.Prepend);
        if (settings.SeedNodes.Count == 0)
        {
            // Alone: form a one-node cluster on whatever address we bound.
            builder.AddStartup((system, _) =>
            {
                var cluster = Cluster.Get(system);
                cluster.Join(cluster.SelfAddress);
            });
        }
        return builder;
    }

    private static string Hocon(TimeSpan value) => $"{(long)value.TotalMilliseconds}ms";

    public static AkkaConfigurationBuilder WithContactCenterRouting(this AkkaConfigurationBuilder builder, ContactCenterSettings settings)
    {
        builder.WithActors((system, registry, resolver) =>
        {
            registry.Register<QueueDirectoryKey>(system.ActorOf(resolver.Props<QueueDirectoryActor>(), "queue-directory"));
            system.ActorOf(resolver.Props<JournalPulseRelay>(), "journal-pulse");
            system.ActorOf(resolver.Props<Entries.EntryPlanReplica>(), "entry-plan-replica");
        });

        if (!settings.HostsEntities)
        {
            return builder
                .WithShardRegionProxy<CallRegion>("call", ContactCenterSettings.RoutingRole, EntityMessageExtractor.Calls)
                .WithShardRegionProxy<AgentRegion>("agent", ContactCenterSettings.RoutingRole, EntityMessageExtractor.Agents)
                .WithShardRegionProxy<QueueRegion>("queue", ContactCenterSettings.RoutingRole, EntityMessageExtractor.Queues)
                .WithShardRegionProxy<IdempotencyRegion>("idempotency", ContactCenterSettings.RoutingRole, EntityMessageExtractor.Idempotency)
                .WithShardRegionProxy<AdapterCursorRegion>("adapter-cursor", ContactCenterSettings.RoutingRole, EntityMessageExtractor.AdapterCursors)
                .WithShardRegionProxy<EntryPlanRegion>("entry-plan", ContactCenterSettings.RoutingRole, EntityMessageExtractor.EntryPlans)
                .WithShardRegionProxy<Transfers.TransferWatchRegion>("transfer-watch", ContactCenterSettings.RoutingRole, Transfers.TransferWatchActor.Extractor)
                .WithShardRegionProxy<Departments.DepartmentInboxRegion>("department-inbox", ContactCenterSettings.RoutingRole, Departments.DepartmentInboxActor.Extractor);
        }

        return builder
            .WithShardRegion<CallRegion>("call",
                (_, _, resolver) => id => resolver.Props<CallActor>(id), EntityMessageExtractor.Calls, Options(rememberEntities: false))
            .WithShardRegion<AgentRegion>("agent",
                (_, _, resolver) => id => resolver.Props<AgentActor>(id), EntityMessageExtractor.Agents, Options(rememberEntities: true))
            .WithShardRegion<QueueRegion>("queue",
                (_, _, resolver) => id => resolver.Props<SkillQueueActor>(id), EntityMessageExtractor.Queues, Options(rememberEntities: true))
            .WithShardRegion<IdempotencyRegion>("idempotency",
                (_, _, resolver) => id => resolver.Props<IdempotencyActor>(id), EntityMessageExtractor.Idempotency, Options(rememberEntities: false))
            .WithShardRegion<AdapterCursorRegion>("adapter-cursor",
                (_, _, resolver) => id => resolver.Props<AdapterCursorActor>(id), EntityMessageExtractor.AdapterCursors, Options(rememberEntities: false))
            .WithShardRegion<EntryPlanRegion>("entry-plan",
                (_, _, resolver) => id => resolver.Props<Entries.EntryPlanActor>(id), EntityMessageExtractor.EntryPlans, Options(rememberEntities: true))
            .WithShardRegion<Transfers.TransferWatchRegion>("transfer-watch",
                (_, _, resolver) => id => resolver.Props<Transfers.TransferWatchActor>(id), Transfers.TransferWatchActor.Extractor, Options(rememberEntities: true))
            .WithShardRegion<Departments.DepartmentInboxRegion>("department-inbox",
                (_, _, resolver) => id => resolver.Props<Departments.DepartmentInboxActor>(id), Departments.DepartmentInboxActor.Extractor, Options(rememberEntities: false));
    }

    /// <summary>
    /// Agents and queues are remembered so their deadlines fire and their lines are served after a restart or
    /// a rebalance; calls are woken by the queue or agent that holds them.
    /// </summary>
    private static ShardOptions Options(bool rememberEntities) => new()
    {
        Role = ContactCenterSettings.RoutingRole,
        RememberEntities = rememberEntities,
        RememberEntitiesStore = RememberEntitiesStore.Eventsourced,
        StateStoreMode = StateStoreMode.Persistence,
    };
}
