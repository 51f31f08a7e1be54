using Akka.Actor;
using Akka.Cluster.Sharding;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Serialization;

namespace ContactCenter.Actors.Transfers;

/// <summary>Messages to the transfer watch of one call; the shard extractor keys on the call id.</summary>
public static class TransferWatchMessages
{
    public interface IWithWatchedCallId : IContactCenterMessage
    {
        string CallId { get; }
    }

    /// <summary>The call has a transfer leg with a deadline: keep it awake until the leg is settled.</summary>
    public sealed record Watch(string CallId) : IWithWatchedCallId;

    /// <summary>The leg ended (answered, failed, completed): the watch stops and is forgotten.</summary>
    public sealed record Settled(string CallId) : IWithWatchedCallId;
}

/// <summary>Registry key for the transfer watch region.</summary>
public sealed class TransferWatchRegion;

/// <summary>
/// Calls are not remembered entities, so a leg's deadline would be lost with its node. The watch is a remembered
/// entity without state of its own: started when a leg begins, restarted by sharding after a crash or restart, it
/// wakes the call (which re-arms the deadline kept in its state) and nudges it while the leg runs, so idle
/// passivation never drops the timer. It passivates, and so is forgotten, once the call says the leg is settled.
/// </summary>
public sealed class TransferWatchActor : ReceiveActor, IWithTimers
{
    public static readonly TimeSpan NudgeEvery = TimeSpan.FromSeconds(15);

    public static readonly EntityMessageExtractor Extractor =
        new(EntityMessageExtractor.DefaultShards, m => (m as TransferWatchMessages.IWithWatchedCallId)?.CallId);

    private readonly string _callId;
    private IActorRef _calls = ActorRefs.Nobody;

    public TransferWatchActor(string callId)
    {
        _callId = callId;
        Receive<TransferWatchMessages.Watch>(_ => { });
        Receive<Nudge>(_ => _calls.Tell(new TransferProtocol.ResumeTransfer(_callId)));
        Receive<TransferWatchMessages.Settled>(_ => Context.Parent.Tell(new Passivate(PoisonPill.Instance)));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    protected override void PreStart()
    {
        _calls = Akka.Hosting.ActorRegistry.For(Context.System).Get<CallRegion>();
        _calls.Tell(new TransferProtocol.ResumeTransfer(_callId));
        Timers.StartPeriodicTimer("nudge", Nudge.Instance, NudgeEvery);
    }

    private sealed class Nudge
    {
        public static readonly Nudge Instance = new();
    }
}
