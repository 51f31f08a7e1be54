using Akka.Actor;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Serialization;
using static ContactCenter.Actors.Idempotency.IdempotencyCommands;
using static ContactCenter.Actors.Idempotency.IdempotencyEvents;
using static ContactCenter.Actors.Idempotency.IdempotencyReplies;

namespace ContactCenter.Actors.Idempotency;

/// <summary>
/// What an Idempotency-Key has seen: a claim (request in flight) and then the stored first response.
/// Pure; expiry is decided against the time passed in.
/// </summary>
public sealed record IdempotencyRecord(
    string RecordId, string? RequestHash, DateTimeOffset? ClaimedAt, StoredResponse? Response, DateTimeOffset? StoredAt)
    : IContactCenterMessage
{
    public static IdempotencyRecord Empty(string recordId) => new(recordId, null, null, null, null);

    public IdempotencyRecord Apply(IIdempotencyEvent e) => e switch
    {
        RequestClaimed c => new IdempotencyRecord(RecordId, c.RequestHash, c.At, null, null),
        ResponseStored s => this with { Response = s.Response, StoredAt = s.At },
        ClaimReleased => Empty(RecordId),
        _ => this,
    };

    /// <summary>The reply to a claim and the events it needs (a fresh claim persists one).</summary>
    public (object Reply, IReadOnlyList<IIdempotencyEvent> Events) Decide(Claim claim, DateTimeOffset now)
    {
        var expired = StoredAt is { } stored && now - stored > claim.Retention;
        var lapsed = Response is null && ClaimedAt is { } claimed && now - claimed > claim.ClaimTimeout;
        if (RequestHash is null || expired || lapsed)
            return (new Proceed(RecordId), [new RequestClaimed(claim.RequestHash, now)]);
        if (RequestHash != claim.RequestHash) return (new KeyReused(RecordId), []);
        return Response is null ? (new InProgress(RecordId), []) : (new Replay(RecordId, Response), []);
    }

    public IReadOnlyList<IIdempotencyEvent> Decide(Complete complete, DateTimeOffset now) =>
        RequestHash == complete.RequestHash && Response is null ? [new ResponseStored(complete.Response, now)] : [];

    public IReadOnlyList<IIdempotencyEvent> Decide(Release release, DateTimeOffset now) =>
        RequestHash == release.RequestHash && Response is null ? [new ClaimReleased(now)] : [];
}

/// <summary>The sharded entity that keeps one idempotency record; it passivates when idle.</summary>
public sealed class IdempotencyActor : EventSourcedEntity<IdempotencyRecord, IIdempotencyEvent>
{
    private readonly TimeProvider _time;

    public IdempotencyActor(string recordId, TimeProvider time)
        : base("idempotency-" + recordId, "idempotency", IdempotencyRecord.Empty(recordId))
    {
        _time = time;
        Command<Claim>(claim =>
        {
            var (reply, events) = State.Decide(claim, _time.GetUtcNow());
            PersistThen(events, _ => Sender.Tell(reply));
        });
        Command<Complete>(complete => PersistThen(State.Decide(complete, _time.GetUtcNow()),
            _ => Sender.Tell(new CommandAccepted(State.RecordId, "stored"))));
        Command<Release>(release => PersistThen(State.Decide(release, _time.GetUtcNow()),
            _ => Sender.Tell(new CommandAccepted(State.RecordId, "released"))));
    }

    protected override int SnapshotEvery => 0;

    protected override IdempotencyRecord ApplyEvent(IdempotencyRecord state, IIdempotencyEvent e) => state.Apply(e);
}
