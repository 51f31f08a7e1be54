using System.Collections.Immutable;
using System.Text.Json.Serialization;
using ContactCenter.Actors.Serialization;

namespace ContactCenter.Actors.Queues;

/// <summary>
/// One escalation step (a bullseye ring): once a call has waited <paramref name="After"/>, it is also offered to
/// a wider audience: the queue's own skill from a lower <paramref name="MinLevel"/>, agents with another
/// <paramref name="Skill"/>, the agents of another queue (<paramref name="QueueId"/>), or a <paramref name="Team"/>.
/// Fields given together must all match.
/// </summary>
public sealed record EscalationStep(
    TimeSpan After, int? MinLevel = null, string? Skill = null, string? QueueId = null, string? Team = null)
    : IContactCenterMessage;

/// <summary>
/// A queue's hypercare period: from <paramref name="GoLive"/> for <paramref name="Weeks"/> weeks the handing-over
/// <paramref name="Department"/>'s staff (with <paramref name="Skill"/>, default the queue's, optionally one
/// <paramref name="Team"/>) also take the queue's calls while it is overloaded. On when the oldest call waited
/// above <paramref name="OldestWaitAbove"/>, the live service level is below <paramref name="ServiceLevelBelowPercent"/>
/// or the estimated wait is above <paramref name="EstimatedWaitAbove"/>; off only when every measure is back under
/// its off level (hysteresis) and the overflow has lasted <paramref name="MinimumOn"/>, or when the period ends.
/// </summary>
public sealed record HypercareSettings(
    DateTimeOffset GoLive,
    int Weeks,
    string Department,
    string? Skill = null,
    int MinLevel = 1,
    string? Team = null,
    TimeSpan? OldestWaitAbove = null,
    int? ServiceLevelBelowPercent = null,
    TimeSpan? EstimatedWaitAbove = null,
    TimeSpan? OldestWaitOffBelow = null,
    int? ServiceLevelOffAtPercent = null,
    TimeSpan? EstimatedWaitOffBelow = null,
    TimeSpan? MinimumOn = null) : IContactCenterMessage
{
    public static readonly TimeSpan DefaultOldestWaitAbove = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan DefaultMinimumOn = TimeSpan.FromSeconds(30);

    [JsonIgnore]
    public DateTimeOffset Ends => GoLive + TimeSpan.FromDays(7 * Weeks);

    public bool InPeriod(DateTimeOffset now) => now >= GoLive && now < Ends;

    /// <summary>With no trigger given, the oldest wait above 60 s turns the overflow on.</summary>
    [JsonIgnore]
    public TimeSpan? EffectiveOldestWaitAbove =>
        OldestWaitAbove ?? (ServiceLevelBelowPercent is null && EstimatedWaitAbove is null ? DefaultOldestWaitAbove : null);

    [JsonIgnore]
    public TimeSpan? EffectiveOldestWaitOffBelow => OldestWaitOffBelow ?? EffectiveOldestWaitAbove / 2;
    [JsonIgnore]
    public int? EffectiveServiceLevelOffAt => ServiceLevelOffAtPercent ?? (ServiceLevelBelowPercent is { } p ? Math.Min(100, p + 5) : null);
    [JsonIgnore]
    public TimeSpan? EffectiveEstimatedWaitOffBelow => EstimatedWaitOffBelow ?? EstimatedWaitAbove / 2;
    [JsonIgnore]
    public TimeSpan EffectiveMinimumOn => MinimumOn ?? DefaultMinimumOn;

    public IEnumerable<string> Validate(string path)
    {
        if (Weeks is < 1 or > 104) yield return $"{path}.weeks: {Weeks} is outside 1-104";
        if (string.IsNullOrWhiteSpace(Department)) yield return $"{path}.department: must not be empty";
        if (MinLevel is < 1 or > 9) yield return $"{path}.minLevel: {MinLevel} is outside 1-9";
        if (OldestWaitAbove is { } o && o <= TimeSpan.Zero) yield return $"{path}.oldestWaitAbove: must be positive";
        if (EstimatedWaitAbove is { } e && e <= TimeSpan.Zero) yield return $"{path}.estimatedWaitAbove: must be positive";
        if (ServiceLevelBelowPercent is < 1 or > 100) yield return $"{path}.serviceLevelBelowPercent: {ServiceLevelBelowPercent} is outside 1-100";
        if (EffectiveOldestWaitOffBelow > EffectiveOldestWaitAbove)
            yield return $"{path}.oldestWaitOffBelow: must not be above oldestWaitAbove";
        if (EffectiveEstimatedWaitOffBelow > EstimatedWaitAbove)
            yield return $"{path}.estimatedWaitOffBelow: must not be above estimatedWaitAbove";
        if (EffectiveServiceLevelOffAt < ServiceLevelBelowPercent)
            yield return $"{path}.serviceLevelOffAtPercent: must not be below serviceLevelBelowPercent";
        if (EffectiveMinimumOn < TimeSpan.Zero || EffectiveMinimumOn > TimeSpan.FromHours(1))
            yield return $"{path}.minimumOn: {EffectiveMinimumOn} is outside 0 s - 1 h";
    }
}

/// <summary>
/// Extra agents a queue currently wants, published in its route: agents that match announce themselves to it
/// with the <paramref name="Ring"/> (1.. = escalation step, <see cref="HypercareRing"/> = hypercare staff).
/// Every field given must match.
/// </summary>
public sealed record QueueAudience(
    int Ring, string? Skill = null, int MinLevel = 1, string? ViaQueueId = null, string? Team = null, string? Department = null)
    : IContactCenterMessage
{
    public const int HypercareRing = 99;

    public static ImmutableList<QueueAudience> For(QueueConfig config, IEnumerable<int> activeRings)
    {
        var audiences = ImmutableList.CreateBuilder<QueueAudience>();
        var steps = config.EffectiveEscalation;
        foreach (var ring in activeRings.Order())
        {
            if (ring == HypercareRing && config.Hypercare is { } h)
            {
                audiences.Add(new QueueAudience(ring, h.Skill ?? config.RequiredSkill, h.MinLevel, Team: h.Team, Department: h.Department));
            }
            else if (ring >= 1 && ring <= steps.Count)
            {
                var s = steps[ring - 1];
                var skill = s.Skill ?? (s.QueueId is null && s.Team is null ? config.RequiredSkill : null);
                audiences.Add(new QueueAudience(ring, skill, s.MinLevel ?? 1, s.QueueId, s.Team));
            }
        }
        return audiences.ToImmutable();
    }
}

/// <summary>Validation of the escalation steps of a queue.</summary>
public static class EscalationRules
{
    public static IEnumerable<string> Validate(QueueConfig config)
    {
        var steps = config.EffectiveEscalation;
        var previous = TimeSpan.Zero;
        for (var i = 0; i < steps.Count; i++)
        {
            var s = steps[i];
            var path = $"escalation[{i}]";
            if (s.After <= TimeSpan.Zero || s.After > TimeSpan.FromHours(2)) yield return $"{path}.after: {s.After} is outside (0 s, 2 h]";
            else if (s.After <= previous) yield return $"{path}.after: steps must come in increasing order of time";
            previous = s.After;
            if (s.MinLevel is null && s.Skill is null && s.QueueId is null && s.Team is null)
                yield return $"{path}: names no audience (minLevel, skill, queueId or team)";
            if (s.MinLevel is < 1 or > 9) yield return $"{path}.minLevel: {s.MinLevel} is outside 1-9";
            else if (s.MinLevel is { } level && s.Skill is null && s.QueueId is null && s.Team is null && level >= config.MinLevel)
                yield return $"{path}.minLevel: {level} does not widen the queue's minLevel {config.MinLevel}";
            if (s.QueueId is not null && string.IsNullOrWhiteSpace(s.QueueId)) yield return $"{path}.queueId: must not be empty";
        }
        if (steps.Count > 9) yield return "escalation: at most 9 steps";
    }
}
