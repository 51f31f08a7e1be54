using Akka.Actor;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using ContactCenter.Actors.Transfers;
using static ContactCenter.Actors.Calls.CallEvents;
using static ContactCenter.Actors.Calls.TransferCommands;
using static ContactCenter.Actors.Calls.TransferEvents;
using static ContactCenter.Actors.Calls.TransferProtocol;

namespace ContactCenter.Actors.Calls;

/// <summary>Transfer legs: commands from the desktop and the adapter, replies from target agents, the leg deadline.</summary>
public sealed partial class CallActor
{
    private IActorRef _watch = ActorRefs.Nobody;
    private bool _watching;

    private void ReceiveTransfers()
    {
        Command<TransferCall>(cmd => Handle(State.Decide(cmd, Now, _directory.Routes.GetValueOrDefault, _plan.Plan), events =>
        {
            Sender.Tell(new CommandAccepted(_callId, events[0] switch
            {
                CallTransferredToQueue t => $"transferred to queue '{t.ToQueueId}'",
                TransferLegStarted s => $"{s.Leg.Mode.ToString().ToLowerInvariant()} transfer leg '{s.Leg.LegId}' to {s.Leg.Target} started",
                _ => State.Status.ToString(),
            }));
            ReactToAll(events);
        }));
        Command<CompleteTransfer>(cmd => Handle(State.Decide(cmd, Now), events => Accepted(events, "transfer completed")));
        Command<CancelTransfer>(cmd => Handle(State.Decide(cmd, Now), events => Accepted(events, "consult cancelled; back with the caller")));
        Command<ConferenceTransfer>(cmd => Handle(State.Decide(cmd, Now), events => Accepted(events, "conference")));
        Command<ReportLeg>(cmd => Handle(State.Decide(cmd, Now, _directory.Routes.GetValueOrDefault), events =>
            Accepted(events, $"leg {cmd.Outcome}; call is {State.Status}")));
        Command<NoteDepartmentReferral>(cmd => Handle(State.Decide(cmd, Now), events => Accepted(events, "referral noted")));

        Command<DirectOfferAccepted>(m =>
        {
            var decision = State.Decide(m, Now);
            if (decision.Events.Count == 0)
            {
                CancelOffer(m.AgentId, m.Token, "transfer leg is over");
                return;
            }
            PersistThen(decision.Events, ReactToAll);
        });
        Command<DirectOfferRefused>(m => PersistThen(State.Decide(m, Now, _directory.Routes.GetValueOrDefault).Events, ReactToAll));
        Command<LegDeadlineReached>(m => PersistThen(State.Decide(m, Now, _directory.Routes.GetValueOrDefault).Events, ReactToAll));
        Command<ResumeTransfer>(_ =>
        {
            if (State.Status == CallStatus.None)
            {
                _watch.Tell(new TransferWatchMessages.Settled(_callId));
                Passivate();
                return;
            }
            if (State.Leg is null || State.IsFinal) _watch.Tell(new TransferWatchMessages.Settled(_callId));
        });
    }

    private void Accepted(IReadOnlyList<ICallEvent> events, string detail)
    {
        Sender.Tell(new CommandAccepted(_callId, detail));
        ReactToAll(events);
    }

    private void ResolveTransferWatch() =>
        _watch = Akka.Hosting.ActorRegistry.For(Context.System).Get<TransferWatchRegion>();

    /// <summary>What follows a transfer event: release the first agent, offer the leg, return the call, signal.</summary>
    private void ReactToTransfer(ICallEvent e)
    {
        switch (e)
        {
            case CallTransferredToQueue t:
                _regions.Agents.Tell(new AgentProtocol.ConnectedCallEnded(t.FromAgentId, _callId, t.FromToken));
                Enqueue();
                break;
            case TransferLegStarted { Leg: var leg }:
                if (leg.Mode == TransferMode.Cold)
                    _regions.Agents.Tell(new AgentProtocol.ConnectedCallEnded(leg.FromAgentId, _callId, leg.FromToken));
                if (leg.Target.Kind == TransferTargetKind.Agent)
                {
                    _regions.Agents.Tell(new AgentProtocol.DirectOffer(leg.Target.Id, _callId, leg.LegId, leg.FromQueueId, leg.Rank,
                        leg.Deadline - leg.StartedAt, QueueConfig.DefaultWrapUp));
                }
                else if (leg.Target.Kind == TransferTargetKind.Queue)
                {
                    _regions.Queues.Tell(new QueueCommands.EnqueueCall(leg.Target.Id, _callId, leg.Rank));
                }
                break;
            case TransferLegRinging r:
                Context.System.EventStream.Publish(new CallSignals.RingAgent(_callId, r.AgentId, r.Token, State.Details!.QueueId));
                break;
            case TransferLegAnswered { Leg.Target.Kind: TransferTargetKind.External } when State.IsFinal:
                Finished();
                break;
            case TransferLegFailed f:
                if (f.Leg is { AgentId: { } agentId, Token: { } token })
                {
                    Context.System.EventStream.Publish(new CallSignals.CancelRing(_callId, agentId, token));
                    CancelOffer(agentId, token, f.Reason);
                }
                if (f.Leg is { Target.Kind: TransferTargetKind.Queue, Phase: LegPhase.Waiting })
                    _regions.Queues.Tell(new QueueCommands.RemoveCall(f.Leg.Target.Id, _callId, "transfer leg " + f.Reason));
                if (f.ReturnedRank is not null) Enqueue(); // back to the original queue, by its placement rule
                break;
            case WarmTransferCompleted w:
                _regions.Agents.Tell(new AgentProtocol.ConnectedCallEnded(w.Leg.FromAgentId, _callId, w.Leg.FromToken));
                if (State.IsFinal) Finished();
                else Context.System.EventStream.Publish(new CallSignals.Bridge(_callId, State.AgentId!));
                break;
            case CallAbandoned { Phase: CallStatus.Transferring }:
                Finished();
                break;
        }
    }

    /// <summary>
    /// The leg deadline is derived from state after every transition and after recovery; the watch keeps a call
    /// with a running leg awake across restarts and is told when the leg is settled.
    /// </summary>
    private void SyncTransferWatch()
    {
        if (State.Leg is { } leg && !State.IsFinal)
        {
            if (leg.Phase == LegPhase.Answered)
            {
                Timers.Cancel("leg");
            }
            else
            {
                var now = Now;
                Timers.StartSingleTimer("leg", new LegDeadlineReached(_callId, leg.LegId), leg.Deadline > now ? leg.Deadline - now : TimeSpan.Zero);
            }
            if (!_watching) _watch.Tell(new TransferWatchMessages.Watch(_callId));
            _watching = true;
            return;
        }
        Timers.Cancel("leg");
        if (_watching) _watch.Tell(new TransferWatchMessages.Settled(_callId));
        _watching = false;
    }
}
