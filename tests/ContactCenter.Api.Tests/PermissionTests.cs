using System.Net;
using System.Net.Http.Json;
using Xunit;

namespace ContactCenter.Api.Tests;

/// <summary>Every role against every endpoint group: allowed (not 401/403) or refused (403).</summary>
public sealed class PermissionTests : IClassFixture<PermissionTests.Node>
{
    public sealed class Node : IAsyncLifetime
    {
        public ApiNode Api { get; } = new();
        public async Task InitializeAsync() => await Api.CreateAgent("anna", "general", 3);
        public async Task DisposeAsync() => await Api.DisposeAsync();
    }

    private readonly ApiNode _node;

    public PermissionTests(Node node) => _node = node.Api;

    public static TheoryData<string, string, string, bool> Matrix()
    {
        var data = new TheoryData<string, string, string, bool>();
        var endpoints = new (string Method, string Path, string[] Allowed)[]
        {
            ("POST", "/v1/calls", ["adapter", "admin"]),
            ("POST", "/v1/calls/c1/events", ["adapter", "admin"]),
            ("GET", "/v1/calls/c1", ["adapter", "supervisor", "admin"]),
            ("GET", "/v1/adapter/commands/cursor", ["adapter", "admin"]),
            ("POST", "/v1/calls/events/bulk", ["adapter", "admin"]),
            ("GET", "/v1/agents/anna", ["anna", "supervisor", "admin"]),
            ("POST", "/v1/agents/anna/login", ["anna", "supervisor", "admin"]),
            ("PUT", "/v1/queues/q1", ["supervisor", "admin"]),
            ("GET", "/v1/queues/q1", ["supervisor", "admin"]),
            ("PUT", "/v1/agents/bo/profile", ["supervisor", "admin"]),
            ("DELETE", "/v1/queues/q1", ["supervisor", "admin"]),
            ("GET", "/v1/directory", ["adapter", "anna", "supervisor", "admin"]),
            ("GET", "/v1/menus", ["adapter", "anna", "supervisor", "admin"]),
            ("GET", "/v1/entry-numbers", ["adapter", "anna", "supervisor", "admin"]),
            ("GET", "/v1/routing-plan", ["adapter", "anna", "supervisor", "admin"]),
            ("PUT", "/v1/directory/x", ["supervisor", "admin"]),
            ("DELETE", "/v1/directory/x", ["supervisor", "admin"]),
            ("PUT", "/v1/menus/x", ["supervisor", "admin"]),
            ("PUT", "/v1/entry-numbers/33663366", ["supervisor", "admin"]),
            ("POST", "/v1/routing-plan/changes", ["supervisor", "admin"]),
            ("POST", "/v1/routing-plan/changes/1/cancel", ["supervisor", "admin"]),
        };
        foreach (var (method, path, allowed) in endpoints)
        foreach (var who in new[] { "adapter", "anna", "supervisor", "admin" })
            data.Add(method, path, who, allowed.Contains(who));
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_role_reaches_exactly_its_endpoints(string method, string path, string who, bool allowed)
    {
        var key = who switch
        {
            "adapter" => ApiNode.AdapterKey,
            "anna" => ApiNode.AnnaKey,
            "supervisor" => ApiNode.SupervisorKey,
            _ => ApiNode.AdminKey,
        };
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT") request.Content = JsonContent.Create(new { });
        var response = await _node.As(key).SendAsync(request);

        if (allowed) Assert.NotEqual(HttpStatusCode.Forbidden, response.StatusCode);
        else Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
