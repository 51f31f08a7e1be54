using System.Collections.Immutable;
using System.Globalization;

namespace ContactCenter.Actors.Calendar;

/// <summary>Copenhagen wall-clock hours within one day, open from <see cref="Opens"/> up to (not including) <see cref="Closes"/>; 24:00 closes at midnight.</summary>
public sealed record OpeningInterval(TimeSpan Opens, TimeSpan Closes)
{
    /// <summary>Midnight at the end of the day, the latest possible closing.</summary>
    public static readonly TimeSpan EndOfDay = TimeSpan.FromHours(24);

    /// <summary>Reads "9-13", "07:30-15:30" or "22:00-24:00".</summary>
    public static OpeningInterval Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2) throw new FormatException($"'{text}' is not an interval like 09:00-13:00.");
        return new OpeningInterval(ParseTime(parts[0], text), ParseTime(parts[1], text));
    }

    /// <summary>Several intervals at once, e.g. <c>Hours("9-12", "13-15")</c>.</summary>
    public static ImmutableArray<OpeningInterval> Hours(params string[] intervals) =>
        intervals.Select(Parse).ToImmutableArray();

    public override string ToString() => $"{Clock(Opens)}-{Clock(Closes)}";

    /// <summary>A time of day as people write it: 09:00, 24:00, 07:30:15 when seconds matter.</summary>
    internal static string Clock(TimeSpan time)
    {
        var sign = time < TimeSpan.Zero ? "-" : "";
        var magnitude = time.Duration();
        var hours = (int)magnitude.TotalHours;
        return magnitude.Seconds == 0 && magnitude.Milliseconds == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{sign}{hours:00}:{magnitude.Minutes:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{sign}{hours:00}:{magnitude.Minutes:00}:{magnitude.Seconds:00}");
    }

    private static TimeSpan ParseTime(string part, string whole)
    {
        var pieces = part.Split(':');
        if (pieces.Length > 2
            || !int.TryParse(pieces[0], NumberStyles.None, CultureInfo.InvariantCulture, out var hours)
            || (pieces.Length == 2 && (pieces[1].Length != 2 || !int.TryParse(pieces[1], NumberStyles.None, CultureInfo.InvariantCulture, out _))))
        {
            throw new FormatException($"'{whole}' is not an interval like 09:00-13:00.");
        }
        var minutes = pieces.Length == 2 ? int.Parse(pieces[1], CultureInfo.InvariantCulture) : 0;
        // Out-of-range values are kept so that Validate() can name them instead of a parse error hiding the field.
        return new TimeSpan(hours, minutes, 0);
    }
}
