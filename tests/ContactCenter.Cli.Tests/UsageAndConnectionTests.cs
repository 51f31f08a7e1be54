using Xunit;

namespace ContactCenter.Cli.Tests;

/// <summary>Bad arguments (exit 2), refused or missing keys (exit 3), unreachable nodes (exit 4), and how the node is chosen.</summary>
[Collection(SingleNodeCollection.Name)]
public sealed class UsageAndConnectionTests(SingleNodeFixture fixture) : IDisposable
{
    private readonly CliNode _node = fixture.Node;
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    /// <summary>A loopback port nothing listens on.</summary>
    private static string ClosedUrl()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("cluster")]
    [InlineData("call", "show")]
    [InlineData("cluster", "show", "--output", "xml")]
    [InlineData("cluster", "down", "not-an-address")]
    [InlineData("actor", "hierarchy", "--depth", "99")]
    [InlineData("actor", "hierarchy", "user")]
    [InlineData("shards", "stats", "parcel")]
    [InlineData("log", "level", "loud")]
    [InlineData("log", "tail", "--lines", "many")]
    public async Task Bad_arguments_print_usage_and_exit_2(params string[] args)
    {
        var result = await _cli.Run(args);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.StartsWith("ccctl: ", result.Error);
        Assert.Contains("Usage:", result.Error);
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task Help_prints_the_command_groups_and_exits_0()
    {
        var result = await _cli.Run(["--help"]);

        Assert.Equal(0, result.ExitCode);
        foreach (var group in new[] { "cluster", "shards", "actor", "call", "agent", "queue", "log", "context" })
            Assert.Contains("  " + group, result.Out);
    }

    [Fact]
    public async Task Without_a_key_ccctl_says_where_to_give_one_and_exits_3()
    {
        var result = await _cli.Run(["--url", _node.Url, "cluster", "show"]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"no API key for {_node.Url}: pass --key, set CCCTL_KEY", result.Error);
    }

    [Fact]
    public async Task A_key_the_node_does_not_know_exits_3()
    {
        var result = await _cli.Run(["--url", _node.Url, "--key", "not-a-key-of-this-node", "cluster", "show"]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("refused the API key (401 Unauthorized)", result.Error);
    }

    [Fact]
    public async Task A_key_without_the_admin_role_exits_3()
    {
        var result = await _cli.Run(["--url", _node.Url, "--key", CliNode.SupervisorKey, "shards", "regions"]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("403 Forbidden", result.Error);
        Assert.Contains("admin role", result.Error);
    }

    [Fact]
    public async Task An_unreachable_node_exits_4()
    {
        var url = ClosedUrl();
        var result = await _cli.Run(["--url", url, "--key", CliNode.AdminKey, "cluster", "show"]);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains($"cannot reach the node at {url}: connection refused", result.Error);
    }

    [Fact]
    public async Task Environment_variables_name_the_node_and_the_key()
    {
        _cli.Variables["CCCTL_URL"] = _node.Url;
        _cli.Variables["CCCTL_KEY"] = CliNode.AdminKey;

        var result = await _cli.Run(["cluster", "show"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(_node.AkkaAddress, result.Out);
    }

    [Fact]
    public async Task Contexts_are_set_listed_used_and_chosen_by_name()
    {
        var closed = ClosedUrl();
        var first = await _cli.Run(["context", "set", "elsewhere", "--url", closed, "--key", CliNode.AdminKey]);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("(current)", first.Out);
        Assert.Equal(0, (await _cli.Run(["context", "set", "local", "--url", _node.Url, "--key", CliNode.AdminKey])).ExitCode);

        // The first context became current: it points at nothing.
        Assert.Equal(4, (await _cli.Run(["cluster", "show"])).ExitCode);

        var use = await _cli.Run(["context", "use", "local"]);
        Assert.True(use.ExitCode == 0, use.ToString());
        var show = await _cli.Run(["cluster", "show"]);
        Assert.True(show.ExitCode == 0, show.ToString());
        Assert.Contains(_node.AkkaAddress, show.Out);

        Assert.Equal(4, (await _cli.Run(["cluster", "show", "--context", "elsewhere"])).ExitCode);

        var list = await _cli.Run(["context", "list"]);
        Assert.Matches(@"│ \*\s+│ local\s+│", list.Out);
        Assert.Matches(@"│ -\s+│ elsewhere\s+│", list.Out);
        Assert.DoesNotContain(CliNode.AdminKey, list.Out);
        Assert.Contains("\"currentContext\": \"local\"", File.ReadAllText(_cli.ConfigPath));

        var unknown = await _cli.Run(["context", "use", "nowhere"]);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("no context named 'nowhere'", unknown.Error);
    }
}
