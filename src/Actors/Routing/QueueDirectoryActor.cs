using System.Collections.Immutable;
using Akka.Actor;
using Akka.Cluster;
using Akka.DistributedData;

namespace ContactCenter.Actors.Routing;

/// <summary>
/// One per node: keeps the node's <see cref="QueueDirectory"/> in step with the replicated directory and
/// writes the routes that this node's queue actors register.
/// </summary>
public sealed class QueueDirectoryActor : ReceiveActor
{
    /// <summary>Register or update a queue's route (sent by the queue actor).</summary>
    public sealed record Register(QueueRoute Route);

    /// <summary>Remove a queue's route.</summary>
    public sealed record Unregister(string QueueId);

    private static readonly LWWDictionaryKey<string, QueueRoute> Key = new("queue-directory");
    private static readonly IWriteConsistency WriteToAll = new WriteAll(TimeSpan.FromSeconds(3));

    private readonly QueueDirectory _directory;
    private readonly IActorRef _replicator;
    private readonly UniqueAddress _self;

    public QueueDirectoryActor(QueueDirectory directory)
    {
        _directory = directory;
        _replicator = DistributedData.Get(Context.System).Replicator;
        _self = Cluster.Get(Context.System).SelfUniqueAddress;

        Receive<Register>(r => _replicator.Tell(Dsl.Update(Key, LWWDictionary<string, QueueRoute>.Empty, WriteToAll,
            d => d.SetItem(_self, r.Route.QueueId, r.Route))));
        Receive<Unregister>(u => _replicator.Tell(Dsl.Update(Key, LWWDictionary<string, QueueRoute>.Empty, WriteToAll,
            d => d.Remove(_self, u.QueueId))));
        Receive<Changed>(c => c.Key.Equals(Key), c => Refresh(c.Get(Key)));
        Receive<GetSuccess>(g => g.Key.Equals(Key), g => Refresh(g.Get(Key)));
        // Write and read outcomes: a failed WriteAll still applied locally and spreads by gossip.
        Receive<IUpdateResponse>(_ => { });
        Receive<NotFound>(_ => { });
        Receive<GetFailure>(_ => { });
    }

    protected override void PreStart()
    {
        _replicator.Tell(Dsl.Subscribe(Key, Self));
        _replicator.Tell(Dsl.Get(Key, ReadLocal.Instance));
    }

    private void Refresh(LWWDictionary<string, QueueRoute> replicated)
    {
        var next = replicated.Entries.ToImmutableDictionary();
        var previous = _directory.Routes;
        var changed = next.Where(kv => !previous.TryGetValue(kv.Key, out var old) || old != kv.Value)
            .Select(kv => kv.Key)
            .Concat(previous.Keys.Where(k => !next.ContainsKey(k)))
            .ToImmutableArray();
        if (changed.IsEmpty) return;
        _directory.Replace(next);
        Context.System.EventStream.Publish(new QueueDirectoryChanged(changed));
    }
}
