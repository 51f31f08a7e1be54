using System.Runtime.CompilerServices;
using Akka.Persistence.Query;
using Akka.Persistence.Sql.Query;
using Akka.Streams;
using Akka.Streams.Dsl;

namespace ContactCenter.Actors.Adapters;

/// <summary>
/// Follows the journal's call events from an offset as adapter commands: read what is there, then wait for
/// a <see cref="JournalPulse"/> (or the fallback poll) and read again. Ids are journal positions, so the
/// commands are ordered, durable and resumable.
/// </summary>
public sealed class CommandTail(SqlReadJournal journal, IMaterializer materializer, JournalPulse pulse, Hosting.JournalHead head)
{
    public const string CallTag = "call";
    public const int BatchSize = 500;
    public static readonly TimeSpan FallbackPoll = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// After a pulse the read journal may not show the new event yet: it reads only up to the newest position
    /// it has confirmed free of gaps (looked up every 20 ms). So a pulse is followed by a few quick re-reads.
    /// </summary>
    public static readonly TimeSpan FollowUp = TimeSpan.FromMilliseconds(15);
    public const int FollowUps = 6;

    public async IAsyncEnumerable<AdapterCommand> After(long offset, [EnumeratorCancellation] CancellationToken ct)
    {
        var followUps = 0;
        while (!ct.IsCancellationRequested)
        {
            // Take the pulse before reading, so an event persisted during the read is not slept through.
            var woken = pulse.Next;
            var batch = await journal.CurrentEventsByTag(CallTag, Offset.Sequence(offset))
                .Take(BatchSize)
                .RunWith(Sink.Seq<EventEnvelope>(), materializer);
            foreach (var envelope in batch)
            {
                offset = ((Sequence)envelope.Offset).Value;
                if (AdapterCommand.From(offset, envelope.PersistenceId, envelope.Event) is { } command) yield return command;
            }
            if (batch.Count == BatchSize) continue;
            if (batch.Count == 0 && followUps > 0)
            {
                followUps--;
                await Task.WhenAny(woken, Task.Delay(FollowUp, ct));
                continue;
            }
            var winner = await Task.WhenAny(woken, Task.Delay(FallbackPoll, ct));
            followUps = winner == woken ? FollowUps : 0;
        }
    }

    /// <summary>The journal's newest position (0 when empty): one query, whatever the history's length.</summary>
    public Task<long> End() => head.LatestAsync();
}
