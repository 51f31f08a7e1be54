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
    ImmutableList<Queues.QueueAudience>? Extra = null,
    Queues.CallbackSettings? Callbacks = null,

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

    /// <summary>
    /// The queues an agent serves, with its level and ring: 0 through the queue's own skill, otherwise the lowest
    /// ring of an extra audience the queue currently publishes (escalation step or hypercare) that the agent matches.
    /// </summary>
    public IEnumerable<(QueueRoute Route, int Level, int Ring)> Reach(Agents.AgentProfile profile)
    {
        var routes = Routes;
        foreach (var route in routes.Values)
        {
            var own = profile.Skills.GetValueOrDefault(route.Skill);
            if (own >= route.MinLevel && own > 0)
            {
                yield return (route, own, 0);
                continue;
            }
            foreach (var audience in (route.Extra ?? ImmutableList<Queues.QueueAudience>.Empty).OrderBy(a => a.Ring))
            {
                if (!Matches(audience, profile, routes)) continue;
                var level = own > 0 ? own : audience.Skill is { } s ? profile.Skills.GetValueOrDefault(s) : 1;
                yield return (route, Math.Max(level, 1), audience.Ring);
                break;
            }
        }
    }

    private static bool Matches(Queues.QueueAudience a, Agents.AgentProfile p, ImmutableDictionary<string, QueueRoute> routes)
    {
        if (a.Skill is { } skill && p.Skills.GetValueOrDefault(skill) < Math.Max(a.MinLevel, 1)) return false;
        if (a.Team is { } team && !string.Equals(p.Team, team, StringComparison.OrdinalIgnoreCase)) return false;
        if (a.Department is { } dept && !string.Equals(p.Department, dept, StringComparison.OrdinalIgnoreCase)) return false;
        if (a.ViaQueueId is { } via)
        {
            if (!routes.TryGetValue(via, out var other)) return false;
            var level = p.Skills.GetValueOrDefault(other.Skill);
            if (level < other.MinLevel || level <= 0) return false;
        }
        return true;
    }
}
