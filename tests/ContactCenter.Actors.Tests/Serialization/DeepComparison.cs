using System.Collections;
using System.Reflection;

namespace ContactCenter.Actors.Tests.Serialization;

/// <summary>
/// Structural comparison of two object graphs through their public properties, independent of JSON: records
/// holding immutable collections compare by reference, so their own Equals cannot tell. A DateTimeOffset
/// must keep its offset, not only its instant.
/// </summary>
public static class DeepComparison
{
    /// <summary>The path of the first difference, or null when the graphs are equal.</summary>
    public static string? FirstDifference(object? expected, object? actual, string path = "$")
    {
        if (expected is null || actual is null)
            return expected is null && actual is null ? null : $"{path}: expected {Show(expected)}, got {Show(actual)}";
        if (expected.GetType() != actual.GetType())
            return $"{path}: expected a {expected.GetType().Name}, got a {actual.GetType().Name}";

        switch (expected)
        {
            case DateTimeOffset e:
                return e.EqualsExact((DateTimeOffset)actual) ? null : $"{path}: expected {e:O}, got {(DateTimeOffset)actual:O}";
            case string or Enum or TimeSpan or DateOnly or DateTime or decimal or Guid:
            case var _ when expected.GetType().IsPrimitive:
                return expected.Equals(actual) ? null : $"{path}: expected {Show(expected)}, got {Show(actual)}";
            case IDictionary e:
            {
                var a = (IDictionary)actual;
                if (e.Count != a.Count) return $"{path}: expected {e.Count} entries, got {a.Count}";
                foreach (DictionaryEntry entry in e)
                {
                    if (!a.Contains(entry.Key)) return $"{path}: key '{entry.Key}' is missing";
                    var difference = FirstDifference(entry.Value, a[entry.Key], $"{path}[{entry.Key}]");
                    if (difference is not null) return difference;
                }
                return null;
            }
            case IEnumerable e:
            {
                var left = e.Cast<object?>().ToList();
                var right = ((IEnumerable)actual).Cast<object?>().ToList();
                if (left.Count != right.Count) return $"{path}: expected {left.Count} elements, got {right.Count}";
                for (var i = 0; i < left.Count; i++)
                {
                    var difference = FirstDifference(left[i], right[i], $"{path}[{i}]");
                    if (difference is not null) return difference;
                }
                return null;
            }
        }

        foreach (var property in ReadableProperties(expected.GetType()))
        {
            var difference = FirstDifference(property.GetValue(expected), property.GetValue(actual), $"{path}.{property.Name}");
            if (difference is not null) return difference;
        }
        return null;
    }

    public static IEnumerable<PropertyInfo> ReadableProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0);

    private static string Show(object? value) => value switch
    {
        null => "null",
        string s => $"\"{s}\"",
        _ => value.ToString() ?? value.GetType().Name,
    };
}
