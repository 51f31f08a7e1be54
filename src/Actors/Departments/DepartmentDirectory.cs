using ContactCenter.Actors.Entries;

namespace ContactCenter.Actors.Departments;

/// <summary>
/// The node-local directory of transfer and forward targets (replicated with the entry plan). For the transfer
/// and forward paths: <see cref="Lookup"/> gives a target's number and whether it is open now.
/// </summary>
public sealed class DepartmentDirectory(EntryPlanView plan, TimeProvider time)
{
    public IReadOnlyCollection<DirectoryTarget> Targets => plan.Plan.Targets.Values.ToList();

    public DirectoryTarget? Find(string targetId) => plan.Plan.Targets.GetValueOrDefault(targetId);

    /// <summary>The target's number and hours, open or not at <paramref name="at"/> (default: now); null if unknown.</summary>
    public DirectoryLookup? Lookup(string targetId, DateTimeOffset? at = null) => plan.Plan.Lookup(targetId, at ?? time.GetUtcNow());
}
