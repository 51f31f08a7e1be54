using Akka.Actor;
using Akka.Cluster.Sharding;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;
using static ContactCenter.Actors.Calls.CallCommands;
using static ContactCenter.Actors.Calls.CallEvents;
using static ContactCenter.Actors.Calls.CallProtocol;

namespace ContactCenter.Actors.Calls;

/// <summary>
/// The single owner of a call's lifecycle. It rings at most one agent at a time and connects at most one:
/// any routing or answer that does not carry the current token is fenced off and the agent released.
/// </summary>
public sealed partial class CallActor : EventSourcedEntity<CallState, ICallEvent>
{
    /// <summary>A finished call stays in memory this long for late, repeated reports, then passivates.</summary>
    public static readonly TimeSpan LingerAfterEnd = TimeSpan.FromSeconds(30);

    private readonly string _callId;
    private readonly TimeProvider _time;
    private readonly QueueDirectory _directory;
    private readonly Entries.EntryPlanView _plan;
    private RoutingRegions _regions = null!;

    public CallActor(string callId, TimeProvider time, QueueDirectory directory, Entries.EntryPlanView plan)
        : base("call-" + callId, "call", CallState.Empty(callId))
    {
        _callId = callId;
        _time = time;
        _directory = directory;
        _plan = plan;

        Command<OfferCall>(OnOffer);
        ReceiveRequeue();
        ReceiveRingCheck();
        Command<HangUp>(cmd => Handle(State.Decide(cmd, Now), events =>
        {
            Sender.Tell(new CommandAccepted(_callId, State.Status.ToString()));
            ReactToAll(events);
        }));
        Command<GetCallState>(_ =>
        {
            if (State.Status == CallStatus.None)
            {
                Sender.Tell(new CommandRejected(_callId, RejectionCode.NotFound, $"call '{_callId}' does not exist"));
                Passivate();
                return;
            }
            Sender.Tell(State);
        });

        Command<RouteToAgent>(m =>
        {
            var decision = State.Decide(m, Now);
            if (decision.Events.Count == 0)
            {
                // Already ringing or connected elsewhere, or gone: release the agent that reserved itself.
                if (m.Token != State.Token) CancelOffer(m.AgentId, m.Token, $"call is {State.Status}");
                if (State.Status == CallStatus.None) Passivate();
                return;
            }
            PersistThen(decision.Events, ReactToAll);
        });
        Command<AgentConnected>(m =>
        {
            var decision = State.Decide(m, Now);
            if (decision.Events.Count == 0)
            {
                if (m.Token != State.Token || State.IsFinal) CancelOffer(m.AgentId, m.Token, $"call is {State.Status}");
                return;
            }
            PersistThen(decision.Events, ReactToAll);
        });
        Command<OfferWithdrawn>(m => PersistThen(State.Decide(m, Now, _directory.Routes.GetValueOrDefault).Events, ReactToAll));
        Command<ClosedWhileQueued>(m =>
        {
            if (KeepCallbackThroughClosing(m)) return;
            PersistThen(State.Decide(m, Now, _directory.Routes.GetValueOrDefault, _plan.Plan).Events, ReactToAll);
        });
        Command<MenuInput>(OnMenuInput);
        Command<ReceiveTimeout>(_ => Passivate());
        ReceiveCallbacks();
        ReceiveTransfers();
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    protected override int SnapshotEvery => 0;

    /// <summary>Calls never snapshot: skip the snapshot store on recovery.</summary>
    public override Akka.Persistence.Recovery Recovery => new(Akka.Persistence.SnapshotSelectionCriteria.None);

    protected override CallState ApplyEvent(CallState state, ICallEvent e) => state.Apply(e);

    protected override void PreStart()
    {
        _regions = RoutingRegions.From(Context.System);
        ResolveTransferWatch();
        base.PreStart();
    }

    protected override void OnRecovered()
    {
        if (State.IsFinal) SetReceiveTimeout(LingerAfterEnd);
        ArmDialTimeout();
        SyncTransferWatch();
        if (State.Status == CallStatus.Queued) EnqueueOrPark(); // its enqueue may have been lost with the node it ran on
        if (State.Status == CallStatus.Ringing) Self.Tell(CheckRing.Instance); // the agent's no-answer may have been lost with the node it ran on
        WatchRing();
    }

    private void OnOffer(OfferCall cmd)
    {
        if (State.Status != CallStatus.None)
        {
            // A retried offer: the first outcome stands. A queued call is put in line again in case the
            // first enqueue was lost with a node (the queue ignores a call it already holds).
            Sender.Tell(new CommandAccepted(_callId, Outcome()));
            if (State.Status == CallStatus.Queued) EnqueueOrPark();
            return;
        }
        var routes = _directory.Routes;
        var decision = State.Decide(cmd, Now, routes.GetValueOrDefault, _plan.Plan);
        if (decision.IsRejected) Passivate();
        Handle(decision, events =>
        {
            Sender.Tell(new CommandAccepted(_callId, Outcome()));
            ReactToAll(events);
        });
    }

    private void ReactToAll(IReadOnlyList<ICallEvent> events)
    {
        foreach (var e in events) React(e);
        SyncTransferWatch();
    }

    /// <summary>What follows each persisted event: tell the other entities, signal the adapter.</summary>
    private void React(ICallEvent e)
    {
        var stream = Context.System.EventStream;
        switch (e)
        {
            case CallOffered o when State.Status == CallStatus.Queued && State.Details!.QueueId == o.QueueId && State.Callback is null:
                Enqueue();
                break;
            case CallRedirected when State.Status == CallStatus.Queued:
                Enqueue(); // into the queue it was redirected to
                break;
            case CallForwarded or CallClosedAnnounced:
                Finished();
                break;

            case CallOfferedToAgent r:
                stream.Publish(new CallSignals.RingAgent(_callId, r.AgentId, r.Token, State.Details!.QueueId));
                WatchRing();
                break;
            case CallOfferWithdrawn w:
                stream.Publish(new CallSignals.CancelRing(_callId, w.AgentId, w.Token));
                Enqueue(); // same rank: back to its original place
                break;
            case CallConnected c:
                stream.Publish(new CallSignals.Bridge(_callId, c.AgentId));
                break;
            case CallAbandoned a when a.Phase == CallStatus.Queued:
                _regions.Queues.Tell(new QueueCommands.RemoveCall(State.Details!.QueueId, _callId, "caller hung up"));
                Finished();
                break;
            case CallAbandoned a when a.Phase == CallStatus.Ringing:
                stream.Publish(new CallSignals.CancelRing(_callId, State.AgentId!, State.Token!));
                CancelOffer(State.AgentId!, State.Token!, "caller hung up");
                Finished();
                break;
            case CallEnded:
                _regions.Agents.Tell(new AgentProtocol.ConnectedCallEnded(State.AgentId!, _callId, State.Token!));
                Finished();
                break;
            case ICallbackEvent callback:
                ReactToCallback(callback);
                break;
            default:
                ReactToTransfer(e);
                break;
        }
    }

    private void Enqueue()
    {
        _regions.Queues.Tell(new QueueCommands.EnqueueCall(State.Details!.QueueId, _callId, State.Details.Rank));
        WatchQueue();
    }

    private void CancelOffer(string agentId, string token, string reason) =>
        _regions.Agents.Tell(new AgentProtocol.OfferCancelled(agentId, _callId, token, reason));

    private void Finished()
    {
        Context.System.EventStream.Publish(new CallSignals.CallCompleted(_callId, State.Status));
        SetReceiveTimeout(LingerAfterEnd);
    }

    private void Passivate() => Context.Parent.Tell(new Passivate(PoisonPill.Instance));
}
