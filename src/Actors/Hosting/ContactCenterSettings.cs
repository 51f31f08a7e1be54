namespace ContactCenter.Actors.Hosting;

public enum PersistenceProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Node settings, bound from the "ContactCenter" configuration section (env: ContactCenter__Port=...).</summary>
public sealed class ContactCenterSettings
{
    public const string Section = "ContactCenter";

    public string ClusterName { get; set; } = "contact-center";

    /// <summary>Address this node binds Akka.Remote to.</summary>
    public string Hostname { get; set; } = "127.0.0.1";

    /// <summary>
    /// The address other nodes reach this one at, when it differs from the bound one: in Kubernetes the node
    /// binds 0.0.0.0 and is reached at its pod's stable DNS name. Empty: <see cref="Hostname"/>.
    /// </summary>
    public string? PublicHostname { get; set; }

    /// <summary>Akka.Remote port; 0 picks a free one (tests).</summary>
    public int Port { get; set; } = 4053;

    /// <summary>Seed node addresses (akka.tcp://contact-center@host:port). Empty: the node forms a cluster alone.</summary>
    public List<string> SeedNodes { get; set; } = [];

    /// <summary>
    /// "routing" nodes host the entities; nodes without it reach them through shard proxies. Empty (the
    /// default): routing. Not initialised with "routing": the configuration binder appends to a list's initial
    /// items, so <c>ContactCenter__Roles__0=api</c> would have made an API-only node a routing node too.
    /// </summary>
    public List<string> Roles { get; set; } = [];

    /// <summary>The node's cluster roles: <see cref="Roles"/>, or routing when none are given.</summary>
    public IReadOnlyList<string> ClusterRoles => Roles.Count == 0 ? [RoutingRole] : Roles;

    public PersistenceSettings Persistence { get; set; } = new();

    /// <summary>
    /// How long heartbeats from a member may be missing before the failure detector marks it unreachable (Akka's
    /// acceptable-heartbeat-pause; heartbeats go every half second). Detection of a crashed node takes about this
    /// plus one second. Shorter finds a crash sooner; too short marks nodes unreachable during a long GC pause.
    /// </summary>
    public TimeSpan HeartbeatPause { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long the cluster must look the same before the split-brain resolver (keep-majority) downs the
    /// unreachable side. Shorter recovers a crashed node's entities sooner; too short downs nodes that only
    /// paused (a long GC, a slow network).
    /// </summary>
    public TimeSpan DowningStableAfter { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>
    /// After a member is downed, how long its shards and singletons wait before they start elsewhere (Akka's
    /// down-removal-margin), so a node on the minority side has stopped its entities first.
    /// </summary>
    public TimeSpan DownRemovalMargin { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long a stopping node (SIGTERM) may take to drain HTTP, leave the cluster and hand its shards over
    /// before the process exits anyway. Kubernetes' terminationGracePeriodSeconds must be longer.
    /// </summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(45);

    public Statistics.StatisticsSettings Statistics { get; set; } = new();

    public const string RoutingRole = "routing";

    public bool HostsEntities => ClusterRoles.Contains(RoutingRole);
}

public sealed class PersistenceSettings
{
    public PersistenceProvider Provider { get; set; } = PersistenceProvider.Sqlite;

    /// <summary>For SQLite, a file under data/ by default; for PostgreSQL, an Npgsql connection string.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/contactcenter.db";
}
