using System.Diagnostics;
using ContactCenter.Testing;
using Xunit.Abstractions;

namespace ContactCenter.Cluster.Tests;

/// <summary>
/// The workbench of a host-process test: a temp folder for databases and logs, the nodes started in it (all
/// killed at the end), a timestamped log to the test output, and the nodes' logs of the last run kept in
/// /tmp/{name}-logs-{sqlite|postgresql} for reading after a failure.
/// </summary>
public sealed class ProcessBench(string name, ITestOutputHelper output) : IAsyncDisposable
{
    private readonly List<HostProcess> _nodes = [];
    private readonly List<string> _databases = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public string Folder { get; } = Directory.CreateTempSubdirectory(name + "-").FullName;

    /// <summary>A database named by a file in the folder; dropped at the end (the files, or the PostgreSQL schema).</summary>
    public string Database(string file)
    {
        var path = Path.Combine(Folder, file);
        _databases.Add(path);
        return path;
    }

    public void Log(string line)
    {
        var text = $"[{_clock.Elapsed.TotalSeconds,6:F1}s] {line}";
        try { output.WriteLine(text); } catch (InvalidOperationException) { }
        Console.WriteLine(text);
    }

    /// <inheritdoc cref="HostProcess.Start"/>
    public HostProcess Start(string node, string database, IReadOnlyList<string> seeds, int? akkaPort = null,
        IReadOnlyList<string>? roles = null, bool forceSqlite = false)
    {
        var process = HostProcess.Start(node, database, Folder, seeds, akkaPort, roles, forceSqlite);
        lock (_nodes) _nodes.Add(process);
        return process;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes) await node.DisposeAsync();
        foreach (var database in _databases) TestPersistence.Delete(database);
        var logs = Path.Combine(Path.GetTempPath(), $"{name}-logs-{(TestPersistence.OnPostgres ? "postgresql" : "sqlite")}");
        Directory.CreateDirectory(logs);
        foreach (var file in Directory.GetFiles(Folder, "*.log")) File.Copy(file, Path.Combine(logs, Path.GetFileName(file)), overwrite: true);
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
