using ContactCenter.Actors.Entries;
using ContactCenter.Actors.Routing;

namespace ContactCenter.Actors.Transfers;

/// <summary>
/// A transfer to a department directory target: the id is looked up in the node's entry plan (the lookup closed
/// handling uses) and becomes an external leg on the target's number. A target closed at the instant is refused,
/// naming it and its next opening, so the agent can leave a message or a callback request instead.
/// </summary>
public static class DirectoryTransfer
{
    /// <summary>The external target to dial, or the rejection (NotFound for an unknown id, IllegalTransition while closed).</summary>
    public static (TransferTarget? Target, RejectionCode Code, string? Problem) Resolve(EntryPlan plan, string targetId, DateTimeOffset now)
    {
        if (plan.Lookup(targetId, now) is not { } found)
            return (null, RejectionCode.NotFound, $"target: directory target '{targetId}' does not exist");
        if (!found.OpenNow)
        {
            var name = plan.Targets[targetId].Name;
            var opens = found.NextOpening is { } at
                ? $"it opens next {at:O}"
                : $"it has no opening within {Calendar.BusinessCalendar.SearchHorizonDays} days";
            return (null, RejectionCode.IllegalTransition,
                $"target: directory target '{targetId}' ({name}) is closed now; {opens}. Leave a message or a callback request for the department instead");
        }
        return (new TransferTarget(TransferTargetKind.External, found.Number), default, null);
    }
}
