using System.Collections.Immutable;
using ContactCenter.Actors.Departments;
using ContactCenter.Actors.Entries;

namespace ContactCenter.Actors.Configuration;

/// <summary>The file's directory, entry numbers, menus and routing plan: each valid, and every name they use defined.</summary>
public sealed partial record CenterConfiguration
{
    /// <summary>The sections as one command for the entry plan entity (it adds only what it does not have yet).</summary>
    public EntryPlanCommands.Seed ToSeed() => new(EntryPlan.CenterId,
        [.. (Directory ?? []).Select(t => t.ToTarget())], EntryNumbers ?? [], Menus ?? [], [.. (RoutingPlan ?? []).Select(p => p.ToChange())]);

    private IEnumerable<string> ValidateEntries(HashSet<string> queueIds)
    {
        var targetIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (t, i) in (Directory ?? []).Select((t, i) => (t, i)))
        {
            if (!targetIds.Add(t.Id)) yield return $"$.directory[{i}].id: '{t.Id}' appears twice";
            foreach (var e in t.ToTarget().Validate()) yield return $"$.directory[{i}].{e}";
        }
        var menuIds = (Menus ?? []).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var areas = (RoutingPlan ?? []).Select(p => p.Area).ToHashSet(StringComparer.Ordinal);

        IEnumerable<string> References(string path, Destination? d)
        {
            if (d?.Queue is { } q && !queueIds.Contains(q)) yield return $"{path}.queue: queue '{q}' is not in this file";
            if (d?.Target is { } t && !targetIds.Contains(t)) yield return $"{path}.target: directory target '{t}' is not in this file";
            if (d?.Menu is { } m && !menuIds.Contains(m)) yield return $"{path}.menu: menu '{m}' is not in this file";
            if (d?.Area is { } a && !areas.Contains(a)) yield return $"{path}.area: area '{a}' has no entry in routingPlan";
        }

        var seenMenus = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (m, i) in (Menus ?? []).Select((m, i) => (m, i)))
        {
            var path = $"$.menus[{i}]";
            if (!seenMenus.Add(m.Id)) yield return $"{path}.id: '{m.Id}' appears twice";
            foreach (var e in m.Validate(path)) yield return e;
            foreach (var (key, destination) in m.Destinations())
                foreach (var e in References(key == "default" ? $"{path}.default" : $"{path}.options.{key}", destination)) yield return e;
        }
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (n, i) in (EntryNumbers ?? []).Select((n, i) => (n, i)))
        {
            var path = $"$.entryNumbers[{i}]";
            if (!numbers.Add(PhoneNumber.Normalize(n.Number))) yield return $"{path}.number: '{n.Number}' appears twice";
            foreach (var e in n.Validate(path)) yield return e;
            foreach (var e in References($"{path}.destination", n.Destination)) yield return e;
        }
        foreach (var (p, i) in (RoutingPlan ?? []).Select((p, i) => (p, i)))
        {
            var path = $"$.routingPlan[{i}]";
            foreach (var e in EntryPlan.ValidateChange(p.ToChange(), path + ".")) yield return e;
            foreach (var e in References($"{path}.destination", p.Destination)) yield return e;
        }
    }
}
