using System.Text.Json;
using Akka.Event;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ContactCenter.Cli.Tests;

/// <summary>log level and log tail against a real node's own log.</summary>
[Collection(SingleNodeCollection.Name)]
public sealed class LogTests(SingleNodeFixture fixture) : IDisposable
{
    private readonly CliNode _node = fixture.Node;
    private readonly CliRun _cli = new();

    public void Dispose() => _cli.Dispose();

    private ILogger Logger => _node.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ContactCenter.Cli.Tests");

    private async Task<string> Tail(int lines = 1000)
    {
        var result = await _cli.Against(_node, "log", "tail", "-n", lines.ToString());
        Assert.True(result.ExitCode == 0, result.ToString());
        return result.Out;
    }

    [Fact]
    public async Task Log_tail_prints_recent_lines_and_never_an_api_key()
    {
        var marker = Guid.NewGuid().ToString("N");
        Logger.LogWarning("operator check {Marker}: key {Key}, header Bearer {Other}", marker, CliNode.AdminKey, "some-other-secret-token");
        _node.System.Log.Warning("akka says {0}", marker);

        var tail = await Tail();

        var line = Assert.Single(tail.Split('\n'), l => l.Contains("operator check " + marker));
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ WARN  ContactCenter.Cli.Tests: operator check", line);
        Assert.Contains("key [redacted], header Bearer [redacted]", line);
        Assert.DoesNotContain(CliNode.AdminKey, tail);
        Assert.DoesNotContain("some-other-secret-token", tail);
        // Akka's own log events are in the ring too, under their source.
        Assert.Single(tail.Split('\n'), l => l.Contains("WARN  Akka ") && l.Contains("akka says " + marker));
    }

    [Fact]
    public async Task Log_level_changes_what_the_node_logs_and_can_be_read_back()
    {
        try
        {
            var set = await _cli.Against(_node, "log", "level", "warning");
            Assert.True(set.ExitCode == 0, set.ToString());
            Assert.Contains("log level: Warning (Akka: Warning)", set.Out);

            var quiet = Guid.NewGuid().ToString("N");
            Logger.LogInformation("quiet {Marker}", quiet);
            Logger.LogWarning("loud {Marker}", quiet);
            var tail = await Tail();
            Assert.Contains("loud " + quiet, tail);
            Assert.DoesNotContain("quiet " + quiet, tail);

            await _cli.Against(_node, "log", "level", "debug");
            var debug = Guid.NewGuid().ToString("N");
            Logger.LogDebug("detail {Marker}", debug);
            Assert.Contains("detail " + debug, await Tail());

            var read = await _cli.Against(_node, "log", "level", "-o", "json");
            var levels = JsonDocument.Parse(read.Out).RootElement;
            Assert.Equal("Debug", levels.GetProperty("level").GetString());
            Assert.Equal("Debug", levels.GetProperty("akkaLevel").GetString());
        }
        finally
        {
            await _cli.Against(_node, "log", "level", "information");
        }
    }

    [Fact]
    public async Task Log_tail_follow_streams_new_lines_until_stopped()
    {
        var output = new LiveWriter();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var marker = Guid.NewGuid().ToString("N");
        var run = _cli.Run(["--url", _node.Url, "--key", CliNode.AdminKey, "log", "tail", "-n", "0", "--follow"], ct: stop.Token, liveOut: output);

        // Keep logging until the followed stream shows a line: the subscription starts at some point after the call.
        while (!output.ToString().Contains(marker) && !stop.IsCancellationRequested)
        {
            Logger.LogWarning("followed {Marker}", marker);
            await Task.Delay(200);
        }
        Assert.False(run.IsCompleted);
        await stop.CancelAsync();

        var result = await run;
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("followed " + marker, output.ToString());
    }
}
