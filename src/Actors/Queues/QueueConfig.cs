using System.Collections.Immutable;
using System.Text.Json.Serialization;
using ContactCenter.Actors.Calendar;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Serialization;

namespace ContactCenter.Actors.Queues;

/// <summary>Everything a supervisor sets on a skill queue.</summary>
public sealed record QueueConfig(
    string Name,
    string RequiredSkill,
    int MinLevel = 1,
    RoutingStrategy Strategy = RoutingStrategy.HighestLevelLongestIdle,
    TimeSpan? WrapUp = null,
    TimeSpan? OfferTimeout = null,
    int ServiceLevelPercent = 80,
    TimeSpan? ServiceLevelThreshold = null,
    ImmutableList<string>? LinearOrder = null,
    BusinessCalendar? Hours = null,
    ClosedHandling? WhenClosed = null,
    AtClosing WaitingAtClosing = AtClosing.Serve,
    CallbackSettings? Callbacks = null,
    ImmutableList<EscalationStep>? Escalation = null,
    HypercareSettings? Hypercare = null,

    Transfers.TransferRules? Transfers = null) : IContactCenterMessage
{
    public static readonly TimeSpan DefaultWrapUp = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan DefaultOfferTimeout = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan DefaultServiceLevelThreshold = TimeSpan.FromSeconds(20);

    [JsonIgnore]
    public TimeSpan EffectiveWrapUp => WrapUp ?? DefaultWrapUp;
    [JsonIgnore]
    public TimeSpan EffectiveOfferTimeout => OfferTimeout ?? DefaultOfferTimeout;
    [JsonIgnore]
    public TimeSpan EffectiveServiceLevelThreshold => ServiceLevelThreshold ?? DefaultServiceLevelThreshold;
    [JsonIgnore]
    public ImmutableList<string> EffectiveLinearOrder => LinearOrder ?? ImmutableList<string>.Empty;

    [JsonIgnore]
    public ImmutableList<EscalationStep> EffectiveEscalation => Escalation ?? ImmutableList<EscalationStep>.Empty;

    [JsonIgnore]
    public ClosedHandling EffectiveWhenClosed => WhenClosed ?? ClosedHandling.AnnounceNextOpening;

    /// <summary>Every problem with this configuration, each naming its field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Name)) errors.Add("name: must not be empty");
        if (string.IsNullOrWhiteSpace(RequiredSkill)) errors.Add("requiredSkill: must not be empty");
        if (MinLevel is < 1 or > 9) errors.Add($"minLevel: {MinLevel} is outside 1-9");
        if (!Enum.IsDefined(Strategy)) errors.Add($"strategy: {Strategy} is not a routing strategy");
        if (EffectiveWrapUp < TimeSpan.Zero || EffectiveWrapUp > TimeSpan.FromHours(1))
            errors.Add($"wrapUp: {EffectiveWrapUp} is outside 0 s - 1 h");
        if (EffectiveOfferTimeout <= TimeSpan.Zero || EffectiveOfferTimeout > TimeSpan.FromMinutes(5))
            errors.Add($"offerTimeout: {EffectiveOfferTimeout} is outside (0 s, 5 min]");
        if (ServiceLevelPercent is < 1 or > 100) errors.Add($"serviceLevelPercent: {ServiceLevelPercent} is outside 1-100");
        if (EffectiveServiceLevelThreshold <= TimeSpan.Zero)
            errors.Add("serviceLevelThreshold: must be positive");
        if (Hours is not null) errors.AddRange(Hours.Validate().Select(e => "hours." + e));
        errors.AddRange(EffectiveWhenClosed.Validate("whenClosed"));
        if (!Enum.IsDefined(WaitingAtClosing)) errors.Add($"waitingAtClosing: {WaitingAtClosing} is not a closing rule");
        if (Callbacks is not null) errors.AddRange(Callbacks.Validate("callbacks"));
        errors.AddRange(EscalationRules.Validate(this));
        if (Hypercare is not null) errors.AddRange(Hypercare.Validate("hypercare"));
        if (Transfers is not null) errors.AddRange(Transfers.Validate("transfers"));
        return errors;
    }
}
