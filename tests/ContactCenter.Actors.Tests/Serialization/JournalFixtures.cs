using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ContactCenter.Actors.Tests.Serialization;

/// <summary>One stored journal entry: a manifest and the payload bytes exactly as they appear in the fixture.</summary>
public sealed record JournalEntry(string File, int Index, string Manifest, string PayloadJson)
{
    public string Key => $"{File}#{Index}";

    public byte[] Payload => Encoding.UTF8.GetBytes(PayloadJson);

    public override string ToString() => $"{Key} ({Manifest})";
}

/// <summary>
/// Reads the checked-in journal fixtures (Fixtures/journal-v*.json, copied next to the test assembly). They are
/// data written by an earlier schema and are never regenerated: a later schema must still read them.
/// </summary>
public static class JournalFixtures
{
    public const string FirstSchema = "journal-v1.json";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static IReadOnlyList<string> Files =>
        Directory.GetFiles(Folder, "journal-v*.json").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();

    public static IReadOnlyList<JournalEntry> All => Files.SelectMany(Load).ToList();

    public static IReadOnlyList<JournalEntry> Load(string file)
    {
        using var document = JsonDocument.Parse(System.IO.File.ReadAllBytes(Path.Combine(Folder, file)));
        return document.RootElement.EnumerateArray()
            .Select((entry, i) => new JournalEntry(
                file,
                i,
                entry.GetProperty("manifest").GetString() ?? throw new InvalidDataException($"{file}#{i}: manifest is null"),
                entry.GetProperty("payload").GetRawText()))
            .ToList();
    }

    public static JournalEntry Get(string key) => All.Single(e => e.Key == key);

    /// <summary>
    /// The path of the first stored value that <paramref name="rewritten"/> no longer holds (a field dropped,
    /// renamed or changed), or null. Fields may be added; properties named in <paramref name="derived"/> are
    /// computed on write, never read back, and may disappear.
    /// </summary>
    public static string? FirstLoss(JsonNode? stored, JsonNode? rewritten, IReadOnlySet<string> derived, string path = "$")
    {
        switch (stored)
        {
            case JsonObject o:
                if (rewritten is not JsonObject r) return $"{path}: was an object, now {Kind(rewritten)}";
                foreach (var (name, value) in o)
                {
                    if (derived.Contains(name)) continue;
                    if (!r.TryGetPropertyValue(name, out var now)) return $"{path}.{name}: stored, but no longer written";
                    var loss = FirstLoss(value, now, derived, $"{path}.{name}");
                    if (loss is not null) return loss;
                }
                return null;
            case JsonArray a:
                if (rewritten is not JsonArray b) return $"{path}: was an array, now {Kind(rewritten)}";
                if (a.Count != b.Count) return $"{path}: had {a.Count} elements, now {b.Count}";
                for (var i = 0; i < a.Count; i++)
                {
                    var loss = FirstLoss(a[i], b[i], derived, $"{path}[{i}]");
                    if (loss is not null) return loss;
                }
                return null;
            default:
                return JsonNode.DeepEquals(stored, rewritten)
                    ? null
                    : $"{path}: stored {stored?.ToJsonString() ?? "null"}, now {rewritten?.ToJsonString() ?? "null"}";
        }
    }

    private static string Kind(JsonNode? node) => node?.GetValueKind().ToString() ?? "null";
}
