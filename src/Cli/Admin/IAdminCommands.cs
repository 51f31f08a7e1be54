namespace ContactCenter.Cli.Admin;

/// <summary>
/// Everything ccctl asks of a node. The commands call only this seam; <see cref="HttpAdminCommands"/> speaks the
/// admin API, and a Petabridge.Cmd palette could implement it where that package is available.
/// Failures are <see cref="AdminException"/>s: refused (auth), unreachable, or a problem the node reported.
/// </summary>
public interface IAdminCommands
{
    /// <summary>Where the commands go, for messages ("the node at ...").</summary>
    string Target { get; }

    Task<ClusterStatus> GetClusterAsync(CancellationToken ct);
    Task<ClusterActionResult> JoinAsync(string address, CancellationToken ct);
    Task<ClusterActionResult> LeaveAsync(string address, CancellationToken ct);
    Task<ClusterActionResult> DownAsync(string address, CancellationToken ct);
    Task<ClusterActionResult> DownUnreachableAsync(CancellationToken ct);

    Task<IReadOnlyList<RegionInfo>> GetRegionsAsync(CancellationToken ct);
    Task<IReadOnlyList<RegionStats>> GetShardStatsAsync(string? typeName, CancellationToken ct);
    Task<ActorNode> GetActorTreeAsync(string path, int depth, CancellationToken ct);

    Task<CallDetails> GetCallAsync(string callId, CancellationToken ct);
    Task<AgentDetails> GetAgentAsync(string agentId, CancellationToken ct);
    Task<QueueDetails> GetQueueAsync(string queueId, CancellationToken ct);
    Task<CommandOutcome> LogOutAgentAsync(string agentId, bool force, CancellationToken ct);

    /// <summary>verb: close, open or drain.</summary>
    Task<CommandOutcome> SteerQueueAsync(string queueId, string verb, CancellationToken ct);

    Task<LogLevels> GetLogLevelAsync(CancellationToken ct);
    Task<LogLevels> SetLogLevelAsync(string level, CancellationToken ct);

    /// <summary>The node's recent log lines, then (when following) new ones until <paramref name="ct"/> is cancelled.</summary>
    IAsyncEnumerable<LogLine> TailLogAsync(int lines, bool follow, CancellationToken ct);
}

/// <summary>A command the node could not carry out; the exit code says which kind.</summary>
public abstract class AdminException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>No key, or a key the node refused (401) or that lacks the admin role (403).</summary>
public sealed class AdminRefusedException(string message) : AdminException(message);

/// <summary>No connection, a refused connection or no answer in time.</summary>
public sealed class AdminUnreachableException(string message, Exception? inner = null) : AdminException(message, inner);

/// <summary>The node answered with RFC 9457 problem details.</summary>
public sealed class AdminProblemException(int status, string title, string detail) : AdminException($"{title}: {detail}")
{
    public int Status { get; } = status;
    public string Title { get; } = title;
    public string Detail { get; } = detail;
}
