using System.Collections.Immutable;
using System.Text.Json.Serialization;
using ContactCenter.Actors.Departments;
using ContactCenter.Actors.Serialization;

namespace ContactCenter.Actors.Entries;

/// <summary>
/// Where a dialled number, a menu option or a routing plan sends a call: exactly one of a skill queue, a
/// directory target, an external number, a sub-menu, a language switch (replays the current menu) or an area
/// (resolved through the routing plan in effect at the call's arrival).
/// </summary>
public sealed record Destination(
    string? Queue = null,
    string? Target = null,
    string? Number = null,
    string? Menu = null,
    string? Language = null,
    string? Area = null) : IContactCenterMessage
{
    public static Destination ToQueue(string queueId) => new(Queue: queueId);
    public static Destination ToTarget(string targetId) => new(Target: targetId);
    public static Destination ToMenu(string menuId) => new(Menu: menuId);
    public static Destination ToArea(string area) => new(Area: area);

    [JsonIgnore]
    private int Count => new[] { Queue, Target, Number, Menu, Language, Area }.Count(v => v is not null);

    /// <summary>"queue:hovednummer", "target:buf-pladsanvisning", "menu:social", ... for choices and logs.</summary>
    public override string ToString() =>
        Queue is not null ? "queue:" + Queue
        : Target is not null ? "target:" + Target
        : Number is not null ? "number:" + PhoneNumber.Normalize(Number)
        : Menu is not null ? "menu:" + Menu
        : Language is not null ? "language:" + Language
        : Area is not null ? "area:" + Area
        : "nothing";

    /// <summary>Errors as "path.field: message". <paramref name="allowed"/> names the kinds this place accepts.</summary>
    public IEnumerable<string> Validate(string path, DestinationKinds allowed)
    {
        if (Count != 1)
        {
            yield return $"{path}: name exactly one of queue, target, number, menu, language, area (found {Count})";
            yield break;
        }
        var (kind, field, value) =
            Queue is not null ? (DestinationKinds.Queue, "queue", Queue)
            : Target is not null ? (DestinationKinds.Target, "target", Target)
            : Number is not null ? (DestinationKinds.Number, "number", Number)
            : Menu is not null ? (DestinationKinds.Menu, "menu", Menu)
            : Language is not null ? (DestinationKinds.Language, "language", Language)
            : (DestinationKinds.Area, "area", Area!);
        if (!allowed.HasFlag(kind)) yield return $"{path}.{field}: a {field} is not allowed here";
        else if (kind == DestinationKinds.Number && !PhoneNumber.IsValid(value))
            yield return $"{path}.number: '{value}' is not a phone number";
        else if (kind == DestinationKinds.Language && !Languages.IsValid(value))
            yield return $"{path}.language: '{value}' is not a two-letter language code";
        else if (kind != DestinationKinds.Number && kind != DestinationKinds.Language && !DirectoryIds.IsValid(value))
            yield return $"{path}.{field}: '{value}' is not a valid id";
    }
}

/// <summary>The kinds of destination a place accepts (a plan sends calls only to a queue, target or number).</summary>
[Flags]
public enum DestinationKinds
{
    Queue = 1,
    Target = 2,
    Number = 4,
    Menu = 8,
    Language = 16,
    Area = 32,
    Final = Queue | Target | Number,
    FromEntry = Final | Menu | Area,
    FromMenu = FromEntry | Language,
}

public static class Languages
{
    public static bool IsValid(string? code) => code is { Length: 2 } c && c.All(char.IsAsciiLetterLower);
}

/// <summary>"Key an extension": a caller who keys <paramref name="Digits"/> digits is forwarded to prefix + digits.</summary>
public sealed record ExtensionDialling(string Prefix, int Digits) : IContactCenterMessage
{
    public IEnumerable<string> Validate(string path)
    {
        if (!PhoneNumber.LooksLikeNumber(Prefix) || !PhoneNumber.Normalize(Prefix).Skip(1).All(char.IsAsciiDigit))
            yield return $"{path}.prefix: '{Prefix}' is not a number prefix";
        if (Digits is < 2 or > 8) yield return $"{path}.digits: {Digits} is outside 2-8";
        else if (!PhoneNumber.IsValid(PhoneNumber.Normalize(Prefix) + new string('0', Digits)))
            yield return $"{path}: prefix '{Prefix}' and {Digits} digits do not make a phone number";
    }
}

/// <summary>
/// A voice menu: a prompt per language, what each key leads to, where a caller who presses nothing (or lets it
/// time out) goes, and optionally extension dialling. An unknown key replays the menu; after
/// <paramref name="MaxAttempts"/> unknown keys the caller goes to the default.
/// </summary>
public sealed record IvrMenu(
    string Id,
    string Name,
    ImmutableDictionary<string, string> Prompts,
    ImmutableDictionary<string, Destination> Options,
    Destination Default,
    int TimeoutSeconds = 6,
    int MaxAttempts = 2,
    ExtensionDialling? Extension = null) : IContactCenterMessage
{
    public IEnumerable<string> Validate(string path)
    {
        if (!DirectoryIds.IsValid(Id)) yield return $"{path}.id: '{Id}' must be 1-64 letters, digits or '-'";
        if (string.IsNullOrWhiteSpace(Name)) yield return $"{path}.name: must not be empty";
        if (Prompts is null || Prompts.IsEmpty) yield return $"{path}.prompts: give at least one language's prompt";
        else
            foreach (var lang in Prompts.Keys.Where(l => !Languages.IsValid(l)))
                yield return $"{path}.prompts.{lang}: '{lang}' is not a two-letter language code";
        foreach (var (key, destination) in Options ?? ImmutableDictionary<string, Destination>.Empty)
        {
            if (key is not { Length: 1 } || !(char.IsAsciiDigit(key[0]) || key is "*" or "#"))
                yield return $"{path}.options.{key}: a key is one of 0-9, * or #";
            if (destination is null) yield return $"{path}.options.{key}: must name a destination";
            else foreach (var e in destination.Validate($"{path}.options.{key}", DestinationKinds.FromMenu)) yield return e;
        }
        if (Default is null) yield return $"{path}.default: must name where a caller who presses nothing goes";
        else foreach (var e in Default.Validate($"{path}.default", DestinationKinds.FromEntry)) yield return e;
        if (TimeoutSeconds is < 1 or > 60) yield return $"{path}.timeoutSeconds: {TimeoutSeconds} is outside 1-60";
        if (MaxAttempts is < 1 or > 5) yield return $"{path}.maxAttempts: {MaxAttempts} is outside 1-5";
        if (Extension is not null)
            foreach (var e in Extension.Validate($"{path}.extension")) yield return e;
    }

    /// <summary>Every destination in this menu, with its key ("default" for the default).</summary>
    public IEnumerable<(string Key, Destination Destination)> Destinations() =>
        Options.Select(o => (o.Key, o.Value)).Append(("default", Default));
}

/// <summary>A dialled number of the center and where its calls go first (a menu, a queue, an area...).</summary>
public sealed record EntryNumber(string Number, string Name, Destination Destination, string Language = "da") : IContactCenterMessage
{
    public IEnumerable<string> Validate(string path)
    {
        if (!PhoneNumber.IsValid(Number)) yield return $"{path}.number: '{Number}' is not a phone number";
        if (string.IsNullOrWhiteSpace(Name)) yield return $"{path}.name: must not be empty";
        if (!Languages.IsValid(Language)) yield return $"{path}.language: '{Language}' is not a two-letter language code";
        if (Destination is null) yield return $"{path}.destination: must name where calls go";
        else foreach (var e in Destination.Validate($"{path}.destination", DestinationKinds.FromEntry)) yield return e;
    }
}

/// <summary>
/// One version of the routing plan: from <paramref name="EffectiveFrom"/> on, calls for <paramref name="Area"/> go
/// to <paramref name="Destination"/> (e.g. the department's own line before go-live, the Citizen Service queue
/// from go-live). A change can be cancelled until it takes effect.
/// </summary>
public sealed record PlanChange(
    int Version,
    string Area,
    DateTimeOffset EffectiveFrom,
    Destination Destination,
    string? Note = null,
    DateTimeOffset? CancelledAt = null) : IContactCenterMessage
{
    [JsonIgnore]
    public bool IsCancelled => CancelledAt is not null;
}
