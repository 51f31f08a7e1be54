using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ContactCenter.Cli.Rendering;

/// <summary>Writes a result as tables (for people) or as indented JSON (for scripts) on stdout.</summary>
public sealed class Output(CliEnvironment env, bool json)
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public bool Json => json;

    /// <summary>The result: as JSON with -o json, else drawn by <paramref name="table"/>.</summary>
    public int Result<T>(T value, Action<T> table)
    {
        if (json)
        {
            env.OutWriter.WriteLine(JsonSerializer.Serialize(value, JsonOptions));
            env.OutWriter.Flush();
        }
        else
        {
            table(value);
        }
        return ExitCodes.Ok;
    }

    /// <summary>One JSON document per line (for streams such as a followed log).</summary>
    public void JsonLine<T>(T value)
    {
        env.OutWriter.WriteLine(JsonSerializer.Serialize(value, HttpJson));
        env.OutWriter.Flush();
    }

    private static readonly JsonSerializerOptions HttpJson = new(JsonSerializerDefaults.Web);

    public void Line(string text = "") => env.Out.WriteLine(text);

    public void Write(IRenderable renderable) => env.Out.Write(renderable);

    public static Table Table(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded);
        // Addresses and ids stay whole (operators copy them); only a last free-text column wraps.
        for (var i = 0; i < columns.Length; i++)
        {
            var column = new TableColumn(new Text(columns[i]));
            if (i < columns.Length - 1 || columns.Length <= 2) column.NoWrap();
            table.AddColumn(column);
        }
        return table;
    }

    /// <summary>Adds a row of plain text (never markup: ids and messages come from the node).</summary>
    public static void Row(Table table, params string?[] cells) =>
        table.AddRow(cells.Select(c => (IRenderable)new Text(string.IsNullOrEmpty(c) ? "-" : c)).ToArray());

    /// <summary>A two-column name/value table.</summary>
    public static Table Properties(IEnumerable<(string Name, string? Value)> rows)
    {
        var grid = Table("Field", "Value");
        foreach (var (name, value) in rows) Row(grid, name, value);
        return grid;
    }

    public static string Time(DateTimeOffset? at) =>
        at is { } t ? t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) : "-";

    public static string Yes(bool value) => value ? "yes" : "no";
}
