using Akka.Actor;
using Akka.Persistence;
using Akka.Persistence.Journal;

namespace ContactCenter.Actors.Routing;

/// <summary>
/// Shared plumbing of the sharded entities: events are persisted with the entity's tag (projections read
/// them by tag), state is rebuilt only through <see cref="ApplyEvent"/>, and a snapshot is taken every
/// <see cref="SnapshotEvery"/> events. Subclasses decide; this class persists and then runs the reaction.
/// </summary>
public abstract class EventSourcedEntity<TState, TEvent> : ReceivePersistentActor, IWithTimers
    where TEvent : class
{
    private readonly string[] _tags;

    protected EventSourcedEntity(string persistenceId, string tag, TState initial)
    {
        PersistenceId = persistenceId;
        _tags = [tag];
        State = initial;
        Recover<SnapshotOffer>(offer => State = FromSnapshot(offer.Snapshot));
        Recover<TEvent>(e => State = ApplyEvent(State, e));
        Recover<RecoveryCompleted>(_ => OnRecovered());
    }

    public override string PersistenceId { get; }

    public ITimerScheduler Timers { get; set; } = null!;

    protected TState State { get; private set; }

    /// <summary>0 disables snapshots (short-lived entities such as calls).</summary>
    protected virtual int SnapshotEvery => 100;

    protected abstract TState ApplyEvent(TState state, TEvent e);

    protected virtual object ToSnapshot(TState state) => state!;

    protected virtual TState FromSnapshot(object snapshot) => (TState)snapshot;

    protected virtual void OnRecovered()
    {
    }

    /// <summary>Keeps a periodic timer running while <paramref name="wanted"/> holds (started once), else stops it.</summary>
    protected void KeepPeriodic(string key, object tick, TimeSpan interval, bool wanted)
    {
        if (!wanted) Timers.Cancel(key);
        else if (!Timers.IsTimerActive(key)) Timers.StartPeriodicTimer(key, tick, interval);
    }

    /// <summary>Replies with the rejection, or persists the events and then runs <paramref name="then"/>.</summary>
    protected void Handle(Decision<TEvent> decision, Action<IReadOnlyList<TEvent>> then)
    {
        if (decision.Rejection is { } rejection)
        {
            Sender.Tell(rejection);
            return;
        }
        PersistThen(decision.Events, then);
    }

    /// <summary>Persists the events (none is fine), applying each, then runs <paramref name="then"/> once.</summary>
    protected void PersistThen(IReadOnlyList<TEvent> events, Action<IReadOnlyList<TEvent>> then) =>
        Write(events, then, PersistAll);

    /// <summary>
    /// Like <see cref="PersistThen"/> but the entity keeps taking messages while the write is in flight, so its
    /// writes batch in the journal. The caller must guard any fact the pending events will change.
    /// </summary>
    protected void PersistAsyncThen(IReadOnlyList<TEvent> events, Action<IReadOnlyList<TEvent>> then) =>
        Write(events, then, PersistAllAsync);

    /// <summary>Tags, writes with the given persist call, applies each event, snapshots on cadence, then reacts once.</summary>
    private void Write(
        IReadOnlyList<TEvent> events, Action<IReadOnlyList<TEvent>> then, Action<IEnumerable<Tagged>, Action<Tagged>> persist)
    {
        if (events.Count == 0)
        {
            then(events);
            return;
        }
        var remaining = events.Count;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        persist(events.Select(e => new Tagged(e, _tags)), tagged =>
        {
            State = ApplyEvent(State, (TEvent)tagged.Payload);
            if (--remaining > 0) return;
            Statistics.NodeMetrics.RecordSince(Statistics.NodeMetrics.PersistenceLatency, started, "entity", _tags[0]);
            if (SnapshotEvery > 0 && LastSequenceNr % SnapshotEvery == 0) SaveSnapshot(ToSnapshot(State));
            then(events);
        });
    }

    protected override void Unhandled(object message)
    {
        // Snapshot bookkeeping needs no reaction.
        if (message is SaveSnapshotSuccess or SaveSnapshotFailure) return;
        base.Unhandled(message);
    }
}
