using Akka.Actor;
using Akka.Cluster;
using Akka.DistributedData;
using ContactCenter.Actors.Routing;
using static ContactCenter.Actors.Entries.EntryPlanCommands;
using static ContactCenter.Actors.Entries.EntryPlanEvents;

namespace ContactCenter.Actors.Entries;

/// <summary>
/// The single writer of the entry plan (directory, numbers, menus, routing plan). After every change and after
/// recovery it writes the whole plan into the replicated register, which every node mirrors locally.
/// </summary>
public sealed class EntryPlanActor : EventSourcedEntity<EntryPlan, IEntryPlanEvent>
{
    private readonly string _planId;
    private readonly TimeProvider _time;
    private readonly IActorRef _replicator;
    private readonly UniqueAddress _self;

    public EntryPlanActor(string planId, TimeProvider time)
        : base("entry-plan-" + planId, "entry-plan", EntryPlan.Empty)
    {
        _planId = planId;
        _time = time;
        _replicator = DistributedData.Get(Context.System).Replicator;
        _self = Cluster.Get(Context.System).SelfUniqueAddress;

        Command<SetTarget>(c => Change(State.Decide(c, Now), $"directory target '{c.Target?.Id}' saved"));
        Command<RemoveTarget>(c => Change(State.Decide(c, Now), $"directory target '{c.TargetId}' removed"));
        Command<SetNumber>(c => Change(State.Decide(c, Now), $"entry number '{c.Entry?.Number}' saved"));
        Command<RemoveNumber>(c => Change(State.Decide(c, Now), $"entry number '{c.Number}' removed"));
        Command<SetMenu>(c => Change(State.Decide(c, Now), $"menu '{c.Menu?.Id}' saved"));
        Command<RemoveMenu>(c => Change(State.Decide(c, Now), $"menu '{c.MenuId}' removed"));
        Command<ScheduleChange>(c => Change(State.Decide(c, Now), null));
        Command<CancelChange>(c => Change(State.Decide(c, Now), $"plan change {c.Version} cancelled"));
        Command<Seed>(c => Change(State.Decide(c, Now), null));
        Command<GetEntryPlan>(_ => Sender.Tell(State));
        Command<IUpdateResponse>(_ => { }); // a failed WriteAll still applied locally and spreads by gossip
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    protected override EntryPlan ApplyEvent(EntryPlan state, IEntryPlanEvent e) => state.Apply(e);

    protected override void OnRecovered() => Publish();

    private void Change(Routing.Decision<IEntryPlanEvent> decision, string? detail) => Handle(decision, events =>
    {
        var said = detail ?? events switch
        {
            [ChangeScheduled { Change: var c }] => $"plan change {c.Version} scheduled: area '{c.Area}' to {c.Destination} from {c.EffectiveFrom:O}",
            _ => $"{events.Count} changes applied",
        };
        Sender.Tell(new CommandAccepted(_planId, events.Count == 0 && detail is not null ? said + " (no change)" : said));
        if (events.Count > 0) Publish();
    });

    /// <summary>The revision is the register's clock: the newest plan wins even if the entity moved between nodes.</summary>
    private void Publish()
    {
        var plan = State;
        _replicator.Tell(Dsl.Update(EntryPlanReplica.Key, new LWWRegister<EntryPlan>(_self, EntryPlan.Empty, 0), EntryPlanReplica.WriteToAll,
            r => r.WithValue(_self, plan, (_, p) => p.Revision)));
    }
}
