using Akka.Actor;
using Akka.Event;
using Akka.Persistence;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;
using ContactCenter.Actors.Calendar;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Serialization;

namespace ContactCenter.Actors.Statistics;

/// <summary>Messages of the statistics projection (a cluster singleton).</summary>
public static class StatisticsMessages
{
    /// <summary>The figures of the given Copenhagen days, with the live state (agents, queues, recent outcomes).</summary>
    public sealed record GetStatistics(DateOnly From, DateOnly To) : IContactCenterMessage;

    /// <summary>Forget everything and read the journal again from its start.</summary>
    public sealed record RebuildStatistics : IContactCenterMessage;
}

/// <summary>Registry key of the statistics projection's singleton proxy.</summary>
public sealed class StatisticsProjectionKey;

/// <summary>
/// Reads the call, agent and queue events from the journal (events by tag, live) with Akka.Streams and folds
/// them into <see cref="CenterStatistics"/> through <see cref="StatisticsFold"/>. Offsets and figures are saved
/// together in one snapshot (every second while there is news), so after a restart it resumes from the offsets
/// that match the saved figures: what came after the snapshot is read and folded again, never twice.
/// </summary>
public sealed class StatisticsProjection : ReceivePersistentActor, IWithTimers
{
    public const string DefaultPersistenceId = "statistics";
    public const int BatchSize = 500;
    private static readonly TimeSpan SnapshotInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RestartDelay = TimeSpan.FromSeconds(2);

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private CenterStatistics _state = CenterStatistics.Empty;
    private UniqueKillSwitch? _stream;
    private int _generation;
    private bool _dirty;
    private bool _saving;

    public StatisticsProjection(string persistenceId)
    {
        PersistenceId = persistenceId;
        Recover<SnapshotOffer>(offer => _state = (CenterStatistics)offer.Snapshot);
        Recover<RecoveryCompleted>(_ =>
        {
            Timers.StartPeriodicTimer("snapshot", SaveNow.Instance, SnapshotInterval);
            StartStream();
        });

        Command<StreamStarted>(_ => Sender.Tell(Ack.Instance));
        Command<Batch>(batch =>
        {
            if (batch.Generation == _generation)
            {
                foreach (var (tag, envelope) in batch.Events)
                    _state = StatisticsFold.Apply(_state, tag, ((Sequence)envelope.Offset).Value, envelope.PersistenceId, envelope.Event);
                _dirty = true;
            }
            Sender.Tell(Ack.Instance);
        });
        Command<StreamEnded>(ended =>
        {
            if (ended.Generation != _generation) return;
            _log.Warning("statistics stream ended ({0}); restarting in {1}", ended.Cause?.Message ?? "completed", RestartDelay);
            Timers.StartSingleTimer("restart", new RestartStream(_generation), RestartDelay);
        });
        Command<RestartStream>(restart =>
        {
            if (restart.Generation == _generation) StartStream();
        });
        Command<StatisticsMessages.GetStatistics>(q => Sender.Tell(_state.Between(q.From, q.To)));
        Command<StatisticsMessages.RebuildStatistics>(_ =>
        {
            _state = CenterStatistics.Empty;
            _dirty = true;
            StartStream();
            Sender.Tell(new CommandAccepted(PersistenceId, "statistics are rebuilt from the start of the journal"));
        });
        Command<SaveNow>(_ =>
        {
            if (!_dirty || _saving) return;
            _dirty = false;
            _saving = true;
            SaveSnapshot(_state);
        });
        Command<SaveSnapshotSuccess>(_ => { _saving = false; });
        Command<SaveSnapshotFailure>(failure =>
        {
            _saving = false;
            _dirty = true;
            _log.Warning(failure.Cause, "statistics snapshot failed; retrying");
        });
    }

    public override string PersistenceId { get; }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <summary>(Re)starts the merged tag streams from the offsets of the current figures.</summary>
    private void StartStream()
    {
        _stream?.Shutdown();
        var generation = ++_generation;
        var journal = PersistenceQuery.Get(Context.System).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        Source<(string, EventEnvelope), Akka.NotUsed> Read(string tag, long offset) =>
            journal.EventsByTag(tag, Offset.Sequence(offset)).Select(e => (tag, e));
        var merged = Source.Combine(
            Read(StatisticsTags.Call, _state.CallOffset),
            Read(StatisticsTags.Agent, _state.AgentOffset),
            i => new Merge<(string, EventEnvelope)>(i),
            Read(StatisticsTags.Queue, _state.QueueOffset));
        _stream = merged
            .GroupedWithin(BatchSize, TimeSpan.FromMilliseconds(50))
            .Select(events => new Batch(generation, events.ToList()))
            .ViaMaterialized(KillSwitches.Single<Batch>(), Keep.Right)
            .ToMaterialized(Sink.ActorRefWithAck<Batch>(
                Self, new StreamStarted(generation), Ack.Instance, new StreamEnded(generation, null), e => new StreamEnded(generation, e)), Keep.Left)
            .Run(Context.Materializer());
    }

    protected override void PostStop()
    {
        _stream?.Shutdown();
        base.PostStop();
    }

    public static Props Props(string persistenceId = DefaultPersistenceId) =>
        Akka.Actor.Props.Create(() => new StatisticsProjection(persistenceId));

    private sealed record StreamStarted(int Generation);
    private sealed record Batch(int Generation, IReadOnlyList<(string Tag, EventEnvelope Envelope)> Events);
    private sealed record StreamEnded(int Generation, Exception? Cause);
    private sealed record RestartStream(int Generation);

    private sealed class Ack
    {
        public static readonly Ack Instance = new();
    }

    private sealed class SaveNow
    {
        public static readonly SaveNow Instance = new();
    }
}
