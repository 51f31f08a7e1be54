using System.Collections.Frozen;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Idempotency;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;

namespace ContactCenter.Actors.Serialization;

/// <summary>
/// The wire names of every serialized type. A manifest is forever: renaming a C# type keeps its manifest,
/// and an incompatible change gets a new manifest (".v2") while the old one stays readable.
/// </summary>
public static class ManifestRegistry
{
    private static readonly (Type Type, string Manifest)[] Entries =
    [
        // Shared
        (typeof(CommandAccepted), "cmd.accepted"),
        (typeof(CommandRejected), "cmd.rejected"),
        (typeof(IdleAgent), "routing.idle-agent"),
        (typeof(QueueRoute), "routing.queue-route"),

        // Skill queues
        (typeof(QueueConfig), "queue.config"),
        (typeof(QueueCommands.ConfigureQueue), "queue.configure"),
        (typeof(QueueCommands.RemoveQueue), "queue.remove"),
        (typeof(QueueCommands.SetOverride), "queue.set-override"),
        (typeof(QueueEvents.QueueOverrideSet), "queue.override-set"),
        (typeof(QueueCommands.EnqueueCall), "queue.enqueue-call"),
        (typeof(QueueCommands.RemoveCall), "queue.remove-call"),
        (typeof(QueueCommands.GetQueueState), "queue.get-state"),
        (typeof(QueueProtocol.AgentAvailable), "queue.agent-available"),
        (typeof(QueueProtocol.AgentUnavailable), "queue.agent-unavailable"),
        (typeof(QueueProtocol.ProposalAccepted), "queue.proposal-accepted"),
        (typeof(QueueProtocol.ProposalDeclined), "queue.proposal-declined"),
        (typeof(QueueProtocol.ProposalExpired), "queue.proposal-expired"),
        (typeof(QueueProtocol.ClosingTimeReached), "queue.closing-time-reached"),
        (typeof(QueueEvents.QueueConfigured), "queue.configured"),
        (typeof(QueueEvents.CallEnqueued), "queue.call-enqueued"),
        (typeof(QueueEvents.CallAssigned), "queue.call-assigned"),
        (typeof(QueueEvents.CallRemoved), "queue.call-removed"),
        (typeof(QueueEvents.QueueRemoved), "queue.removed"),
        (typeof(WaitingCall), "queue.waiting-call"),
        (typeof(QueueView), "queue.view"),
        (typeof(QueueSnapshot), "queue.snapshot"),

        // Agents
        (typeof(AgentProfile), "agent.profile"),
        (typeof(AgentCommands.ConfigureAgent), "agent.configure"),
        (typeof(AgentCommands.SetSkills), "agent.set-skills"),
        (typeof(AgentCommands.RemoveAgent), "agent.remove"),
        (typeof(AgentCommands.LogIn), "agent.log-in"),
        (typeof(AgentCommands.MakeReady), "agent.make-ready"),
        (typeof(AgentCommands.Pause), "agent.pause"),
        (typeof(AgentCommands.LogOut), "agent.log-out"),
        (typeof(AgentCommands.EndWrapUp), "agent.end-wrap-up"),
        (typeof(AgentCommands.ExtendWrapUp), "agent.extend-wrap-up"),
        (typeof(AgentCommands.AnswerOffer), "agent.answer-offer"),
        (typeof(AgentCommands.GetAgentState), "agent.get-state"),
        (typeof(AgentProtocol.CallProposal), "agent.call-proposal"),
        (typeof(AgentProtocol.NoCallWaiting), "agent.no-call-waiting"),
        (typeof(AgentProtocol.ProposalVoid), "agent.proposal-void"),
        (typeof(AgentProtocol.OfferCancelled), "agent.offer-cancelled"),
        (typeof(AgentProtocol.ConnectedCallEnded), "agent.call-finished-notice"),
        (typeof(AgentProtocol.OfferDeadlineReached), "agent.offer-deadline"),
        (typeof(AgentProtocol.WrapUpDeadlineReached), "agent.wrap-up-deadline"),
        (typeof(AgentProtocol.PauseDeadlineReached), "agent.pause-deadline"),
        (typeof(AgentProtocol.CollectionWindowClosed), "agent.collection-window-closed"),
        (typeof(AgentEvents.AgentConfigured), "agent.configured"),
        (typeof(AgentEvents.AgentLoggedIn), "agent.logged-in"),
        (typeof(AgentEvents.AgentBecameReady), "agent.became-ready"),
        (typeof(AgentEvents.AgentPaused), "agent.paused"),
        (typeof(AgentEvents.AgentLoggedOut), "agent.logged-out"),
        (typeof(AgentEvents.OfferReserved), "agent.offer-reserved"),
        (typeof(AgentEvents.OfferMissed), "agent.offer-missed"),
        (typeof(AgentEvents.OfferRevoked), "agent.offer-revoked"),
        (typeof(AgentEvents.CallAnswered), "agent.call-answered"),
        (typeof(AgentEvents.CallFinished), "agent.call-finished"),
        (typeof(AgentEvents.WrapUpExtended), "agent.wrap-up-extended"),
        (typeof(AgentEvents.AgentRemoved), "agent.removed"),
        (typeof(AgentOffer), "agent.offer"),
        (typeof(AgentCall), "agent.call"),
        (typeof(AgentDailyStats), "agent.daily-stats"),
        (typeof(AgentState), "agent.state"),

        // Calls
        (typeof(CallCommands.OfferCall), "call.offer"),
        (typeof(CallCommands.HangUp), "call.hang-up"),
        (typeof(CallCommands.GetCallState), "call.get-state"),
        (typeof(CallProtocol.RouteToAgent), "call.route-to-agent"),
        (typeof(CallProtocol.AgentConnected), "call.agent-connected"),
        (typeof(CallProtocol.OfferWithdrawn), "call.offer-withdrawn"),
        (typeof(CallProtocol.ClosedWhileQueued), "call.closed-while-queued"),
        (typeof(CallEvents.CallOffered), "call.offered"),
        (typeof(CallEvents.CallOfferedToAgent), "call.offered-to-agent"),
        (typeof(CallEvents.CallOfferWithdrawn), "call.offer-withdrawn-event"),
        (typeof(CallEvents.CallConnected), "call.connected"),
        (typeof(CallEvents.CallEnded), "call.ended"),
        (typeof(CallEvents.CallAbandoned), "call.abandoned"),
        (typeof(CallEvents.CallRedirected), "call.redirected"),
        (typeof(CallEvents.CallForwarded), "call.forwarded"),
        (typeof(CallEvents.CallClosedAnnounced), "call.closed-announced"),
        (typeof(ClosedHandling), "queue.closed-handling"),
        (typeof(CallState), "call.state"),

        // Adapter command stream cursors
        (typeof(Adapters.JournalAdvanced), "adapter.journal-advanced"),
        (typeof(Adapters.AdapterCursorMessages.Acknowledge), "adapter.acknowledge"),
        (typeof(Adapters.AdapterCursorMessages.GetCursor), "adapter.get-cursor"),
        (typeof(Adapters.AdapterCursorMessages.Cursor), "adapter.cursor"),
        (typeof(Adapters.AdapterCursorMessages.StartAt), "adapter.start-at"),
        (typeof(Adapters.AdapterCursorMessages.CursorMoved), "adapter.cursor-moved"),

        // Idempotency keys
        (typeof(StoredResponse), "idempotency.stored-response"),
        (typeof(IdempotencyCommands.Claim), "idempotency.claim"),
        (typeof(IdempotencyCommands.Complete), "idempotency.complete"),
        (typeof(IdempotencyCommands.Release), "idempotency.release"),
        (typeof(IdempotencyReplies.Proceed), "idempotency.proceed"),
        (typeof(IdempotencyReplies.Replay), "idempotency.replay"),
        (typeof(IdempotencyReplies.InProgress), "idempotency.in-progress"),
        (typeof(IdempotencyReplies.KeyReused), "idempotency.key-reused"),
        (typeof(IdempotencyEvents.RequestClaimed), "idempotency.request-claimed"),
        (typeof(IdempotencyEvents.ResponseStored), "idempotency.response-stored"),
        (typeof(IdempotencyEvents.ClaimReleased), "idempotency.claim-released"),
        (typeof(IdempotencyRecord), "idempotency.record"),

        // Statistics projection
        (typeof(Statistics.CenterStatistics), "statistics.center"),
        (typeof(Statistics.StatisticsMessages.GetStatistics), "statistics.get"),
        (typeof(Statistics.StatisticsMessages.RebuildStatistics), "statistics.rebuild"),
    ];

    private static readonly FrozenDictionary<Type, string> ByType = Entries.ToFrozenDictionary(e => e.Type, e => e.Manifest);
    private static readonly FrozenDictionary<string, Type> ByManifest = Entries.ToFrozenDictionary(e => e.Manifest, e => e.Type);

    public static IReadOnlyCollection<Type> Types => ByType.Keys;

    public static string ManifestOf(Type type) => ByType.TryGetValue(type, out var manifest)
        ? manifest
        : throw new ArgumentException($"{type.FullName} has no manifest in {nameof(ManifestRegistry)}");

    public static Type TypeOf(string manifest) => ByManifest.TryGetValue(manifest, out var type)
        ? type
        : throw new System.Runtime.Serialization.SerializationException($"unknown manifest '{manifest}'");
}
