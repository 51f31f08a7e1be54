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

    /// <summary>Akka.Remote port; 0 picks a free one (tests).</summary>
    public int Port { get; set; } = 4053;

    /// <summary>Seed node addresses (akka.tcp://contact-center@host:port). Empty: the node forms a cluster alone.</summary>
    public List<string> SeedNodes { get; set; } = [];

    /// <summary>"routing" nodes host the entities; nodes without it reach them through shard proxies.</summary>
    public List<string> Roles { get; set; } = [RoutingRole];

    public PersistenceSettings Persistence { get; set; } = new();

    public Statistics.StatisticsSettings Statistics { get; set; } = new();

    public const string RoutingRole = "routing";

    public bool HostsEntities => Roles.Contains(RoutingRole);
}

public sealed class PersistenceSettings
{
    public PersistenceProvider Provider { get; set; } = PersistenceProvider.Sqlite;

    /// <summary>For SQLite, a file under data/ by default; for PostgreSQL, an Npgsql connection string.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/contactcenter.db";
}
