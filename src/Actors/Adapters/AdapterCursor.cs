using Akka.Actor;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Serialization;

namespace ContactCenter.Actors.Adapters;

/// <summary>Every message to an adapter cursor names the adapter (its API key name).</summary>
public interface IWithAdapterId : IContactCenterMessage
{
    string AdapterId { get; }
}

public static class AdapterCursorMessages
{
    /// <summary>The adapter has carried out every command up to and including <paramref name="UpTo"/>.</summary>
    public sealed record Acknowledge(string AdapterId, long UpTo) : IWithAdapterId;

    public sealed record GetCursor(string AdapterId) : IWithAdapterId;

    /// <summary>Where the adapter's stream resumes when it does not say (null: it never subscribed).</summary>
    public sealed record Cursor(string AdapterId, long? Acknowledged) : IContactCenterMessage;

    /// <summary>First subscription of a new adapter: start at the journal's current end, not its beginning.</summary>
    public sealed record StartAt(string AdapterId, long Offset) : IWithAdapterId;

    public sealed record CursorMoved(long Acknowledged, DateTimeOffset At) : IContactCenterMessage;
}

/// <summary>
/// The durable acknowledged position of one adapter in the command stream. It only moves forward, so a late
/// or repeated acknowledgement changes nothing.
/// </summary>
public sealed class AdapterCursorActor : EventSourcedEntity<long?, AdapterCursorMessages.CursorMoved>
{
    public AdapterCursorActor(string adapterId, TimeProvider time)
        : base("adapter-cursor-" + adapterId, "adapter-cursor", null)
    {
        Command<AdapterCursorMessages.Acknowledge>(ack => Move(adapterId, ack.UpTo, time, reply: true));
        Command<AdapterCursorMessages.StartAt>(start =>
        {
            if (State is null) Move(adapterId, start.Offset, time, reply: true);
            else Sender.Tell(new AdapterCursorMessages.Cursor(adapterId, State));
        });
        Command<AdapterCursorMessages.GetCursor>(_ => Sender.Tell(new AdapterCursorMessages.Cursor(adapterId, State)));
    }

    protected override int SnapshotEvery => 500;

    protected override object ToSnapshot(long? state) => new AdapterCursorMessages.CursorMoved(state ?? 0, DateTimeOffset.MinValue);

    protected override long? FromSnapshot(object snapshot) => ((AdapterCursorMessages.CursorMoved)snapshot).Acknowledged;

    protected override long? ApplyEvent(long? state, AdapterCursorMessages.CursorMoved e) => Math.Max(state ?? 0, e.Acknowledged);

    private void Move(string adapterId, long upTo, TimeProvider time, bool reply)
    {
        if (upTo < 0 || (State is { } current && upTo <= current))
        {
            if (reply) Sender.Tell(new AdapterCursorMessages.Cursor(adapterId, State));
            return;
        }
        PersistThen([new AdapterCursorMessages.CursorMoved(upTo, time.GetUtcNow())],
            _ => { if (reply) Sender.Tell(new AdapterCursorMessages.Cursor(adapterId, State)); });
    }
}
