using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Akka.Actor;
using Akka.Cluster;
using ContactCenter.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ContactCenter.Cli.Tests;

/// <summary>
/// A real node (actors, cluster, SQLite or PostgreSQL, the HTTP pipeline) listening with Kestrel on a loopback port, so ccctl
/// reaches it over real HTTP exactly as an operator's would. One API key per role.
/// </summary>
public sealed class CliNode : WebApplicationFactory<Program>
{
    public const string AdminKey = "cli-test-admin-key-0001";
    public const string SupervisorKey = "cli-test-supervisor-key-1";

    private readonly string? _seed;
    private readonly bool _ownsDatabase;

    private CliNode(string databaseFile, string? seed, bool ownsDatabase)
    {
        DatabaseFile = databaseFile;
        _seed = seed;
        _ownsDatabase = ownsDatabase;
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    public string DatabaseFile { get; }

    /// <summary>The node's HTTP address, e.g. http://127.0.0.1:41234.</summary>
    public string Url { get; private set; } = "";

    public ActorSystem System => Services.GetRequiredService<ActorSystem>();

    public string AkkaAddress => Cluster.Get(System).SelfAddress.ToString();

    /// <summary>Starts a node; with a seed it joins that node's cluster (sharing its database, as cluster nodes do).</summary>
    public static async Task<CliNode> StartAsync(CliNode? seed = null)
    {
        var node = seed is null
            ? new CliNode(Path.Combine(Path.GetTempPath(), $"cc-cli-{Guid.NewGuid():N}.db"), null, ownsDatabase: true)
            : new CliNode(seed.DatabaseFile, seed.AkkaAddress, ownsDatabase: false);
        node.StartServer();
        node.Url = node.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await Eventually(() => Assert.Equal(MemberStatus.Up, Cluster.Get(node.System).SelfMember.Status), seconds: 30);
        return node;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ContactCenter:Port", "0");
        builder.UseSetting("ContactCenter:Configuration:Load", "false"); // each test sets up its own center
        foreach (var (key, value) in TestPersistence.AsConfiguration(DatabaseFile)) builder.UseSetting(key, value);
        if (_seed is not null) builder.UseSetting("ContactCenter:SeedNodes:0", _seed);
        var keys = new[] { ("admin", AdminKey, "admin"), ("supervisor", SupervisorKey, "supervisor") };
        for (var i = 0; i < keys.Length; i++)
        {
            builder.UseSetting($"ContactCenter:Api:Keys:{i}:Name", keys[i].Item1);
            builder.UseSetting($"ContactCenter:Api:Keys:{i}:Key", keys[i].Item2);
            builder.UseSetting($"ContactCenter:Api:Keys:{i}:Role", keys[i].Item3);
        }
    }

    /// <summary>An HTTP client with the admin key, for setting up entities the way the other APIs do.</summary>
    public HttpClient Admin()
    {
        var client = new HttpClient { BaseAddress = new Uri(Url) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    public async Task CreateQueue(string queueId, string skill)
    {
        using var http = Admin();
        var put = await http.PutAsJsonAsync($"/v1/queues/{queueId}", new { name = queueId, requiredSkill = skill, wrapUp = "00:00:00" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    public async Task CreateAgent(string agentId, string skill, int level)
    {
        using var http = Admin();
        var put = await http.PutAsJsonAsync($"/v1/agents/{agentId}/profile",
            new { name = agentId, team = "KBS-1", department = "KBS", kind = "CitizenService", skills = new Dictionary<string, int> { [skill] = level } });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
    }

    /// <summary>Offers a call once the queue routes on this node (the queue directory replicates shortly after).</summary>
    public async Task OfferCall(string callId, string queueId)
    {
        using var http = Admin();
        await Eventually(async () =>
        {
            var offer = await http.PostAsJsonAsync("/v1/calls", new { callId, from = "+4512345678", dialled = "33663366", queueId });
            Assert.Equal(HttpStatusCode.Created, offer.StatusCode);
        });
    }

    public async Task Post(string path)
    {
        using var http = Admin();
        var response = await http.PostAsync(path, null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!_ownsDatabase) return;
        TestPersistence.Delete(DatabaseFile);
    }

    public static Task Eventually(Action assertion, int seconds = 15) => Eventually(() =>
    {
        assertion();
        return Task.CompletedTask;
    }, seconds);

    public static async Task Eventually(Func<Task> assertion, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            try
            {
                await assertion();
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}
