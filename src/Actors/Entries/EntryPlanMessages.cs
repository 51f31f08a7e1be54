using System.Collections.Immutable;
using ContactCenter.Actors.Departments;
using ContactCenter.Actors.Serialization;

namespace ContactCenter.Actors.Entries;

/// <summary>Every message for the entry plan entity carries its id (one plan per center: <see cref="EntryPlan.CenterId"/>).</summary>
public interface IWithEntryPlanId : IContactCenterMessage
{
    string PlanId { get; }
}

/// <summary>Supervisors' and the configuration loader's changes to directory, numbers, menus and routing plan.</summary>
public static class EntryPlanCommands
{
    public sealed record SetTarget(string PlanId, DirectoryTarget Target) : IWithEntryPlanId;

    public sealed record RemoveTarget(string PlanId, string TargetId) : IWithEntryPlanId;

    public sealed record SetNumber(string PlanId, EntryNumber Entry) : IWithEntryPlanId;

    public sealed record RemoveNumber(string PlanId, string Number) : IWithEntryPlanId;

    public sealed record SetMenu(string PlanId, IvrMenu Menu) : IWithEntryPlanId;

    public sealed record RemoveMenu(string PlanId, string MenuId) : IWithEntryPlanId;

    /// <summary>From <paramref name="EffectiveFrom"/> (null: now) calls for the area go to the destination.</summary>
    public sealed record ScheduleChange(string PlanId, string Area, DateTimeOffset? EffectiveFrom, Destination Destination, string? Note = null)
        : IWithEntryPlanId;

    /// <summary>Cancels a scheduled change; refused once it is in effect.</summary>
    public sealed record CancelChange(string PlanId, int Version) : IWithEntryPlanId;

    /// <summary>
    /// The configuration file's sections: adds what the plan does not have yet (targets, numbers and menus by id,
    /// plan changes for areas that have none) and never overwrites an operator's later change.
    /// </summary>
    public sealed record Seed(
        string PlanId,
        ImmutableArray<DirectoryTarget> Targets,
        ImmutableArray<EntryNumber> Numbers,
        ImmutableArray<IvrMenu> Menus,
        ImmutableArray<ScheduleChange> Changes) : IWithEntryPlanId;

    public sealed record GetEntryPlan(string PlanId) : IWithEntryPlanId;
}

/// <summary>What the entry plan entity persists.</summary>
public static class EntryPlanEvents
{
    public interface IEntryPlanEvent : IContactCenterMessage
    {
        DateTimeOffset At { get; }
    }

    public sealed record TargetSet(DirectoryTarget Target, DateTimeOffset At) : IEntryPlanEvent;

    public sealed record TargetRemoved(string TargetId, DateTimeOffset At) : IEntryPlanEvent;

    public sealed record NumberSet(EntryNumber Entry, DateTimeOffset At) : IEntryPlanEvent;

    public sealed record NumberRemoved(string Number, DateTimeOffset At) : IEntryPlanEvent;

    public sealed record MenuSet(IvrMenu Menu, DateTimeOffset At) : IEntryPlanEvent;

    public sealed record MenuRemoved(string MenuId, DateTimeOffset At) : IEntryPlanEvent;

    public sealed record ChangeScheduled(PlanChange Change, DateTimeOffset At) : IEntryPlanEvent;

    public sealed record ChangeCancelled(int Version, DateTimeOffset At) : IEntryPlanEvent;
}
