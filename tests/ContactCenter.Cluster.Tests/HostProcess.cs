using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using ContactCenter.Testing;

namespace ContactCenter.Cluster.Tests;

/// <summary>
/// One ContactCenter.Host process on loopback, started from the built host assembly exactly as an operator
/// runs it (configuration from environment variables), with its own HTTP and remoting ports and the shared
/// database. <see cref="Kill"/> is kill -9; <see cref="Terminate"/> is SIGTERM.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    public const string AdminKey = "cluster-test-admin-key-01";

    private readonly Process _process;
    private readonly StreamWriter _log;

    private HostProcess(string name, Process process, StreamWriter log, int httpPort, int akkaPort)
    {
        Name = name;
        _process = process;
        _log = log;
        Url = new Uri($"http://127.0.0.1:{httpPort}");
        AkkaAddress = $"akka.tcp://contact-center@127.0.0.1:{akkaPort}";
        Http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(3), UseProxy = false })
        {
            BaseAddress = Url,
            Timeout = TimeSpan.FromSeconds(15),
        };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
    }

    public string Name { get; }
    public Uri Url { get; }
    public string AkkaAddress { get; }
    public HttpClient Http { get; }
    public bool Running => !_process.HasExited;

    /// <summary>The built host next to this test assembly's build: src/Host/bin/{Configuration}/{tfm}.</summary>
    private static string HostAssembly()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = testBin.Name;
        var configuration = testBin.Parent!.Name;
        var root = testBin.Parent.Parent!.Parent!.Parent!.Parent!.FullName;
        var path = Path.Combine(root, "src", "Host", "bin", configuration, tfm, "ContactCenter.Host.dll");
        if (!File.Exists(path)) throw new FileNotFoundException("build src/Host first (the test project references it)", path);
        return path;
    }

    /// <param name="roles">the node's cluster roles (ContactCenter__Roles__n); null: the default, routing.</param>
    /// <param name="forceSqlite">the embedded SQLite file even when the suite runs on PostgreSQL.</param>
    public static HostProcess Start(string name, string databaseFile, string folder, IReadOnlyList<string> seeds, int? akkaPort = null,
        IReadOnlyList<string>? roles = null, bool forceSqlite = false)
    {
        var httpPort = FreePort();
        var port = akkaPort ?? FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(HostAssembly());
        var env = start.Environment;
        env["DOTNET_ENVIRONMENT"] = "Testing";
        env["ASPNETCORE_ENVIRONMENT"] = "Testing";
        env["Urls"] = $"http://127.0.0.1:{httpPort}";
        env["Logging__LogLevel__Default"] = "Warning";
        env["ContactCenter__Hostname"] = "127.0.0.1";
        env["ContactCenter__Port"] = port.ToString();
        env["ContactCenter__Configuration__Load"] = "false";
        env["ContactCenter__ShutdownTimeout"] = "00:00:30";
        env["ContactCenter__Api__Keys__0__Name"] = "admin";
        env["ContactCenter__Api__Keys__0__Key"] = AdminKey;
        env["ContactCenter__Api__Keys__0__Role"] = "admin";
        for (var i = 0; i < seeds.Count; i++) env[$"ContactCenter__SeedNodes__{i}"] = seeds[i];
        for (var i = 0; i < (roles?.Count ?? 0); i++) env[$"ContactCenter__Roles__{i}"] = roles![i];
        foreach (var (key, value) in TestPersistence.AsConfiguration(databaseFile, forceSqlite)) env[key.Replace(":", "__")] = value;

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the host");
        var log = new StreamWriter(Path.Combine(folder, $"{name}.log")) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => Write(log, e.Data);
        process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new HostProcess(name, process, log, httpPort, port);
    }

    private static void Write(StreamWriter log, string? line)
    {
        if (line is null) return;
        lock (log)
        {
            try { log.WriteLine(line); } catch (ObjectDisposedException) { }
        }
    }

    /// <summary>Waits until /healthz/ready answers 200: Up in the cluster, every shard region registered.</summary>
    public async Task WaitReady(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            if (!Running) throw new InvalidOperationException($"{Name} exited with {_process.ExitCode} before it was ready");
            try
            {
                using var response = await Http.GetAsync("/healthz/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{Name} was not ready within {within}");
            await Task.Delay(250);
        }
    }

    /// <summary>kill -9: no leaving, no handoff; the others must notice and take over.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    /// <summary>SIGTERM, as Kubernetes stops a pod: the host drains HTTP, leaves the cluster and hands its shards over.</summary>
    public void Terminate()
    {
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux) && !RuntimeInformation.IsOSPlatform(OSPlatform.OSX))
            throw new PlatformNotSupportedException("SIGTERM needs a POSIX system");
        if (SendSignal(_process.Id, SigTerm) != 0) throw new InvalidOperationException($"kill -TERM {_process.Id} failed");
    }

    public async Task<bool> WaitExit(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (Running)
        {
            _process.Kill(entireProcessTree: true);
            await WaitExit(TimeSpan.FromSeconds(10));
        }
        _process.Dispose();
        Http.Dispose();
        lock (_log) _log.Dispose();
    }
}
