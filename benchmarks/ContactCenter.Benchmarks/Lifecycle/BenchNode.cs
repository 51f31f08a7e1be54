using Akka.Actor;
using Akka.Cluster;
using Akka.Hosting;
using ContactCenter.Actors.Hosting;
using ContactCenter.Actors.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Benchmarks.Lifecycle;

/// <summary>One node in this process, started through the production wiring (as the test harness does).</summary>
public sealed class BenchNode : IAsyncDisposable
{
    private readonly IHost _host;

    private BenchNode(IHost host)
    {
        _host = host;
        System = host.Services.GetRequiredService<ActorSystem>();
        Directory = host.Services.GetRequiredService<QueueDirectory>();
        var registry = ActorRegistry.For(System);
        Calls = registry.Get<CallRegion>();
        Agents = registry.Get<AgentRegion>();
        Queues = registry.Get<QueueRegion>();
    }

    public ActorSystem System { get; }
    public QueueDirectory Directory { get; }
    public IActorRef Calls { get; }
    public IActorRef Agents { get; }
    public IActorRef Queues { get; }

    public static async Task<BenchNode> StartAsync(string databaseFile, JournalKind journal, bool deferredReads, string? extraHocon)
    {
        var settings = new ContactCenterSettings
        {
            Port = 0,
            Persistence = new PersistenceSettings { ConnectionString = $"Data Source={databaseFile}" },
        };
        var host = new HostBuilder()
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .ConfigureServices(s => s.AddContactCenterNode(settings, (builder, _) =>
            {
                // Keep warnings (heartbeat delays tell of thread starvation), drop the sharding chatter.
                builder.AddHocon("akka.loglevel = WARNING", HoconAddMode.Prepend);
                if (deferredReads)
                {
                    // Microsoft.Data.Sqlite opens every transaction but a read-uncommitted one with BEGIN IMMEDIATE,
                    // which takes the write lock: the plugin's reads (recovery) then queue behind the journal writer.
                    builder.AddHocon("""
                        akka.persistence.journal.sql.read-isolation-level = read-uncommitted
                        akka.persistence.snapshot-store.sql.read-isolation-level = read-uncommitted
                        akka.persistence.query.journal.sql.read-isolation-level = read-uncommitted
                        """, HoconAddMode.Prepend);
                }
                if (!string.IsNullOrWhiteSpace(extraHocon)) builder.AddHocon(extraHocon, HoconAddMode.Prepend);
                if (journal == JournalKind.InMemory)
                {
                    builder.AddHocon("""
                        akka.persistence.journal.plugin = "akka.persistence.journal.inmem"
                        akka.persistence.snapshot-store.plugin = "akka.persistence.snapshot-store.inmem"
                        """, HoconAddMode.Prepend);
                }
            }))
            .Build();
        await host.StartAsync();
        var node = new BenchNode(host);
        var up = new TaskCompletionSource();
        Cluster.Get(node.System).RegisterOnMemberUp(() => up.TrySetResult());
        await up.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return node;
    }

    public async Task<T> Ask<T>(IActorRef region, object message) => await region.Ask<T>(message, TimeSpan.FromSeconds(20));

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(30));
        _host.Dispose();
    }
}
