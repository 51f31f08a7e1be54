using System.Diagnostics;
using System.Text.Json.Nodes;
using ContactCenter.Api.Health;
using Xunit;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace ContactCenter.Cluster.Tests;

/// <summary>
/// The Kubernetes manifests as <c>kubectl kustomize</c> renders each overlay, checked for what the nodes rely
/// on: seeds that are the StatefulSet's stable pod names, probes on the health paths, ports that agree, a
/// grace period longer than the handoff, secrets that exist (local) or stay out of git (production).
/// </summary>
public sealed class ManifestTests
{
    private static readonly string Root = FindRoot();

    [Theory]
    [InlineData("local")]
    [InlineData("production")]
    public void Seeds_are_the_stateful_set_pod_names_behind_the_headless_service(string overlay)
    {
        var m = Render(overlay);
        var set = m.One("StatefulSet", "contact-center");
        var serviceName = set.Str("spec", "serviceName");
        var headless = m.One("Service", serviceName);
        Assert.Equal("None", headless.Str("spec", "clusterIP"));
        Assert.Equal("true", headless.Str("spec", "publishNotReadyAddresses"));

        var container = Container(set);
        var env = Env(container);
        var config = m.One("ConfigMap", "contact-center-config")["data"]!.AsObject();
        var cluster = config["ContactCenter__ClusterName"]!.GetValue<string>();
        var remoting = Port(container, "remoting");
        Assert.Equal(remoting, config["ContactCenter__Port"]!.GetValue<string>());
        Assert.Equal($"$(POD_NAME).{serviceName}.$(POD_NAMESPACE).svc.cluster.local", env["ContactCenter__PublicHostname"]);

        var seeds = env.Where(e => e.Key.StartsWith("ContactCenter__SeedNodes__", StringComparison.Ordinal)).OrderBy(e => e.Key).Select(e => e.Value).ToList();
        Assert.NotEmpty(seeds);
        Assert.True(seeds.Count <= int.Parse(set.Str("spec", "replicas")), "every seed must be a pod the StatefulSet runs");
        for (var i = 0; i < seeds.Count; i++)
        {
            Assert.Equal($"akka.tcp://{cluster}@{set.Str("metadata", "name")}-{i}.{serviceName}.$(POD_NAMESPACE).svc.cluster.local:{remoting}", seeds[i]);
        }
        Assert.Contains(headless["spec"]!["ports"]!.AsArray(), p => p!["port"]!.GetValue<string>() == remoting);
    }

    [Theory]
    [InlineData("local")]
    [InlineData("production")]
    public void Probes_ask_the_health_paths_on_the_port_the_node_serves_http(string overlay)
    {
        var m = Render(overlay);
        var container = Container(m.One("StatefulSet", "contact-center"));
        Assert.Equal(HealthApi.ReadyPath, container["readinessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
        Assert.Equal(HealthApi.LivePath, container["livenessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
        Assert.Equal("http", container["readinessProbe"]!["httpGet"]!["port"]!.GetValue<string>());
        Assert.Equal("http", container["livenessProbe"]!["httpGet"]!["port"]!.GetValue<string>());

        var urls = m.One("ConfigMap", "contact-center-config")["data"]!["Urls"]!.GetValue<string>();
        Assert.EndsWith(":" + Port(container, "http"), urls);
        var api = m.One("Service", "contact-center-api");
        Assert.Equal("http", api["spec"]!["ports"]![0]!["targetPort"]!.GetValue<string>());
        Assert.Null(api["spec"]!["clusterIP"]); // a normal Service: only ready pods get requests
    }

    [Theory]
    [InlineData("local")]
    [InlineData("production")]
    public void A_stopping_node_has_time_to_hand_over_and_voluntary_disruptions_take_one_node(string overlay)
    {
        var m = Render(overlay);
        var set = m.One("StatefulSet", "contact-center");
        var shutdown = TimeSpan.Parse(m.One("ConfigMap", "contact-center-config")["data"]!["ContactCenter__ShutdownTimeout"]!.GetValue<string>());
        var preStop = int.Parse(Container(set)["lifecycle"]!["preStop"]!["exec"]!["command"]![1]!.GetValue<string>());
        var grace = int.Parse(set.Str("spec", "template", "spec", "terminationGracePeriodSeconds"));
        Assert.True(grace > shutdown.TotalSeconds + preStop, $"grace period {grace} s must exceed the shutdown timeout {shutdown.TotalSeconds} s + preStop {preStop} s");

        var pdb = m.One("PodDisruptionBudget", "contact-center");
        Assert.Equal("1", pdb.Str("spec", "maxUnavailable"));
        var podLabels = set["spec"]!["template"]!["metadata"]!["labels"]!.AsObject();
        foreach (var (key, value) in pdb["spec"]!["selector"]!["matchLabels"]!.AsObject())
            Assert.Equal(value!.GetValue<string>(), podLabels[key]?.GetValue<string>());
        Assert.NotNull(Container(set)["resources"]!["requests"]);
    }

    [Fact]
    public void Local_runs_postgres_in_the_cluster_with_generated_secrets()
    {
        var m = Render("local");
        var set = m.One("StatefulSet", "contact-center");
        var database = m.One("StatefulSet", "postgres");
        var secrets = m.OfKind("Secret").Select(s => s.Str("metadata", "name")).ToHashSet();
        foreach (var reference in SecretReferences(set).Concat(SecretReferences(database)))
            Assert.Contains(reference, secrets);
        var host = m.OfKind("ConfigMap").Single(c => c.Str("metadata", "name").StartsWith("contact-center-database", StringComparison.Ordinal))["data"]!["host"]!.GetValue<string>();
        m.One("Service", host);
    }

    [Fact]
    public void Production_keeps_secrets_out_of_git_and_uses_an_external_database()
    {
        var m = Render("production");
        Assert.Empty(m.OfKind("Secret"));
        Assert.DoesNotContain(m.OfKind("StatefulSet"), s => s.Str("metadata", "name") == "postgres");
        Assert.All(SecretReferences(m.One("StatefulSet", "contact-center")), name => Assert.Equal("contact-center-secrets", name));
        Assert.DoesNotContain(":latest", Container(m.One("StatefulSet", "contact-center"))["image"]!.GetValue<string>());
    }

    private static IEnumerable<string> SecretReferences(JsonNode set) =>
        Container(set)["env"]!.AsArray().Select(e => e!["valueFrom"]?["secretKeyRef"]?["name"]?.GetValue<string>()).OfType<string>();

    private static JsonNode Container(JsonNode set) => set["spec"]!["template"]!["spec"]!["containers"]![0]!;

    private static Dictionary<string, string> Env(JsonNode container) => container["env"]!.AsArray()
        .Where(e => e!["value"] is not null)
        .ToDictionary(e => e!["name"]!.GetValue<string>(), e => e!["value"]!.GetValue<string>());

    private static string Port(JsonNode container, string name) =>
        container["ports"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == name)!["containerPort"]!.GetValue<string>();

    private sealed class Manifests(List<JsonNode> documents)
    {
        public IEnumerable<JsonNode> OfKind(string kind) => documents.Where(d => d["kind"]?.GetValue<string>() == kind);

        public JsonNode One(string kind, string name) =>
            OfKind(kind).SingleOrDefault(d => d.Str("metadata", "name") == name)
            ?? throw new Xunit.Sdk.XunitException($"no {kind} named {name} in the rendered manifests");
    }

    /// <summary>Renders an overlay with kubectl's built-in kustomize (installed by .ci/run when missing).</summary>
    private static Manifests Render(string overlay)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("kustomize");
        start.ArgumentList.Add(Path.Combine(Root, "deploy", "k8s", "overlays", overlay));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"kubectl kustomize {overlay} failed: {stderr.Result}");

        var yaml = new DeserializerBuilder().Build();
        var json = new SerializerBuilder().JsonCompatible().Build();
        var documents = new List<JsonNode>();
        using var reader = new StringReader(stdout.Result);
        var parser = new Parser(reader);
        parser.Consume<YamlDotNet.Core.Events.StreamStart>();
        while (parser.Accept<YamlDotNet.Core.Events.DocumentStart>(out _))
        {
            var document = yaml.Deserialize<object>(parser);
            if (document is not null) documents.Add(JsonNode.Parse(json.Serialize(document))!);
        }
        return new Manifests(documents);
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ContactCenter.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new DirectoryNotFoundException("ContactCenter.sln above the test assembly");
    }
}

internal static class JsonPath
{
    /// <summary>The scalar at a path, as text (YAML scalars arrive as strings).</summary>
    public static string Str(this JsonNode node, params string[] path)
    {
        var current = node;
        foreach (var step in path) current = current?[step];
        return current?.ToString() ?? throw new Xunit.Sdk.XunitException($"no {string.Join(".", path)}");
    }
}
