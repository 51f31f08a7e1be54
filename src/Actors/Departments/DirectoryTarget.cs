using System.Text.RegularExpressions;
using ContactCenter.Actors.Calendar;
using ContactCenter.Actors.Serialization;

namespace ContactCenter.Actors.Departments;

/// <summary>
/// A place calls can be forwarded or transferred to outside the center: a department's line with its function
/// (e.g. BUF Pladsanvisning casework, SUF home-care evening line) and its own opening hours (none: always open).
/// </summary>
public sealed record DirectoryTarget(
    string Id,
    string Name,
    string Department,
    string Function,
    string Number,
    BusinessCalendar? Hours = null) : IContactCenterMessage
{
    /// <summary>Open for a forwarded or transferred call at this instant? A target without hours always is.</summary>
    public bool IsOpen(DateTimeOffset instant) => Hours?.IsOpen(instant) ?? true;

    /// <summary>Every problem, each naming its field ("number: ..."); empty when valid.</summary>
    public IEnumerable<string> Validate()
    {
        if (!DirectoryIds.IsValid(Id)) yield return $"id: '{Id}' must be 1-64 letters, digits or '-'";
        if (string.IsNullOrWhiteSpace(Name)) yield return "name: must not be empty";
        if (string.IsNullOrWhiteSpace(Department)) yield return "department: must not be empty";
        if (!PhoneNumber.IsValid(Number)) yield return $"number: '{Number}' is not a phone number (+45 and 8 digits, or + and 7-15 digits)";
        if (Hours is not null)
            foreach (var e in Hours.Validate()) yield return "hours." + e;
    }
}

/// <summary>What the transfer and forward paths need of a directory target: where to dial and whether it is open.</summary>
public sealed record DirectoryLookup(string TargetId, string Number, BusinessCalendar? Hours, bool OpenNow, DateTimeOffset? NextOpening);

/// <summary>Ids of directory targets, menus and areas: short, URL-safe names.</summary>
public static partial class DirectoryIds
{
    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]{0,63}$")]
    private static partial Regex Pattern();
}

/// <summary>Telephone numbers in one form (E.164, "+4533663366"), so a dialled "33 66 33 66" finds its entry.</summary>
public static class PhoneNumber
{
    /// <summary>Spaces and dashes dropped; "0045..." and bare 8-digit Danish numbers get "+45".</summary>
    public static string Normalize(string? number)
    {
        var s = new string((number ?? "").Where(c => c is not (' ' or '-' or '.' or '(' or ')')).ToArray());
        if (s.StartsWith("00", StringComparison.Ordinal)) s = "+" + s[2..];
        if (s.Length == 8 && s.All(char.IsAsciiDigit)) s = "+45" + s;
        return s;
    }

    public static bool IsValid(string? number)
    {
        var s = Normalize(number);
        return s.Length is >= 8 and <= 16 && s[0] == '+' && s.Skip(1).All(char.IsAsciiDigit)
               && (!s.StartsWith("+45", StringComparison.Ordinal) || s.Length == 11);
    }

    /// <summary>A closed-handling or destination target that is a number rather than a directory id.</summary>
    public static bool LooksLikeNumber(string? value) => value is { Length: > 0 } v && (v[0] == '+' || char.IsAsciiDigit(v[0]));
}
