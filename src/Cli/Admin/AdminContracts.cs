using System.Text.Json;

namespace ContactCenter.Cli.Admin;

// What the admin API answers, as the tool reads it. Entity parts the tool only shows stay JSON.

public sealed record ClusterMember(string Address, string Status, IReadOnlyList<string> Roles, bool Reachable, bool Self, bool Leader, bool Oldest);

public sealed record ClusterStatus(string Self, string? Leader, string? Oldest, IReadOnlyList<ClusterMember> Members, IReadOnlyList<string> Unreachable);

public sealed record ClusterActionResult(string Action, IReadOnlyList<string> Addresses, string Detail);

public sealed record RegionInfo(string TypeName, string Mode, string Path, IReadOnlyList<string> Nodes, int LocalShards, int LocalEntities);

public sealed record NodeShards(string Address, int Shards, int Entities, IReadOnlyList<string> FailedShards);

public sealed record RegionStats(string TypeName, IReadOnlyList<NodeShards> Nodes);

public sealed record ActorNode(string Name, string Path, string? Type, IReadOnlyList<ActorNode> Children, int OmittedChildren);

public sealed record CallDetails(
    string CallId, string Status, string? QueueId, string? AgentId, string? Token, JsonElement? Details, IReadOnlyList<JsonElement> History);

public sealed record AgentDetails(
    string AgentId, JsonElement Profile, string Status, DateTimeOffset StatusSince, JsonElement? Offer, JsonElement? Call,
    DateTimeOffset? WrapUpUntil, string? PauseReason, DateTimeOffset? PauseUntil, JsonElement Today);

public sealed record WaitingCall(string CallId, int Priority, DateTimeOffset OriginalArrival, DateTimeOffset EnqueuedAt, double WaitingSeconds);

public sealed record IdleAgent(string AgentId, int Level, DateTimeOffset IdleSince, int CallsToday, string TalkTimeToday);

public sealed record QueueRoute(string QueueId, string Skill, int MinLevel, string Incarnation);

public sealed record QueueDetails(
    string QueueId, JsonElement Config, QueueRoute? Route, IReadOnlyList<WaitingCall> Waiting, double LongestWaitSeconds,
    IReadOnlyList<IdleAgent> IdleAgents, int OpenProposals);

public sealed record CommandOutcome(string EntityId, string Detail);

public sealed record LogLevels(string Level, string AkkaLevel);

public sealed record LogLine(long Seq, DateTimeOffset At, string Level, string Category, string Message, string? Exception);
