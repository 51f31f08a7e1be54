using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ContactCenter.Actors.Statistics;

/// <summary>
/// Measurements the actors take, as System.Diagnostics.Metrics instruments; the host exports them on /metrics
/// (prometheus-net's meter adapter) as contactcenter_persistence_latency_seconds and contactcenter_routing_decision_seconds. Recording costs nothing when nobody listens.
/// </summary>
public static class NodeMetrics
{
    public const string MeterName = "ContactCenter";
    private static readonly Meter Meter = new(MeterName);

    /// <summary>From persisting an entity's events to the journal's confirmation of the last one, by entity type.</summary>
    public static readonly Histogram<double> PersistenceLatency = Meter.CreateHistogram<double>(
        "persistence_latency_seconds", "s", "Time from persisting an entity's events to the journal's confirmation");

    /// <summary>From a queue proposing a call to an agent to the agent's answer (accepted, declined) or the proposal's expiry.</summary>
    public static readonly Histogram<double> RoutingDecisionLatency = Meter.CreateHistogram<double>(
        "routing_decision_seconds", "s", "Time from a queue proposing a call to an agent until the agent's decision");

    public static void RecordSince(Histogram<double> histogram, long startedTimestamp, string label, string value) =>
        histogram.Record(Stopwatch.GetElapsedTime(startedTimestamp).TotalSeconds, new KeyValuePair<string, object?>(label, value));
}
