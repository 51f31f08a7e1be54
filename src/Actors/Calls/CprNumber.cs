using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace ContactCenter.Actors.Calls;

/// <summary>
/// The Danish personal id (CPR) is personal data: it is masked before it is stored, so neither the journal
/// nor a log line ever holds the full number.
/// </summary>
public static partial class CprNumber
{
    public const string AttachedDataKey = "cpr";

    [GeneratedRegex(@"^\s*([0-9]{6})-?([0-9]{4})\s*$")]
    private static partial Regex Shape();

    /// <summary>Keeps the birth date (DDMMYY), hides the sequence digits: "010203-****".</summary>
    public static string Mask(string value)
    {
        var m = Shape().Match(value);
        return m.Success ? $"{m.Groups[1].Value}-****" : "**********";
    }

    public static bool IsWellFormed(string value) => Shape().IsMatch(value);

    /// <summary>Attached data as it may be stored: any CPR value masked.</summary>
    public static ImmutableDictionary<string, string> Protect(IReadOnlyDictionary<string, string>? attached)
    {
        var result = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in attached ?? ImmutableDictionary<string, string>.Empty)
        {
            result[key] = string.Equals(key, AttachedDataKey, StringComparison.OrdinalIgnoreCase) ? Mask(value) : value;
        }
        return result.ToImmutable();
    }
}
