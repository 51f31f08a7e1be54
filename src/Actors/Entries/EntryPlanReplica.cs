using Akka.Actor;
using Akka.DistributedData;
using ContactCenter.Actors.Departments;

namespace ContactCenter.Actors.Entries;

/// <summary>Published on the node's event stream when the replicated entry plan changes.</summary>
public sealed record EntryPlanChanged(long Revision);

/// <summary>
/// The node's read-only view of the entry plan (replicated with Akka.DistributedData). Calls resolve their
/// dialled number, menu choices and plan version against it without asking anyone.
/// </summary>
public sealed class EntryPlanView
{
    private EntryPlan _plan = EntryPlan.Empty;

    public EntryPlan Plan => Volatile.Read(ref _plan);

    internal void Replace(EntryPlan plan) => Volatile.Write(ref _plan, plan);
}

/// <summary>One per node: keeps the node's <see cref="EntryPlanView"/> in step with the replicated register.</summary>
public sealed class EntryPlanReplica : ReceiveActor
{
    internal static readonly LWWRegisterKey<EntryPlan> Key = new("entry-plan");
    internal static readonly IWriteConsistency WriteToAll = new WriteAll(TimeSpan.FromSeconds(3));

    private readonly EntryPlanView _view;
    private readonly IActorRef _replicator;

    public EntryPlanReplica(EntryPlanView view)
    {
        _view = view;
        _replicator = DistributedData.Get(Context.System).Replicator;
        Receive<Changed>(c => c.Key.Equals(Key), c => Refresh(c.Get(Key).Value));
        Receive<GetSuccess>(g => g.Key.Equals(Key), g => Refresh(g.Get(Key).Value));
        Receive<NotFound>(_ => { });
        Receive<GetFailure>(_ => { });
    }

    protected override void PreStart()
    {
        _replicator.Tell(Dsl.Subscribe(Key, Self));
        _replicator.Tell(Dsl.Get(Key, ReadLocal.Instance));
    }

    private void Refresh(EntryPlan plan)
    {
        if (plan is null || plan.Revision <= _view.Plan.Revision) return;
        _view.Replace(plan);
        Context.System.EventStream.Publish(new EntryPlanChanged(plan.Revision));
    }
}
