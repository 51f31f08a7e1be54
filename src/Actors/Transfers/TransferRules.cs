using System.Text.RegularExpressions;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Serialization;

namespace ContactCenter.Actors.Transfers;

/// <summary>Whether a call entering this queue by transfer, overflow or callback keeps its wait-time passport.</summary>
public enum PassportRule
{
    /// <summary>The call keeps its original arrival time and priority (the default).</summary>
    Keep,
    /// <summary>The call starts over: arrival is the moment it enters the queue, priority 0.</summary>
    Reset,
}

/// <summary>Where an unanswered cold transfer puts the call back in its original queue.</summary>
public enum ReturnPlacement
{
    /// <summary>At the place it had (its original arrival and priority): the default.</summary>
    OriginalPlace,
    /// <summary>Behind everyone of its priority waiting now (the 2006 concept's "back of the queue").</summary>
    Back,
}

/// <summary>A queue's rules for calls moved between queues. Travels in the queue's route.</summary>
public sealed record TransferRules(
    PassportRule Passport = PassportRule.Keep,
    ReturnPlacement Returned = ReturnPlacement.OriginalPlace) : IContactCenterMessage
{
    public static readonly TransferRules Default = new();

    public IEnumerable<string> Validate(string field)
    {
        if (!Enum.IsDefined(Passport)) yield return $"{field}.passport: {Passport} is not Keep or Reset";
        if (!Enum.IsDefined(Returned)) yield return $"{field}.returned: {Returned} is not OriginalPlace or Back";
    }
}

/// <summary>
/// The wait-time passport: a call's original arrival and priority (its <see cref="CallRank"/>), carried from
/// queue to queue. Transfers use it here; overflow and callbacks should call <see cref="Enter"/> the same way.
/// </summary>
public static class WaitTimePassport
{
    /// <summary>The rank a call has in a queue it enters now, by that queue's passport rule.</summary>
    public static CallRank Enter(CallRank passport, TransferRules? targetRules, DateTimeOffset now) =>
        (targetRules ?? TransferRules.Default).Passport == PassportRule.Reset ? new CallRank(0, now) : passport;

    /// <summary>The rank of a call coming back unanswered to its original queue, by that queue's placement rule.</summary>
    public static CallRank Return(CallRank passport, TransferRules? originalRules, DateTimeOffset now) =>
        (originalRules ?? TransferRules.Default).Returned == ReturnPlacement.Back ? passport with { OriginalArrival = now } : passport;
}

/// <summary>What a transfer goes to.</summary>
public enum TransferTargetKind
{
    Queue,
    Agent,
    /// <summary>A number outside the center (E.164), e.g. a department extension.</summary>
    External,
    /// <summary>
    /// A department directory target id (e.g. "buf-pladsanvisning"): resolved through the entry plan to its number
    /// and then dialled as an <see cref="External"/> leg; refused while the target is closed.
    /// </summary>
    Directory,
}

public enum TransferMode
{
    /// <summary>Blind: the agent leaves at once and goes to wrap-up.</summary>
    Cold,
    /// <summary>Consultative: the caller holds while the agent talks to the target first.</summary>
    Warm,
}

/// <summary>A transfer target: a queue id, an agent id, an E.164 number or a directory target id.</summary>
public sealed partial record TransferTarget(TransferTargetKind Kind, string Id) : IContactCenterMessage
{
    [GeneratedRegex(@"^\+[1-9][0-9]{6,14}$")]
    private static partial Regex E164();

    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}:{Id}";

    public IEnumerable<string> Validate()
    {
        if (!Enum.IsDefined(Kind)) yield return $"targetType: {Kind} is not Queue, Agent, External or Directory";
        if (string.IsNullOrWhiteSpace(Id)) yield return "target: must not be empty";
        else if (Kind == TransferTargetKind.External && !E164().IsMatch(Id))
            yield return $"target: '{Id}' is not an E.164 number (+ and 7-15 digits)";
        else if (Kind == TransferTargetKind.Directory && !Departments.DirectoryIds.IsValid(Id))
            yield return $"target: '{Id}' is not a directory target id (1-64 letters, digits or '-')";
    }
}
