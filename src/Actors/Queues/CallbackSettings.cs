using System.Text.Json.Serialization;
using ContactCenter.Actors.Serialization;

namespace ContactCenter.Actors.Queues;

/// <summary>
/// A queue's callback rule: when the caller is offered a callback instead of waiting, and how the dial-out is
/// retried. Travels in the queue's route so a call entity decides a request on any node.
/// </summary>
public sealed record CallbackSettings(
    bool Enabled = true,
    int OfferWhenMoreWaitingThan = 5,
    TimeSpan? OfferWhenWaitAbove = null,
    int MaxAttempts = 3,
    TimeSpan? RetryBackoff = null,
    TimeSpan? DialTimeout = null,
    TimeSpan? LatestScheduleAhead = null) : IContactCenterMessage
{
    public static readonly CallbackSettings Defaults = new();
    public static readonly TimeSpan DefaultWaitAbove = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan DefaultRetryBackoff = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan DefaultDialTimeout = TimeSpan.FromSeconds(45);
    public static readonly TimeSpan DefaultScheduleAhead = TimeSpan.FromDays(14);

    [JsonIgnore]
    public TimeSpan EffectiveWaitAbove => OfferWhenWaitAbove ?? DefaultWaitAbove;
    [JsonIgnore]
    public TimeSpan EffectiveRetryBackoff => RetryBackoff ?? DefaultRetryBackoff;
    [JsonIgnore]
    public TimeSpan EffectiveDialTimeout => DialTimeout ?? DefaultDialTimeout;
    [JsonIgnore]
    public TimeSpan EffectiveScheduleAhead => LatestScheduleAhead ?? DefaultScheduleAhead;

    public IEnumerable<string> Validate(string path)
    {
        if (OfferWhenMoreWaitingThan is < 0 or > 1000) yield return $"{path}.offerWhenMoreWaitingThan: {OfferWhenMoreWaitingThan} is outside 0-1000";
        if (EffectiveWaitAbove <= TimeSpan.Zero || EffectiveWaitAbove > TimeSpan.FromHours(2))
            yield return $"{path}.offerWhenWaitAbove: {EffectiveWaitAbove} is outside (0 s, 2 h]";
        if (MaxAttempts is < 1 or > 10) yield return $"{path}.maxAttempts: {MaxAttempts} is outside 1-10";
        if (EffectiveRetryBackoff <= TimeSpan.Zero || EffectiveRetryBackoff > TimeSpan.FromHours(4))
            yield return $"{path}.retryBackoff: {EffectiveRetryBackoff} is outside (0 s, 4 h]";
        if (EffectiveDialTimeout <= TimeSpan.Zero || EffectiveDialTimeout > TimeSpan.FromMinutes(5))
            yield return $"{path}.dialTimeout: {EffectiveDialTimeout} is outside (0 s, 5 min]";
        if (EffectiveScheduleAhead <= TimeSpan.Zero || EffectiveScheduleAhead > TimeSpan.FromDays(90))
            yield return $"{path}.latestScheduleAhead: {EffectiveScheduleAhead} is outside (0 s, 90 days]";
    }
}
