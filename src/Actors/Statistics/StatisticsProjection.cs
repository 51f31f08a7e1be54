using System.Collections.Immutable;
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
/// Reads the call, agent and queue events from the journal (Akka.Persistence.Query events by tag, with
/// Akka.Streams: the three tags merged, one bounded batch at a time) and folds them into
/// <see cref="CenterStatistics"/> through <see cref="StatisticsFold"/>. It reads every
/// <see cref="PollInterval"/>, at once again while batches come back full. Offsets and figures are saved
/// together in one snapshot (every second while there is news), so after a restart it resumes from the offsets
/// that match the saved figures: what came after the snapshot is read and folded again, never twice.
/// </summary>
public sealed partial class StatisticsProjection : ReceivePersistentActor, IWithTimers
{
    public const string DefaultPersistenceId = "statistics";
    public const int BatchSize = 500;

    /// <summary>Polling, not the live query: a live query polls the database every 10 ms per tag (the read journal's refresh interval, set for the command stream).</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan SnapshotInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RollUpInterval = TimeSpan.FromHours(1);

    private readonly ILoggingAdapter _log = Context.GetLogger();
    private CenterStatistics _state = CenterStatistics.Empty;
    private int _generation;
    private bool _reading;
    private bool _dirty;
    private bool _saving;
    private readonly int _keepQuarterHoursDays;

    public StatisticsProjection(string persistenceId, StatisticsSettings settings)
    {
        PersistenceId = persistenceId;
        _wakeAfter = settings.WakeOpenCallsAfter;
        _keepQuarterHoursDays = settings.KeepQuarterHoursDays;
        Recover<SnapshotOffer>(offer => _state = (CenterStatistics)offer.Snapshot);
        Recover<RecoveryCompleted>(_ =>
        {
            Timers.StartPeriodicTimer("snapshot", SaveNow.Instance, SnapshotInterval);
            Timers.StartPeriodicTimer("poll", Poll.Instance, PollInterval);
            Self.Tell(Poll.Instance);
            StartWakingOpenCalls();
            Timers.StartPeriodicTimer("roll-up", RollUp.Instance, RollUpInterval);
            Self.Tell(RollUp.Instance);
        });

        Command<Poll>(_ =>
        {
            if (_reading) return;
            _reading = true;
            ReadBatch(_generation);
        });
        Command<Batch>(batch =>
        {
            if (batch.Generation != _generation) return;
            _reading = false;
            foreach (var (tag, envelope) in batch.Events)
                _state = StatisticsFold.Apply(_state, tag, ((Sequence)envelope.Offset).Value, envelope.PersistenceId, envelope.Event);
            if (batch.Events.Count == 0) return;
            _dirty = true;
            // A full batch of any tag: more is waiting.
            if (batch.Events.GroupBy(e => e.Tag).Any(g => g.Count() >= BatchSize)) Self.Tell(Poll.Instance);
        });
        Command<ReadFailed>(failed =>
        {
            if (failed.Generation != _generation) return;
            _reading = false;
            _log.Warning(failed.Cause, "statistics read from the journal failed; retrying at the next poll");
        });
        Command<StatisticsMessages.GetStatistics>(q => Sender.Tell(_state.Between(q.From, q.To)));
        Command<StatisticsMessages.RebuildStatistics>(_ =>
        {
            _state = CenterStatistics.Empty;
            _dirty = true;
            _generation++;
            _reading = false;
            Self.Tell(Poll.Instance);
            Sender.Tell(new CommandAccepted(PersistenceId, "statistics are rebuilt from the start of the journal"));
        });
        Command<SaveNow>(_ =>
        {
            if (!_dirty || _saving) return;
            _dirty = false;
            _saving = true;
            SaveSnapshot(_state);
        });
        ReceiveWakeOpenCalls();
        Command<RollUp>(_ =>
        {
            var rolled = StatisticsRollup.Apply(_state, _keepQuarterHoursDays);
            if (ReferenceEquals(rolled.QueueIntervals, _state.QueueIntervals) && ReferenceEquals(rolled.AgentIntervals, _state.AgentIntervals)
                && ReferenceEquals(rolled.MenuIntervals, _state.MenuIntervals)) return;
            _state = rolled;
            _dirty = true;
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

    /// <summary>Reads up to <see cref="BatchSize"/> events per tag after the current offsets, merged into one batch.</summary>
    private void ReadBatch(int generation)
    {
        var journal = PersistenceQuery.Get(Context.System).ReadJournalFor<SqlReadJournal>(SqlReadJournal.Identifier);
        Source<(string Tag, EventEnvelope Envelope), Akka.NotUsed> Read(string tag, long offset) =>
            journal.CurrentEventsByTag(tag, Offset.Sequence(offset)).Take(BatchSize).Select(e => (tag, e));
        Source.Combine(
                Read(StatisticsTags.Call, _state.CallOffset),
                Read(StatisticsTags.Agent, _state.AgentOffset),
                i => new Merge<(string Tag, EventEnvelope Envelope)>(i),
                Read(StatisticsTags.Queue, _state.QueueOffset))
            .RunWith(Sink.Seq<(string Tag, EventEnvelope Envelope)>(), Context.Materializer())
            .PipeTo(Self, success: events => new Batch(generation, events), failure: e => new ReadFailed(generation, e));
    }

    public static Props Props(StatisticsSettings settings, string persistenceId = DefaultPersistenceId) =>
        Akka.Actor.Props.Create(() => new StatisticsProjection(persistenceId, settings));

    private sealed record Batch(int Generation, IImmutableList<(string Tag, EventEnvelope Envelope)> Events);
    private sealed record ReadFailed(int Generation, Exception Cause);

    private sealed class Poll
    {
        public static readonly Poll Instance = new();
    }

    private sealed class SaveNow
    {
        public static readonly SaveNow Instance = new();
    }

    private sealed class RollUp
    {
        public static readonly RollUp Instance = new();
    }
}
