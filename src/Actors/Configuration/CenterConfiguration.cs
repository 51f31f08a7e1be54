using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Calendar;
using ContactCenter.Actors.Departments;
using ContactCenter.Actors.Entries;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;

namespace ContactCenter.Actors.Configuration;

/// <summary>
/// A contact center's configuration file (docs/configuration.md): its skill queues with opening hours and
/// closed handling, its agents, and (optional sections) its directory of department targets, entry numbers,
/// voice menus and routing plan. Another municipality loads its own file in the same format.
/// </summary>
public sealed partial record CenterConfiguration(
    int Version,
    string Name,
    ImmutableArray<QueueEntry> Queues,
    ImmutableArray<AgentEntry> Agents,
    ImmutableArray<TargetEntry>? Directory = null,
    ImmutableArray<EntryNumber>? EntryNumbers = null,
    ImmutableArray<IvrMenu>? Menus = null,
    ImmutableArray<PlanEntry>? RoutingPlan = null)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Parses and validates; every error names its field and line. Nothing is applied on error.</summary>
    public static (CenterConfiguration? Configuration, IReadOnlyList<string> Errors) Parse(string json)
    {
        CenterConfiguration? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize<CenterConfiguration>(json, Json);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } n ? $"line {n + 1}: " : "";
            return (null, [$"{line}{e.Path}: {e.Message.Split(" Path:")[0]}"]);
        }
        if (parsed is null) return (null, ["line 1: the file is empty"]);
        var lines = JsonLines.Of(json);
        var errors = parsed.Validate().Select(e => lines.Describe(e)).ToList();
        return errors.Count > 0 ? (null, errors) : (parsed, errors);
    }

    /// <summary>Errors as (JSON path, message) joined as "path: message".</summary>
    public IEnumerable<string> Validate()
    {
        if (Version != 1) yield return $"$.version: {Version} is not a version this node reads (1)";
        var queueIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Queues.Length; i++)
        {
            var q = Queues[i];
            var path = $"$.queues[{i}]";
            if (string.IsNullOrWhiteSpace(q.Id)) yield return $"{path}.id: must not be empty";
            else if (!queueIds.Add(q.Id)) yield return $"{path}.id: '{q.Id}' appears twice";
            foreach (var e in q.ToConfig().Validate()) yield return $"{path}.{e}";
        }
        var targetIds = (Directory ?? []).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (q, i) in Queues.Select((q, i) => (q, i)))
        {
            if (q.WhenClosed is { Action: ClosedAction.Overflow, Target: { } target } && !queueIds.Contains(target))
                yield return $"$.queues[{i}].whenClosed.target: queue '{target}' is not in this file";
            if (q.WhenClosed is { Action: ClosedAction.Forward, Target: { } forward } && !PhoneNumber.LooksLikeNumber(forward)
                && !targetIds.Contains(forward))
                yield return $"$.queues[{i}].whenClosed.target: '{forward}' is neither a phone number nor a directory target in this file";
        }
        foreach (var e in ValidateEntries(queueIds)) yield return e;
        var agentIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < Agents.Length; i++)
        {
            var a = Agents[i];
            var path = $"$.agents[{i}]";
            if (string.IsNullOrWhiteSpace(a.Id)) yield return $"{path}.id: must not be empty";
            else if (!agentIds.Add(a.Id)) yield return $"{path}.id: '{a.Id}' appears twice";
            foreach (var e in a.ToProfile().Validate()) yield return $"{path}.{e}";
        }
    }
}

/// <summary>A directory target in the file: a department line, its function, and its hours (none: always open).</summary>
public sealed record TargetEntry(string Id, string Name, string Department, string Function, string Number, HoursEntry? Hours = null)
{
    public DirectoryTarget ToTarget() => new(Id, Name, Department, Function, Number, Hours?.ToCalendar(Name));
}

/// <summary>A routing plan version in the file: from the instant on (none: from the start), the area's calls go to the destination.</summary>
public sealed record PlanEntry(string Area, Destination Destination, DateTimeOffset? EffectiveFrom = null, string? Note = null)
{
    public EntryPlanCommands.ScheduleChange ToChange() =>
        new(EntryPlan.CenterId, Area, EffectiveFrom ?? DateTimeOffset.UnixEpoch, Destination, Note);
}

/// <summary>A skill queue in the file. Hours are "HH:mm-HH:mm" intervals per weekday, Copenhagen time.</summary>
public sealed record QueueEntry(
    string Id,
    string Name,
    string RequiredSkill,
    int MinLevel = 1,
    RoutingStrategy Strategy = RoutingStrategy.HighestLevelLongestIdle,
    int WrapUpSeconds = 30,
    int OfferTimeoutSeconds = 15,
    int ServiceLevelPercent = 80,
    int ServiceLevelSeconds = 20,
    HoursEntry? Hours = null,
    ClosedHandling? WhenClosed = null,
    AtClosing WaitingAtClosing = AtClosing.Serve,
    CallbackSettings? Callbacks = null,
    ImmutableList<EscalationStep>? Escalation = null,
    HypercareSettings? Hypercare = null,
    Transfers.TransferRules? Transfers = null)
{
    public QueueConfig ToConfig() => new(
        Name, RequiredSkill, MinLevel, Strategy, TimeSpan.FromSeconds(WrapUpSeconds), TimeSpan.FromSeconds(OfferTimeoutSeconds),
        ServiceLevelPercent, TimeSpan.FromSeconds(ServiceLevelSeconds), null, Hours?.ToCalendar(Name), WhenClosed, WaitingAtClosing,
        Callbacks, Escalation, Hypercare, Transfers);
}

/// <summary>Opening hours in the file: weekday lists of intervals, the holiday rule and special days.</summary>
public sealed record HoursEntry(
    ImmutableArray<string>? Monday = null,
    ImmutableArray<string>? Tuesday = null,
    ImmutableArray<string>? Wednesday = null,
    ImmutableArray<string>? Thursday = null,
    ImmutableArray<string>? Friday = null,
    ImmutableArray<string>? Saturday = null,
    ImmutableArray<string>? Sunday = null,
    bool ClosedOnConstitutionDay = false,
    bool ClosedOnChristmasEve = false)
{
    public BusinessCalendar ToCalendar(string name)
    {
        var week = WeeklySchedule.Closed;
        foreach (var (day, hours) in new[]
                 {
                     (DayOfWeek.Monday, Monday), (DayOfWeek.Tuesday, Tuesday), (DayOfWeek.Wednesday, Wednesday),
                     (DayOfWeek.Thursday, Thursday), (DayOfWeek.Friday, Friday), (DayOfWeek.Saturday, Saturday),
                     (DayOfWeek.Sunday, Sunday),
                 })
        {
            if (hours is { IsDefaultOrEmpty: false } list) week = week.With(day, list.ToArray());
        }
        return new BusinessCalendar
        {
            Name = name,
            Hours = week,
            Holidays = HolidayRule.ClosedOnStatutoryHolidays with
            {
                Days = new HolidayOptions(ClosedOnConstitutionDay, ClosedOnChristmasEve),
            },
        };
    }
}

/// <summary>An agent in the file.</summary>
public sealed record AgentEntry(
    string Id,
    string Name,
    string Team,
    string Department,
    AgentKind Kind,
    ImmutableDictionary<string, int> Skills,
    bool AutoPauseOnMissedOffer = true)
{
    public AgentProfile ToProfile() => new(Name, Team, Department, Kind, Skills, AutoPauseOnMissedOffer);
}

/// <summary>Maps JSON paths ("$.queues[1].minLevel") to the line they are on, for error messages.</summary>
internal sealed class JsonLines
{
    private readonly Dictionary<string, int> _lines = new(StringComparer.Ordinal);

    public static JsonLines Of(string json)
    {
        var result = new JsonLines();
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var path = new List<string> { "$" };
        var index = new Stack<int>();
        string? property = null;
        while (reader.Read())
        {
            var line = 1 + bytes.AsSpan(0, (int)reader.TokenStartIndex).Count((byte)'\n');
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    result._lines.TryAdd(Join(path) + "." + property, line);
                    continue;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    var segment = Segment(ref property, index);
                    if (segment is not null) path.Add(segment);
                    result._lines.TryAdd(Join(path), line);
                    if (reader.TokenType == JsonTokenType.StartArray) index.Push(-1);
                    else index.Push(int.MinValue);
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    index.Pop();
                    if (path.Count > 1) path.RemoveAt(path.Count - 1);
                    continue;
                default:
                    Segment(ref property, index);
                    continue;
            }
        }
        return result;
    }

    /// <summary>The path segment a value adds: its property name, or its index in the enclosing array.</summary>
    private static string? Segment(ref string? property, Stack<int> index)
    {
        if (property is not null)
        {
            var name = "." + property;
            property = null;
            return name;
        }
        if (index.Count > 0 && index.Peek() != int.MinValue)
        {
            var next = index.Pop() + 1;
            index.Push(next);
            return $"[{next}]";
        }
        return null;
    }

    private static string Join(List<string> path) => string.Concat(path);

    /// <summary>"path: message" → "line N: path: message", using the nearest known ancestor's line.</summary>
    public string Describe(string error)
    {
        var colon = error.IndexOf(": ", StringComparison.Ordinal);
        var path = colon > 0 ? error[..colon] : "$";
        for (var probe = path; probe.Length > 0; probe = Parent(probe))
        {
            if (_lines.TryGetValue(probe, out var line)) return $"line {line}: {error}";
        }
        return error;
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut > 0 ? path[..cut] : "";
    }
}
