using Akka.Actor;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using static ContactCenter.Actors.Calls.CallbackCommands;
using static ContactCenter.Actors.Calls.CallbackProtocol;
using static ContactCenter.Actors.Calls.CallEvents;
using static ContactCenter.Actors.Calls.CallProtocol;

namespace ContactCenter.Actors.Calls;

/// <summary>The call's side of callbacks: booking, parking in the queue, the dial-out attempts and their timer.</summary>
public sealed partial class CallActor
{
    private void ReceiveCallbacks()
    {
        Command<OfferCallbackChoice>(m => PersistThen(State.Decide(m, Now).Events, ReactToAll));
        Command<RequestCallback>(cmd =>
        {
            var decision = State.Decide(cmd, Now, _directory.Routes.GetValueOrDefault);
            if (decision.IsRejected && State.Status == CallStatus.None) Passivate();
            Handle(decision, events =>
            {
                Sender.Tell(new CommandAccepted(_callId, State.Callback!.DueAt is { } due
                    ? $"callback booked for {State.Callback.Number} at {due:O}"
                    : $"callback booked for {State.Callback.Number}; it keeps its place in queue '{State.Details!.QueueId}'"));
                ReactToAll(events);
            });
        });
        Command<ReportCallbackDial>(cmd =>
        {
            var decision = State.Decide(cmd, Now);
            if (decision.IsRejected && State.Status == CallStatus.None) Passivate();
            Handle(decision, events =>
            {
                Sender.Tell(new CommandAccepted(_callId, State.Status.ToString()));
                ReactToAll(events);
            });
        });
        Command<CallbackDialTimedOut>(m => PersistThen(State.Decide(m, Now).Events, ReactToAll));
    }

    private void ReactToCallback(ICallbackEvent e)
    {
        switch (e)
        {
            case CallbackRequested { DueAt: not null }:
                Park(); // scheduled: out of line until its time (the queue takes it out if it is there)
                break;
            case CallbackDialled:
                ArmDialTimeout();
                break;
            case CallbackAttemptFailed f:
                Timers.Cancel("callback-dial");
                _regions.Agents.Tell(new AgentProtocol.ConnectedCallEnded(f.AgentId, _callId, f.Token));
                if (f.RetryAt is not null) Park();
                break;
            case CallbackGaveUp:
                Finished();
                break;
        }
    }

    /// <summary>
    /// A booked callback taken out of line by closing (an operator's close, or closing time) is not forwarded or
    /// announced: the caller is gone. It waits parked, with its place, until the queue's next opening (at once back
    /// in line when the opening is unknown, e.g. an operator's close).
    /// </summary>
    private bool KeepCallbackThroughClosing(ClosedWhileQueued m)
    {
        if (State is not { Status: CallStatus.Queued, Callback: not null, Details: { } details } || details.QueueId != m.QueueId) return false;
        var now = Now;
        var route = _directory.Routes.GetValueOrDefault(m.QueueId);
        var opens = route is { Override: QueueOverride.None } ? route.Hours?.NextOpening(now) : null;
        _regions.Queues.Tell(new QueueCommands.ParkCallback(m.QueueId, _callId, details.Rank, opens ?? now));
        return true;
    }

    /// <summary>A retried offer of a queued call puts it back where it belongs: in line, or parked until its time.</summary>
    private void EnqueueOrPark()
    {
        if (State.IsParkedCallback(Now)) Park();
        else Enqueue();
    }

    /// <summary>
    /// Parks the callback in its queue until it is due. A scheduled callback ranks from its time; a retry keeps the
    /// call's original rank, so it is back at its place when due.
    /// </summary>
    private void Park()
    {
        var details = State.Details!;
        var ticket = State.Callback!;
        var rank = ticket.Attempts == 0 && ticket.DueAt is { } scheduled ? new CallRank(details.Rank.Priority, scheduled) : details.Rank;
        _regions.Queues.Tell(new QueueCommands.ParkCallback(details.QueueId, _callId, rank, ticket.DueAt ?? Now));
    }

    /// <summary>The dial deadline is derived from state, so it is re-armed when the call recovers mid-attempt.</summary>
    private void ArmDialTimeout()
    {
        if (State is not { Status: CallStatus.CallbackDialling, Callback: { } ticket, Token: { } token }) return;
        var dialledAt = State.History.OfType<CallbackDialled>().Last().At;
        var delay = dialledAt + ticket.DialTimeout - Now;
        Timers.StartSingleTimer("callback-dial", new CallbackDialTimedOut(_callId, token), delay > TimeSpan.Zero ? delay : TimeSpan.Zero);
    }
}
