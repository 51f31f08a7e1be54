namespace ContactCenter.Actors.Calls;

/// <summary>
/// A queued call reminds its queue that it waits, every few seconds, until it rings. An enqueue can be lost
/// with a node (killed with the queue's shard, or the queue stopped for a handoff before its write), and the
/// call would wait in no line; the queue ignores a call it already holds, so the reminder is harmless.
/// </summary>
public sealed partial class CallActor
{
    public static readonly TimeSpan RequeueInterval = TimeSpan.FromSeconds(5);

    private const string RequeueTimer = "requeue";

    private sealed class RequeueTick
    {
        public static readonly RequeueTick Instance = new();
    }

    private void ReceiveRequeue() => Command<RequeueTick>(_ =>
    {
        if (State.Status == CallStatus.Queued) EnqueueOrPark(); // a parked callback is parked again (idempotent), not put in line early
        else Timers.Cancel(RequeueTimer);
    });

    private void WatchQueue() => KeepPeriodic(RequeueTimer, RequeueTick.Instance, RequeueInterval, State.Status == CallStatus.Queued);
}
