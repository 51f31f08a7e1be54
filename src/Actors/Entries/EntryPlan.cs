using System.Collections.Immutable;
using ContactCenter.Actors.Departments;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Serialization;
using static ContactCenter.Actors.Entries.EntryPlanCommands;
using static ContactCenter.Actors.Entries.EntryPlanEvents;

namespace ContactCenter.Actors.Entries;

/// <summary>
/// The center's entry plan: the directory of department targets, the dialled numbers, the voice menus and the
/// versioned routing plan (area → destination from an instant on). Pure: decide returns events or a rejection,
/// apply folds an event. Replicated whole to every node, so a call resolves its route locally by its arrival
/// time: a change scheduled ahead applies at the exact instant everywhere, with no timer.
/// </summary>
public sealed record EntryPlan(
    long Revision,
    ImmutableSortedDictionary<string, DirectoryTarget> Targets,
    ImmutableSortedDictionary<string, EntryNumber> Numbers,
    ImmutableSortedDictionary<string, IvrMenu> Menus,
    ImmutableList<PlanChange> Changes) : IContactCenterMessage
{
    public const string CenterId = "center";

    public static readonly EntryPlan Empty = new(0,
        ImmutableSortedDictionary<string, DirectoryTarget>.Empty, ImmutableSortedDictionary<string, EntryNumber>.Empty,
        ImmutableSortedDictionary<string, IvrMenu>.Empty, ImmutableList<PlanChange>.Empty);

    public EntryNumber? NumberFor(string? dialled) => Numbers.GetValueOrDefault(PhoneNumber.Normalize(dialled));

    /// <summary>The plan change that routes the area's calls at <paramref name="instant"/>: the latest in effect.</summary>
    public PlanChange? RouteFor(string area, DateTimeOffset instant) => Changes
        .Where(c => c.Area == area && !c.IsCancelled && c.EffectiveFrom <= instant)
        .OrderBy(c => c.EffectiveFrom).ThenBy(c => c.Version)
        .LastOrDefault();

    /// <summary>Changes not in effect yet and not cancelled, soonest first.</summary>
    public IEnumerable<PlanChange> Upcoming(DateTimeOffset now) =>
        Changes.Where(c => !c.IsCancelled && c.EffectiveFrom > now).OrderBy(c => c.EffectiveFrom).ThenBy(c => c.Version);

    public IEnumerable<string> Areas => Changes.Select(c => c.Area).Distinct().Order(StringComparer.Ordinal);

    /// <summary>Where the transfer and forward paths dial a directory target, and whether it is open at the instant.</summary>
    public DirectoryLookup? Lookup(string targetId, DateTimeOffset instant) =>
        Targets.TryGetValue(targetId, out var t)
            ? new DirectoryLookup(t.Id, PhoneNumber.Normalize(t.Number), t.Hours, t.IsOpen(instant), t.IsOpen(instant) ? null : t.Hours?.NextOpening(instant))
            : null;

    public EntryPlan Apply(IEntryPlanEvent e)
    {
        var next = e switch
        {
            TargetSet s => this with { Targets = Targets.SetItem(s.Target.Id, s.Target with { Number = PhoneNumber.Normalize(s.Target.Number) }) },
            TargetRemoved r => this with { Targets = Targets.Remove(r.TargetId) },
            NumberSet s => this with { Numbers = Numbers.SetItem(PhoneNumber.Normalize(s.Entry.Number), s.Entry with { Number = PhoneNumber.Normalize(s.Entry.Number) }) },
            NumberRemoved r => this with { Numbers = Numbers.Remove(PhoneNumber.Normalize(r.Number)) },
            MenuSet s => this with { Menus = Menus.SetItem(s.Menu.Id, s.Menu) },
            MenuRemoved r => this with { Menus = Menus.Remove(r.MenuId) },
            ChangeScheduled s => this with { Changes = Changes.Add(s.Change) },
            ChangeCancelled c => this with
            {
                Changes = Changes.Select(x => x.Version == c.Version ? x with { CancelledAt = c.At } : x).ToImmutableList(),
            },
            _ => this,
        };
        return next with { Revision = Revision + 1 };
    }

    private int NextVersion => Changes.Count == 0 ? 1 : Changes.Max(c => c.Version) + 1;

    private static Decision<IEntryPlanEvent> Invalid(IEnumerable<string> errors) =>
        Decision<IEntryPlanEvent>.Reject(CenterId, RejectionCode.Invalid, string.Join("; ", errors));

    public Decision<IEntryPlanEvent> Decide(SetTarget cmd, DateTimeOffset now)
    {
        if (cmd.Target is null) return Invalid(["target: must not be empty"]);
        var errors = cmd.Target.Validate().ToList();
        return errors.Count > 0 ? Invalid(errors) : Decision<IEntryPlanEvent>.Accept(new TargetSet(cmd.Target, now));
    }

    public Decision<IEntryPlanEvent> Decide(RemoveTarget cmd, DateTimeOffset now)
    {
        if (!Targets.ContainsKey(cmd.TargetId))
            return Decision<IEntryPlanEvent>.Reject(CenterId, RejectionCode.NotFound, $"directory target '{cmd.TargetId}' does not exist");
        var users = UsersOf(d => d.Target == cmd.TargetId, now).ToList();
        return users.Count > 0
            ? Decision<IEntryPlanEvent>.Reject(CenterId, RejectionCode.IllegalTransition,
                $"directory target '{cmd.TargetId}' is still used by {string.Join(", ", users)}")
            : Decision<IEntryPlanEvent>.Accept(new TargetRemoved(cmd.TargetId, now));
    }

    public Decision<IEntryPlanEvent> Decide(SetNumber cmd, DateTimeOffset now)
    {
        if (cmd.Entry is null) return Invalid(["entry: must not be empty"]);
        var errors = cmd.Entry.Validate("").Select(e => e.TrimStart('.')).Concat(References("destination", cmd.Entry.Destination)).ToList();
        return errors.Count > 0 ? Invalid(errors) : Decision<IEntryPlanEvent>.Accept(new NumberSet(cmd.Entry, now));
    }

    public Decision<IEntryPlanEvent> Decide(RemoveNumber cmd, DateTimeOffset now) =>
        NumberFor(cmd.Number) is null
            ? Decision<IEntryPlanEvent>.Reject(CenterId, RejectionCode.NotFound, $"entry number '{cmd.Number}' does not exist")
            : Decision<IEntryPlanEvent>.Accept(new NumberRemoved(cmd.Number, now));

    public Decision<IEntryPlanEvent> Decide(SetMenu cmd, DateTimeOffset now)
    {
        if (cmd.Menu is null) return Invalid(["menu: must not be empty"]);
        var errors = cmd.Menu.Validate("").Select(e => e.TrimStart('.')).ToList();
        if (errors.Count == 0)
            errors.AddRange(cmd.Menu.Destinations().SelectMany(d =>
                References(d.Key == "default" ? "default" : $"options.{d.Key}", d.Destination, selfMenu: cmd.Menu.Id)));
        return errors.Count > 0 ? Invalid(errors) : Decision<IEntryPlanEvent>.Accept(new MenuSet(cmd.Menu, now));
    }

    public Decision<IEntryPlanEvent> Decide(RemoveMenu cmd, DateTimeOffset now)
    {
        if (!Menus.ContainsKey(cmd.MenuId))
            return Decision<IEntryPlanEvent>.Reject(CenterId, RejectionCode.NotFound, $"menu '{cmd.MenuId}' does not exist");
        var users = UsersOf(d => d.Menu == cmd.MenuId, now).Where(u => u != $"menu '{cmd.MenuId}'").ToList();
        return users.Count > 0
            ? Decision<IEntryPlanEvent>.Reject(CenterId, RejectionCode.IllegalTransition, $"menu '{cmd.MenuId}' is still used by {string.Join(", ", users)}")
            : Decision<IEntryPlanEvent>.Accept(new MenuRemoved(cmd.MenuId, now));
    }

    public Decision<IEntryPlanEvent> Decide(ScheduleChange cmd, DateTimeOffset now)
    {
        var errors = ValidateChange(cmd, "").ToList();
        if (errors.Count == 0) errors.AddRange(References("destination", cmd.Destination));
        var from = cmd.EffectiveFrom ?? now;
        if (from < now) errors.Add($"effectiveFrom: {from:O} is in the past (now {now:O}); leave it out to apply at once");
        return errors.Count > 0
            ? Invalid(errors)
            : Decision<IEntryPlanEvent>.Accept(new ChangeScheduled(new PlanChange(NextVersion, cmd.Area, from, cmd.Destination, cmd.Note), now));
    }

    public Decision<IEntryPlanEvent> Decide(CancelChange cmd, DateTimeOffset now)
    {
        var change = Changes.FirstOrDefault(c => c.Version == cmd.Version);
        if (change is null)
            return Decision<IEntryPlanEvent>.Reject(CenterId, RejectionCode.NotFound, $"plan change {cmd.Version} does not exist");
        if (change.IsCancelled) return Decision<IEntryPlanEvent>.Nothing;
        return change.EffectiveFrom <= now
            ? Decision<IEntryPlanEvent>.Reject(CenterId, RejectionCode.IllegalTransition,
                $"plan change {cmd.Version} has been in effect since {change.EffectiveFrom:O}; schedule a new change instead")
            : Decision<IEntryPlanEvent>.Accept(new ChangeCancelled(cmd.Version, now));
    }

    /// <summary>Adds what is missing, in dependency order (targets, menus, numbers, plan changes); refuses nothing already there.</summary>
    public Decision<IEntryPlanEvent> Decide(Seed cmd, DateTimeOffset now)
    {
        var events = new List<IEntryPlanEvent>();
        events.AddRange(cmd.Targets.Where(t => !Targets.ContainsKey(t.Id)).Select(t => new TargetSet(t, now)));
        events.AddRange(cmd.Menus.Where(m => !Menus.ContainsKey(m.Id)).Select(m => new MenuSet(m, now)));
        events.AddRange(cmd.Numbers.Where(n => NumberFor(n.Number) is null).Select(n => new NumberSet(n, now)));
        var version = NextVersion;
        var known = Areas.ToHashSet(StringComparer.Ordinal);
        foreach (var change in cmd.Changes.Where(c => !known.Contains(c.Area)))
            events.Add(new ChangeScheduled(new PlanChange(version++, change.Area, change.EffectiveFrom ?? now, change.Destination, change.Note), now));
        return Decision<IEntryPlanEvent>.Accept(events.ToArray());
    }

    internal static IEnumerable<string> ValidateChange(ScheduleChange cmd, string path)
    {
        if (!DirectoryIds.IsValid(cmd.Area)) yield return $"{path}area: '{cmd.Area}' must be 1-64 letters, digits or '-'";
        if (cmd.Destination is null) yield return $"{path}destination: must name a queue, a target or a number";
        else foreach (var e in cmd.Destination.Validate(path + "destination", DestinationKinds.Final)) yield return e;
    }

    /// <summary>Targets, menus and areas a destination names must exist (a menu may name itself).</summary>
    private IEnumerable<string> References(string path, Destination? d, string? selfMenu = null)
    {
        if (d is null) yield break;
        if (d.Target is { } t && !Targets.ContainsKey(t)) yield return $"{path}.target: directory target '{t}' does not exist";
        if (d.Menu is { } m && m != selfMenu && !Menus.ContainsKey(m)) yield return $"{path}.menu: menu '{m}' does not exist";
        if (d.Area is { } a && !Changes.Any(c => c.Area == a)) yield return $"{path}.area: area '{a}' has no routing plan";
    }

    /// <summary>Who names a destination that matches: numbers, menus, and plan changes still current or ahead.</summary>
    private IEnumerable<string> UsersOf(Func<Destination, bool> matches, DateTimeOffset now)
    {
        foreach (var n in Numbers.Values.Where(n => matches(n.Destination))) yield return $"entry number '{n.Number}'";
        foreach (var m in Menus.Values.Where(m => m.Destinations().Any(d => matches(d.Destination)))) yield return $"menu '{m.Id}'";
        var inForce = Areas.Select(a => RouteFor(a, now)).Where(c => c is not null).Select(c => c!.Version).ToHashSet();
        foreach (var c in Changes.Where(c => !c.IsCancelled && (c.EffectiveFrom > now || inForce.Contains(c.Version)) && matches(c.Destination)))
            yield return $"plan change {c.Version} (area '{c.Area}')";
    }
}
