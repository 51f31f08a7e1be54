using System.Text.Json;
using System.Text.Json.Serialization;

namespace ContactCenter.Cli.Connection;

/// <summary>A named node and the key to use there, like a kubectl context.</summary>
public sealed class NodeContext
{
    public string Url { get; set; } = "";
    public string? Key { get; set; }
}

/// <summary>
/// ~/.ccctl/config.json: named contexts and the current one. The file holds API keys, so it is written
/// readable by its owner only.
/// </summary>
public sealed class ContextsFile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string? CurrentContext { get; set; }

    public SortedDictionary<string, NodeContext> Contexts { get; set; } = new(StringComparer.Ordinal);

    public static ContextsFile Load(string path)
    {
        if (!File.Exists(path)) return new ContextsFile();
        try
        {
            var file = JsonSerializer.Deserialize<ContextsFile>(File.ReadAllText(path), Json) ?? new ContextsFile();
            file.Contexts = new SortedDictionary<string, NodeContext>(file.Contexts ?? [], StringComparer.Ordinal);
            return file;
        }
        catch (JsonException e)
        {
            throw new ConfigurationException($"the contexts file {path} is not valid JSON: {e.Message}");
        }
    }

    public void Save(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(this, Json));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temp, path, overwrite: true);
    }
}

/// <summary>The contexts file or the connection settings are unusable; exit code 2.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
