using Akka.Actor;
using Akka.Hosting;
using Akka.Persistence;
using Akka.Persistence.Journal;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Statistics;
using ContactCenter.Actors.Tests.Support;
using Xunit;
using static ContactCenter.Actors.Tests.Statistics.ScriptedDay;

namespace ContactCenter.Actors.Tests.Statistics;

/// <summary>
/// The projection on a real node and a real SQLite journal: the scripted day is written to the journal with
/// its entities' tags, the projection reads it by tag, survives a crash in the middle of the stream, and a
/// rebuild from zero gives the same figures.
/// </summary>
[Collection(SlowCollection.Name)]
public sealed class StatisticsProjectionTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly TempDatabase _db = new();

    public void Dispose() => _db.Dispose();

    [Fact]
    public async Task A_crash_mid_stream_counts_nothing_twice_and_misses_nothing_and_a_rebuild_gives_the_same_figures()
    {
        var expected = Normalized(Fold(All));

        var first = await TestNode.StartAsync(_db.File);
        await Write(first, Morning);
        await Eventually.Holds(async () =>
            Assert.Equal(Normalized(Fold(Morning)), Normalized(await Statistics(first))), Patience);
        // Let the projection save its snapshot, then write the rest and crash before it can save again.
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        await Write(first, Rest);
        await first.CrashAsync();

        await using var second = await TestNode.StartAsync(_db.File);
        await Eventually.Holds(async () => Assert.Equal(expected, Normalized(await Statistics(second))), Patience);

        var registry = ActorRegistry.For(second.System);
        Assert.IsType<CommandAccepted>(await registry.Get<StatisticsProjectionKey>()
            .Ask<object>(new StatisticsMessages.RebuildStatistics(), TimeSpan.FromSeconds(10)));
        await Eventually.Holds(async () => Assert.Equal(expected, Normalized(await Statistics(second))), Patience);
    }

    private static async Task<CenterStatistics> Statistics(TestNode node) =>
        await ActorRegistry.For(node.System).Get<StatisticsProjectionKey>()
            .Ask<CenterStatistics>(new StatisticsMessages.GetStatistics(Day, Day), TimeSpan.FromSeconds(10));

    /// <summary>Journal offsets on a node are the journal's positions, not the script's 1, 2, 3: figures are compared without them.</summary>
    private static string Normalized(CenterStatistics s) =>
        StatisticsFoldTests.Reports(s with { CallOffset = 0, AgentOffset = 0, QueueOffset = 0 });

    /// <summary>Persists the events under their entities' persistence ids and tags, in order.</summary>
    private static async Task Write(TestNode node, IEnumerable<ScriptedEvent> events)
    {
        foreach (var group in events.Select((e, i) => (e, i)).GroupBy(x => x.e.PersistenceId).OrderBy(g => g.Min(x => x.i)))
        {
            var writer = node.System.ActorOf(Props.Create(() => new ScriptWriter(group.Key)));
            await writer.Ask<Done>(group.Select(x => x.e).ToList(), TimeSpan.FromSeconds(30));
            writer.Tell(PoisonPill.Instance);
        }
    }

    private sealed record Done;

    private sealed class ScriptWriter : ReceivePersistentActor
    {
        public ScriptWriter(string persistenceId)
        {
            PersistenceId = persistenceId;
            Recover<object>(_ => { });
            Command<List<ScriptedEvent>>(events =>
            {
                var replyTo = Sender;
                PersistAll(events.Select(e => new Tagged(e.Event, [e.Tag])), _ => { });
                DeferAsync(events, _ => replyTo.Tell(new Done()));
            });
        }

        public override string PersistenceId { get; }
    }
}
