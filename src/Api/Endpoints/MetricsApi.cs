using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using System.Diagnostics.Metrics;
using Akka.Hosting;
using ContactCenter.Actors.Hosting;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Statistics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace ContactCenter.Api;

/// <summary>
/// /metrics in the Prometheus text format (docs/statistics.md): live queue gauges, cluster members, shards and
/// entities hosted by this node (read when scraped), and the actors' latency histograms (routing decision,
/// persistence) from the "ContactCenter" meter. One registry per node, not the process-wide default.
/// </summary>
public static class MetricsApi
{
    public const string Path = "/metrics";
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(3);

    public static IEndpointRouteBuilder MapContactCenterMetrics(this WebApplication app)
    {
        var registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(registry);
        var waiting = factory.CreateGauge("contactcenter_queue_waiting_calls", "Calls waiting in the queue now", "queue");
        var oldest = factory.CreateGauge("contactcenter_queue_oldest_wait_seconds", "Wait of the longest-waiting caller now", "queue");
        var agents = factory.CreateGauge("contactcenter_queue_agents", "Agents serving the queue, by state", "queue", "state");
        var estimate = factory.CreateGauge("contactcenter_queue_estimated_wait_seconds", "Estimated wait for a new caller (-1: unknown)", "queue");
        var serviceLevel = factory.CreateGauge("contactcenter_queue_service_level_30m_percent", "Service level over the last 30 minutes (-1: no calls)", "queue");
        var members = factory.CreateGauge("contactcenter_cluster_members", "Cluster members by status", "status");
        var shards = factory.CreateGauge("contactcenter_shards", "Shards hosted by this node", "region");
        var entities = factory.CreateGauge("contactcenter_entities", "Entities alive on this node", "region");

        ListenToActorHistograms(app, factory);
        var services = app.Services;
        registry.AddBeforeCollectCallback(async ct =>
        {
            var system = services.GetRequiredService<ActorSystem>();
            var settings = services.GetRequiredService<ContactCenterSettings>();
            var actors = ActorRegistry.For(system);

            foreach (var status in Enum.GetValues<MemberStatus>())
                members.WithLabels(status.ToString()).Set(Cluster.Get(system).State.Members.Count(m => m.Status == status));

            if (settings.HostsEntities)
            {
                foreach (var (name, region) in new[]
                         {
                             ("call", actors.Get<CallRegion>()), ("agent", actors.Get<AgentRegion>()), ("queue", actors.Get<QueueRegion>()),
                         })
                {
                    try
                    {
                        var state = await region.Ask<CurrentShardRegionState>(GetShardRegionState.Instance, AskTimeout, ct);
                        shards.WithLabels(name).Set(state.Shards.Count);
                        entities.WithLabels(name).Set(state.Shards.Sum(s => s.EntityIds.Count));
                    }
                    catch (AskTimeoutException)
                    {
                        // Left at its last value; the scrape still answers.
                    }
                }
            }

            try
            {
                var live = await StatisticsApi.Live(
                    services.GetRequiredService<IRequiredActor<StatisticsProjectionKey>>(), services.GetRequiredService<IRequiredActor<QueueRegion>>(),
                    settings, services.GetRequiredService<TimeProvider>(), null);
                foreach (var q in live)
                {
                    waiting.WithLabels(q.QueueId).Set(q.WaitingNow);
                    oldest.WithLabels(q.QueueId).Set(q.OldestWaitSeconds);
                    agents.WithLabels(q.QueueId, "ready").Set(q.Agents.Ready);
                    agents.WithLabels(q.QueueId, "on-call").Set(q.Agents.OnCall);
                    agents.WithLabels(q.QueueId, "wrap-up").Set(q.Agents.WrapUp);
                    agents.WithLabels(q.QueueId, "paused").Set(q.Agents.Paused);
                    estimate.WithLabels(q.QueueId).Set(q.EstimatedWaitSeconds ?? -1);
                    serviceLevel.WithLabels(q.QueueId).Set(q.ServiceLevelLast30MinutesPercent ?? -1);
                }
            }
            catch (AskTimeoutException)
            {
                // The projection or a queue did not answer in time; the gauges keep their last values.
            }
        });

        app.MapGet(Path, async (HttpContext http) =>
        {
            http.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await registry.CollectAndExportAsTextAsync(http.Response.Body, http.RequestAborted);
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Feeds the actors' histograms (System.Diagnostics.Metrics, meter "ContactCenter") into this node's registry.
    /// A listener sees every recording in the process; a process runs one node outside tests.
    /// </summary>
    private static void ListenToActorHistograms(WebApplication app, IMetricFactory factory)
    {
        double[] buckets = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10];
        var histograms = new Dictionary<string, Histogram>
        {
            [NodeMetrics.PersistenceLatency.Name] = factory.CreateHistogram("contactcenter_persistence_latency_seconds",
                NodeMetrics.PersistenceLatency.Description!, new HistogramConfiguration { LabelNames = ["entity"], Buckets = buckets }),
            [NodeMetrics.RoutingDecisionLatency.Name] = factory.CreateHistogram("contactcenter_routing_decision_seconds",
                NodeMetrics.RoutingDecisionLatency.Description!, new HistogramConfiguration { LabelNames = ["outcome"], Buckets = buckets }),
        };
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == NodeMetrics.MeterName && histograms.ContainsKey(instrument.Name)) l.EnableMeasurementEvents(instrument);
            },
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            histograms[instrument.Name].WithLabels(tags.Length > 0 ? tags[0].Value?.ToString() ?? "" : "").Observe(value));
        listener.Start();
        app.Lifetime.ApplicationStopping.Register(listener.Dispose);
    }
}
