using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ContactCenter.Api;
using ContactCenter.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace ContactCenter.Api.Tests;

/// <summary>The real host (actors, SQLite or PostgreSQL, HTTP pipeline) in memory, with one API key per role.</summary>
public sealed class ApiNode : WebApplicationFactory<Program>
{
    public const string AdapterKey = "test-adapter-key-0001";
    public const string SupervisorKey = "test-supervisor-key-01";
    public const string AdminKey = "test-admin-key-000001";
    public const string AnnaKey = "test-agent-anna-key-01";
    public const string BufDepartmentKey = "test-department-buf-01";

    private bool _keepDatabase;

    public ApiNode(string? databaseFile = null) =>
        DatabaseFile = databaseFile ?? Path.Combine(Path.GetTempPath(), $"cc-api-{Guid.NewGuid():N}.db");

    public string DatabaseFile { get; }

    /// <summary>Off by default so each test starts from an empty center.</summary>
    public bool LoadSampleConfiguration { get; init; }

    /// <summary>Requests in flight before the node answers 429.</summary>
    public int MaxConcurrentRequests { get; init; } = 512;

    /// <summary>Stops the node but leaves its database for a next node (a restart).</summary>
    public async Task StopKeepingDatabase()
    {
        _keepDatabase = true;
        await DisposeAsync();
    }

    public static readonly JsonSerializerOptions Json = CreateJson();

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiServices.Configure(options);
        return options;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ContactCenter:Port", "0");
        foreach (var (key, value) in TestPersistence.AsConfiguration(DatabaseFile)) builder.UseSetting(key, value);
        builder.UseSetting("ContactCenter:Api:MaxRequestBodyBytes", "65536");
        builder.UseSetting("ContactCenter:Configuration:Load", LoadSampleConfiguration ? "true" : "false");
        builder.UseSetting("ContactCenter:Api:MaxConcurrentRequests", MaxConcurrentRequests.ToString());
        var keys = new[]
        {
            ("adapter", AdapterKey, "adapter", null),
            ("supervisor", SupervisorKey, "supervisor", null),
            ("admin", AdminKey, "admin", null),
            ("anna", AnnaKey, "agent", "anna"),
            ("buf", BufDepartmentKey, "department", null),
        };
        for (var i = 0; i < keys.Length; i++)
        {
            var (name, key, role, agent) = keys[i];
            builder.UseSetting($"ContactCenter:Api:Keys:{i}:Name", name);
            builder.UseSetting($"ContactCenter:Api:Keys:{i}:Key", key);
            builder.UseSetting($"ContactCenter:Api:Keys:{i}:Role", role);
            if (agent is not null) builder.UseSetting($"ContactCenter:Api:Keys:{i}:AgentId", agent);
            if (role == "department") builder.UseSetting($"ContactCenter:Api:Keys:{i}:DepartmentId", "BUF");
        }
    }

    public HttpClient As(string? key)
    {
        var client = CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_keepDatabase) return;
        TestPersistence.Delete(DatabaseFile);
    }

    /// <summary>Creates a queue and waits until calls can be routed to it.</summary>
    public async Task CreateQueue(string queueId, string skill, int wrapUpSeconds = 0)
    {
        var supervisor = As(SupervisorKey);
        var put = await supervisor.PutAsJsonAsync($"/v1/queues/{queueId}",
            new { name = queueId, requiredSkill = skill, wrapUp = TimeSpan.FromSeconds(wrapUpSeconds).ToString("c") }, Json);
        Assert.Equal(System.Net.HttpStatusCode.OK, put.StatusCode);
        // The queue directory reaches every node shortly after; wait until the node routes to it.
        await Eventually(async () =>
        {
            var probe = await As(AdapterKey).PostAsJsonAsync("/v1/calls", new { from = "+4500000000", queueId, callId = "probe-" + queueId }, Json);
            Assert.Equal(System.Net.HttpStatusCode.Created, probe.StatusCode);
        });
        await As(AdapterKey).PostAsJsonAsync($"/v1/calls/probe-{queueId}/events", new { type = "CallerHungUp" }, Json);
    }

    public async Task CreateAgent(string agentId, string skill, int level)
    {
        var put = await As(SupervisorKey).PutAsJsonAsync($"/v1/agents/{agentId}/profile",
            new { name = agentId, team = "KBS-1", department = "KBS", kind = "CitizenService", skills = new Dictionary<string, int> { [skill] = level } }, Json);
        Assert.Equal(System.Net.HttpStatusCode.OK, put.StatusCode);
    }

    /// <summary>Retries until the probe returns without an assertion failure (e.g. until a change reached the node's replica).</summary>
    public static async Task<T> EventuallyValue<T>(Func<Task<T>> probe, int seconds = 15)
    {
        T value = default!;
        await Eventually(async () => value = await probe(), seconds);
        return value;
    }

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
                await Task.Delay(50);
            }
        }
    }
}
