using Akka.Actor;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Routing;

namespace ContactCenter.Actors.Statistics;

/// <summary>
/// The projection is the one place that sees every open call. Call entities are not remembered: a call lives
/// while its queue, its agent or the adapter addresses it, and what it waits on (its place in line, its ring
/// check, a callback's dial) runs on its own timers. When the message that should wake it is lost with a node,
/// nothing would. So a call neither connected nor ended some time after it arrived is woken now and then; its
/// recovery re-arms what it waits on. Connected calls are checked by their agents (remembered) instead.
/// </summary>
public sealed partial class StatisticsProjection
{
    private readonly TimeSpan _wakeAfter;
    private RoutingRegions? _regions;

    private sealed class WakeOpenCalls
    {
        public static readonly WakeOpenCalls Instance = new();
    }

    private void StartWakingOpenCalls()
    {
        var every = TimeSpan.FromTicks(Math.Max(_wakeAfter.Ticks / 2, TimeSpan.FromSeconds(1).Ticks));
        Timers.StartPeriodicTimer("wake-open-calls", WakeOpenCalls.Instance, every);
    }

    private void ReceiveWakeOpenCalls()
    {
        Command<WakeOpenCalls>(_ =>
        {
            _regions ??= RoutingRegions.From(Context.System);
            var before = DateTimeOffset.UtcNow - _wakeAfter;
            foreach (var (callId, track) in _state.Calls)
            {
                if (track.ConnectedAt is null && track.EnteredAt < before)
                    _regions.Calls.Tell(new CallCommands.GetCallState(callId));
            }
        });
        Command<CallState>(_ => { });       // the replies of woken calls
        Command<CommandRejected>(_ => { }); // a call the projection knows and the journal does not (a deleted test database)
    }
}
