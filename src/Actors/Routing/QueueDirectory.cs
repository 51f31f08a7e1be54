using System.Collections.Immutable;
using ContactCenter.Actors.Serialization;

namespace ContactCenter.Actors.Routing;

/// <summary>
/// A queue's entry in the cluster-wide directory: the skill and level it requires, and its opening hours
/// and closed handling (so a call is decided at arrival on any node). The incarnation changes each time the
/// queue actor starts or is reconfigured, which tells idle agents to announce themselves again.
/// </summary>
public sealed record QueueRoute(
    string QueueId, string Skill, int MinLevel, string Incarnation,
    Calendar.BusinessCalendar? Hours = null, Queues.ClosedHandling? WhenClosed = null,
    Queues.QueueOverride Override = Queues.QueueOverride.None,
    Transfers.TransferRules? Transfers = null) : IContactCenterMessage
{
    /// <summary>Open now for a new call? Not while an operator has it closed or draining; otherwise its hours decide.</summary>
    public bool IsOpen(DateTimeOffset instant) => Override == Queues.QueueOverride.None && (Hours?.IsOpen(instant) ?? true);
}

/// <summary>Published on the node's event stream when queue routes change.</summary>
public sealed record QueueDirectoryChanged(ImmutableArray<string> QueueIds);

/// <summary>
/// The node's read-only view of the queue directory (replicated with Akka.DistributedData). Agents read it
/// to learn which queues they serve; only the directory actor writes it.
/// </summary>
public sealed class QueueDirectory
{
    private ImmutableDictionary<string, QueueRoute> _routes = ImmutableDictionary<string, QueueRoute>.Empty;

    public ImmutableDictionary<string, QueueRoute> Routes => Volatile.Read(ref _routes);

    internal void Replace(ImmutableDictionary<string, QueueRoute> routes) => Volatile.Write(ref _routes, routes);

    /// <summary>The queues an agent with these skills serves, with the agent's level for each.</summary>
    public IEnumerable<(QueueRoute Route, int Level)> QueuesFor(IReadOnlyDictionary<string, int> skills)
    {
        foreach (var route in Routes.Values)
        {
            if (skills.TryGetValue(route.Skill, out var level) && level >= route.MinLevel && level > 0)
                yield return (route, level);
        }
    }
}
