using Akka.Actor;
using Akka.Cluster.Tools.PublishSubscribe;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Serialization;

namespace ContactCenter.Actors.Adapters;

/// <summary>Published cluster-wide when a node has persisted call events that adapters may be waiting for.</summary>
public sealed record JournalAdvanced(string Node) : IContactCenterMessage;

/// <summary>
/// Wakes the node's command-stream readers as soon as any node persists a call event, so they read the
/// journal at once instead of on their next poll. Readers still read only the journal: a lost pulse costs
/// latency (the fallback poll), never a command.
/// </summary>
public sealed class JournalPulse
{
    private readonly object _gate = new();
    private TaskCompletionSource _next = NewSource();

    /// <summary>Completes at the next pulse.</summary>
    public Task Next
    {
        get { lock (_gate) return _next.Task; }
    }

    public void Beat()
    {
        TaskCompletionSource current;
        lock (_gate)
        {
            current = _next;
            _next = NewSource();
        }
        current.TrySetResult();
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>
/// One per node: turns the local call signals (published after their events are persisted) into
/// <see cref="JournalAdvanced"/> on a DistributedPubSub topic, coalesced to one per few milliseconds, and
/// turns the topic's messages from every node into pulses for local readers.
/// </summary>
public sealed class JournalPulseRelay : ReceiveActor, IWithTimers
{
    public const string Topic = "journal-advanced";
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(2);

    private readonly JournalPulse _pulse;
    private readonly IActorRef _mediator;
    private readonly string _node;
    private bool _pending;

    public JournalPulseRelay(JournalPulse pulse)
    {
        _pulse = pulse;
        _mediator = DistributedPubSub.Get(Context.System).Mediator;
        _node = Akka.Cluster.Cluster.Get(Context.System).SelfAddress.ToString();

        Receive<CallSignals.ICallSignal>(_ =>
        {
            // Local readers need not wait for the round trip through the mediator.
            _pulse.Beat();
            if (_pending) return;
            _pending = true;
            Timers.StartSingleTimer("coalesce", Flush.Instance, Coalesce);
        });
        Receive<Flush>(_ =>
        {
            _pending = false;
            _mediator.Tell(new Publish(Topic, new JournalAdvanced(_node)));
        });
        Receive<JournalAdvanced>(advanced =>
        {
            if (advanced.Node != _node) _pulse.Beat();
        });
        Receive<SubscribeAck>(_ => { });
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        Context.System.EventStream.Subscribe(Self, typeof(CallSignals.ICallSignal));
        _mediator.Tell(new Subscribe(Topic, Self));
    }

    protected override void PostStop() => Context.System.EventStream.Unsubscribe(Self);

    private sealed class Flush
    {
        public static readonly Flush Instance = new();
    }
}
