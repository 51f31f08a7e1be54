using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using ContactCenter.Simulator;

// cc-sim: drives a running ContactCenter node over its HTTP API as a PBX adapter, its agents and its callers.
//   cc-sim demo --key KEY [--agents 10 --rate 0.5 --handle 12 --patience 30 --duration 60]
//   cc-sim load --key KEY [--rate 100 --duration 20 --agents 0 (automatic) --handle 0.5]
// --url and --key default to the environment variables CC_URL and CC_KEY.

var url = new Option<string>("--url")
{
    Description = "The node's HTTP address, loopback only; default $CC_URL, else http://127.0.0.1:5080",
    Recursive = true,
    DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CC_URL") is { Length: > 0 } u ? u : "http://127.0.0.1:5080",
};
var key = new Option<string?>("--key")
{
    Description = "An admin API key (it may use the adapter, agent desktop and supervisor endpoints); default $CC_KEY",
    Recursive = true, // no DefaultValueFactory: help would print the secret as the default
};
var seed = new Option<int?>("--seed") { Description = "Seed for arrivals and durations (repeatable runs)", Recursive = true };

Option<T> Number<T>(string name, T fallback, string description, Func<T, bool> valid, string rule) where T : struct
{
    var option = new Option<T>(name) { Description = description, DefaultValueFactory = _ => fallback };
    option.Validators.Add(result =>
    {
        if (result.GetValueOrDefault<T>() is var value && !valid(value))
            result.AddError($"{name}: {Convert.ToString(value, CultureInfo.InvariantCulture)} {rule}");
    });
    return option;
}

static bool Positive(double v) => v > 0;
static bool NotNegative(double v) => v >= 0;

// demo
var demoAgents = Number("--agents", 10, "Agents to log in", v => v is >= 1 and <= 2000, "must be 1-2000");
var demoRate = Number("--rate", 0.5, "Mean arrivals per second (Poisson)", v => v is > 0 and <= 500, "must be in (0, 500]");
var demoHandle = Number("--handle", 12.0, "Mean handle time in seconds (exponential)", NotNegative, "must be 0 or more");
var demoPatience = Number("--patience", 30.0, "Mean caller patience in seconds (exponential); a caller not answered by then hangs up", Positive, "must be positive");
var demoRing = Number("--ring-delay", 2.0, "Mean ring time before the PBX answers, seconds (uniform ±50%, so the longest stays under the 15 s offer timeout)", v => v is >= 0 and < 10, "must be 0 to under 10");
var demoWrapUp = Number("--wrap-up", 5.0, "Queue wrap-up in seconds", v => v is >= 0 and <= 3600, "must be 0-3600");
var demoDuration = Number("--duration", 60.0, "Seconds to generate calls, then stop", v => v is > 0 and <= 3600, "must be in (0, 3600]");
var demoPrefix = new Option<string>("--prefix") { Description = "Id prefix for the queue and agents", DefaultValueFactory = _ => "sim-demo" };
var demo = new Command("demo", "A small contact center in motion: Poisson arrivals, patience, a PBX that answers; live numbers every second")
{
    demoAgents, demoRate, demoHandle, demoPatience, demoRing, demoWrapUp, demoDuration, demoPrefix,
};

// load
var loadRate = Number("--rate", 100.0, "Fixed arrival rate, calls per second", v => v is > 0 and <= 2000, "must be in (0, 2000]");
var loadDuration = Number("--duration", 20.0, "Seconds to generate calls", v => v is > 0 and <= 600, "must be in (0, 600]");
var loadAgents = Number("--agents", 0, "Agents to log in; 0: enough for the rate, at most 1000", v => v is >= 0 and <= 2000, "must be 0-2000");
var loadHandle = Number("--handle", 0.5, "Mean handle time in seconds (exponential)", NotNegative, "must be 0 or more");
var loadRing = Number("--ring-delay", 0.0, "Seconds the PBX lets a phone ring before answering", v => v is >= 0 and < 15, "must be 0 to under 15");
var loadDrain = Number("--drain", 10.0, "Seconds to wait for outstanding rings after the last call", v => v is >= 0 and <= 120, "must be 0-120");
var loadMaxOutstanding = Number("--max-outstanding", 5000, "Calls waiting for their ring before arrivals are skipped", v => v is >= 1 and <= 100_000, "must be 1-100000");
var loadPrefix = new Option<string>("--prefix") { Description = "Id prefix for the queue and agents", DefaultValueFactory = _ => "sim-load" };
var load = new Command("load", "Fixed-rate load; HdrHistogram of 201 Created -> ring-agent read from the command stream")
{
    loadRate, loadDuration, loadAgents, loadHandle, loadRing, loadDrain, loadMaxOutstanding, loadPrefix,
};

var root = new RootCommand("ContactCenter simulator: drives a running node over HTTP as PBX adapter, agents and callers")
{
    url, key, seed, demo, load,
};

demo.SetAction((parse, ct) => WithNode(parse, (node, token) => new DemoRun(node, new DemoOptions(
    parse.GetValue(demoAgents), parse.GetValue(demoRate), parse.GetValue(demoHandle), parse.GetValue(demoPatience),
    parse.GetValue(demoRing), parse.GetValue(demoWrapUp), parse.GetValue(demoDuration), parse.GetValue(seed),
    parse.GetValue(demoPrefix) ?? "sim-demo")).Run(token), ct));

load.SetAction((parse, ct) => WithNode(parse, (node, token) =>
{
    var rate = parse.GetValue(loadRate);
    var handle = parse.GetValue(loadHandle);
    var ringDelay = parse.GetValue(loadRing);
    var agents = parse.GetValue(loadAgents);
    if (agents == 0)
    {
        // Little's law with room to spare: each call holds an agent from its reservation to the hang-up, which
        // is the stream's delivery of the ring (up to about a second when polling), the ring delay, the
        // answer and the handle time (the load PBX does not wait for the bridge command to start talking).
        agents = (int)Math.Clamp(Math.Ceiling(rate * (ringDelay + handle + 1.5) * 1.5), 10, 1000);
    }
    return new LoadRun(node, new LoadOptions(agents, rate, handle, ringDelay, parse.GetValue(loadDuration),
        parse.GetValue(loadDrain), parse.GetValue(loadMaxOutstanding), parse.GetValue(seed), parse.GetValue(loadPrefix) ?? "sim-load")).Run(token);
}, ct));

return await root.Parse(args).InvokeAsync();

async Task<int> WithNode(ParseResult parse, Func<NodeClient, CancellationToken, Task<int>> run, CancellationToken ct)
{
    var apiKey = parse.GetValue(key) ?? Environment.GetEnvironmentVariable("CC_KEY");
    if (string.IsNullOrWhiteSpace(apiKey))
    {
        Console.Error.WriteLine("no API key: pass --key or set CC_KEY to an admin key (a Development node prints one at startup: \"Development API key (admin): ...\")");
        return 2;
    }
    if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var baseAddress) || baseAddress.Scheme is not ("http" or "https"))
    {
        Console.Error.WriteLine($"--url {parse.GetValue(url)}: not an http(s) address");
        return 2;
    }
    try
    {
        using var node = new NodeClient(baseAddress, apiKey);
        return await run(node, ct);
    }
    catch (ArgumentException e)
    {
        Console.Error.WriteLine(e.Message);
        return 2;
    }
    catch (OperationCanceledException) when (ct.IsCancellationRequested)
    {
        Console.Error.WriteLine("interrupted during setup");
        return 130;
    }
    catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TimeoutException)
    {
        Console.Error.WriteLine($"failed: {e.Message}");
        return 1;
    }
}
