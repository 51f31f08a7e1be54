using Akka.Cluster.Hosting;
using Akka.Hosting;
using ContactCenter.Actors.Hosting;

namespace ContactCenter.Actors.Statistics;

/// <summary>Statistics settings, section "ContactCenter:Statistics" (docs/statistics.md).</summary>
public sealed class StatisticsSettings
{
    /// <summary>Abandoned calls that waited at most this long are reported apart as short abandons.</summary>
    public int ShortAbandonSeconds { get; set; } = 5;

    /// <summary>Handle time used by the wait estimate before any call of the day is handled (71 s talk + 20 s after-call work).</summary>
    public double DefaultHandleSeconds { get; set; } = 91;

    /// <summary>Queue id → department, for the per-department totals of the service delivery agreements.</summary>
    public Dictionary<string, string> Departments { get; set; } = [];

    /// <summary>
    /// A call neither connected nor ended this long after it arrived is woken every half of this, so what it
    /// waits on resumes even when the message that should have woken it was lost with a node.
    /// </summary>
    public TimeSpan WakeOpenCallsAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Quarter-hour figures are kept this many days back from the newest day with figures; older days are
    /// rolled up into one figure per day (<see cref="StatisticsRollup"/>), checked every hour.
    /// </summary>
    public int KeepQuarterHoursDays { get; set; } = 62;

    public ReportSettings ToReportSettings() => new(ShortAbandonSeconds, 20, DefaultHandleSeconds, Departments);
}

public static class StatisticsSetup
{
    /// <summary>The projection runs as one cluster singleton on the routing nodes; every node gets a proxy to it.</summary>
    public static AkkaConfigurationBuilder WithContactCenterStatistics(this AkkaConfigurationBuilder builder, ContactCenterSettings settings)
    {
        var options = new ClusterSingletonOptions { Role = ContactCenterSettings.RoutingRole };
        return settings.HostsEntities
            ? builder.WithSingleton<StatisticsProjectionKey>("statistics", (_, _, _) => StatisticsProjection.Props(settings.Statistics), options)
            : builder.WithSingletonProxy<StatisticsProjectionKey>("statistics", options);
    }
}
