using System.Collections.Concurrent;
using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using Akka.Hosting;
using ContactCenter.Actors.Calls;
using ContactCenter.Actors.Hosting;
using ContactCenter.Actors.Routing;
using ContactCenter.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Actors.Tests.Support;

/// <summary>
/// A real node in the test process: the production wiring (cluster on loopback, Akka.Persistence.Sql on a
/// SQLite file or, with CONTACTCENTER_TEST_POSTGRES set, a PostgreSQL schema; sharding) started through the
/// same extension the host uses.
/// </summary>
public sealed class TestNode : IAsyncDisposable
{
    private readonly IHost _host;

    private TestNode(IHost host, ActorSystem system)
    {
        _host = host;
        System = system;
        var registry = ActorRegistry.For(system);
        Calls = registry.Get<CallRegion>();
        Agents = registry.Get<AgentRegion>();
        Queues = registry.Get<QueueRegion>();
        Signals = new SignalRecorder(system);
        Directory = host.Services.GetRequiredService<QueueDirectory>();
    }

    public ActorSystem System { get; }
    public IActorRef Calls { get; }
    public IActorRef Agents { get; }
    public IActorRef Queues { get; }
    public SignalRecorder Signals { get; }
    public IServiceProvider Services => _host.Services;
    public QueueDirectory Directory { get; }
    public Address Address => Cluster.Get(System).SelfAddress;

    /// <param name="time">The node's clock (default: the system clock), e.g. a <see cref="ManualTime"/>.</param>
    /// <param name="configure">Changes to the node's settings before it starts.</param>
    public static async Task<TestNode> StartAsync(
        string databaseFile, IEnumerable<string>? seeds = null, List<string>? roles = null, TimeProvider? time = null,
        Action<ContactCenterSettings>? configure = null)
    {
        var settings = new ContactCenterSettings
        {
            Port = 0,
            SeedNodes = seeds?.ToList() ?? [],
            Roles = roles ?? [ContactCenterSettings.RoutingRole],
            Persistence = TestPersistence.For(databaseFile),
        };
        configure?.Invoke(settings);
        var host = new HostBuilder()
            .ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning))
            .ConfigureServices(s =>
            {
                s.AddContactCenterNode(settings);
                if (time is not null) s.AddSingleton(time);
            })
            .Build();
        await host.StartAsync();
        var system = host.Services.GetRequiredService<ActorSystem>();
        var node = new TestNode(host, system);
        await node.WaitUntilUpAsync();
        return node;
    }

    /// <summary>
    /// Up in the cluster and, on a node that hosts entities, every region registered with its coordinator (what
    /// /healthz/ready checks): the first command then does not wait for the coordinator to start.
    /// </summary>
    private async Task WaitUntilUpAsync()
    {
        var cluster = Cluster.Get(System);
        var up = new TaskCompletionSource();
        cluster.RegisterOnMemberUp(() => up.TrySetResult());
        await up.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var sharding = ClusterSharding.Get(System);
        foreach (var type in sharding.ShardTypeNames)
        {
            await Eventually.Holds(async () =>
            {
                var current = await sharding.ShardRegion(type).Ask<CurrentRegions>(GetCurrentRegions.Instance, TimeSpan.FromSeconds(5));
                Xunit.Assert.Contains(cluster.SelfAddress, current.Regions);
            }, TimeSpan.FromSeconds(60));
        }
    }

    public async Task<T> Ask<T>(IActorRef region, object message) =>
        await region.Ask<T>(message, TimeSpan.FromSeconds(10));

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(TimeSpan.FromSeconds(30));
        _host.Dispose();
    }

    /// <summary>Hard stop without leaving the cluster: what a crash looks like to the others.</summary>
    public async Task CrashAsync()
    {
        await System.Terminate();
        _host.Dispose();
    }
}

/// <summary>Records the adapter signals (ring, cancel, bridge, completed) a node publishes.</summary>
public sealed class SignalRecorder
{
    private readonly ConcurrentQueue<CallSignals.ICallSignal> _signals = new();

    public SignalRecorder(ActorSystem system)
    {
        var listener = system.ActorOf(Props.Create(() => new Listener(_signals)));
        system.EventStream.Subscribe(listener, typeof(CallSignals.ICallSignal));
    }

    public IReadOnlyList<CallSignals.ICallSignal> All => _signals.ToArray();

    public IEnumerable<T> Of<T>() => All.OfType<T>();

    private sealed class Listener : ReceiveActor
    {
        public Listener(ConcurrentQueue<CallSignals.ICallSignal> sink) => Receive<CallSignals.ICallSignal>(sink.Enqueue);
    }
}
