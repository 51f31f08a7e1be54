using ContactCenter.Actors.Configuration;
using Xunit;

namespace ContactCenter.Actors.Tests.Configuration;

/// <summary>The directory, entryNumbers, menus and routingPlan sections: the sample's content, and errors that name field and line.</summary>
public sealed class EntrySectionsTests
{
    private static CenterConfiguration Sample => Entries.SampleMenuTests.Sample;

    [Fact]
    public void The_sample_has_the_main_number_the_department_lines_and_the_go_live_dates()
    {
        var config = Sample;

        Assert.Equal("+4533663366", Departments.PhoneNumber.Normalize(Assert.Single(config.EntryNumbers!.Value).Number));
        Assert.Equal(new[] { "hovedmenu", "social" }, config.Menus!.Value.Select(m => m.Id));
        Assert.DoesNotContain(config.Directory!.Value, t => t.Number.Contains("0000000"));
        var goLive = config.RoutingPlan!.Value.Where(p => p.EffectiveFrom is not null)
            .ToDictionary(p => p.Area, p => p.EffectiveFrom!.Value);
        Assert.Equal(new DateTimeOffset(2026, 5, 15, 0, 0, 0, TimeSpan.FromHours(2)), goLive["pladsanvisning"]);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.FromHours(2)), goLive["din-sociale-indgang"]);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.FromHours(2)), goLive["hjemmepleje-suf"]);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.FromHours(2)), goLive["hjemmepleje-sof"]);
        Assert.Equal(new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.FromHours(1)), goLive["bibliotek"]);
    }

    private const string Valid = """
        {
          "version": 1, "name": "x", "agents": [],
          "queues": [ { "id": "q", "name": "Q", "requiredSkill": "q",
                        "whenClosed": { "action": "Forward", "target": "dept" } } ],
          "directory": [
            { "id": "dept", "name": "Dept", "department": "D", "function": "f", "number": "33 17 10 00" }
          ],
          "entryNumbers": [ { "number": "33663366", "name": "Main", "destination": { "menu": "main" } } ],
          "menus": [
            { "id": "main", "name": "Main", "prompts": { "da": "Tast 1" },
              "options": { "1": { "area": "a" }, "2": { "target": "dept" } },
              "default": { "queue": "q" } }
          ],
          "routingPlan": [ { "area": "a", "destination": { "queue": "q" } } ]
        }
        """;

    [Fact]
    public void A_small_file_with_every_section_is_valid() => Assert.Empty(CenterConfiguration.Parse(Valid).Errors);

    [Theory]
    [InlineData("\"number\": \"33 17 10 00\"", "\"number\": \"12\"", "line 6: $.directory[0].number: '12' is not a phone number (+45 and 8 digits, or + and 7-15 digits)")]
    [InlineData("\"target\": \"dept\" } } ]", "\"target\": \"nodept\" } } ]", "line 4: $.queues[0].whenClosed.target: 'nodept' is neither a phone number nor a directory target in this file")]
    [InlineData("{ \"menu\": \"main\" }", "{ \"menu\": \"mian\" }", "line 8: $.entryNumbers[0].destination.menu: menu 'mian' is not in this file")]
    [InlineData("\"1\": { \"area\": \"a\" }", "\"1\": { \"area\": \"b\" }", "line 11: $.menus[0].options.1.area: area 'b' has no entry in routingPlan")]
    [InlineData("\"default\": { \"queue\": \"q\" }", "\"default\": { \"queue\": \"r\" }", "line 12: $.menus[0].default.queue: queue 'r' is not in this file")]
    [InlineData("\"2\": { \"target\": \"dept\" }", "\"2\": { \"target\": \"dept\", \"queue\": \"q\" }", "line 11: $.menus[0].options.2: name exactly one of queue, target, number, menu, language, area (found 2)")]
    [InlineData("\"prompts\": { \"da\": \"Tast 1\" }", "\"prompts\": { \"dansk\": \"Tast 1\" }", "line 10: $.menus[0].prompts.dansk: 'dansk' is not a two-letter language code")]
    [InlineData("\"destination\": { \"queue\": \"q\" } } ]", "\"destination\": { \"menu\": \"main\" } } ]", "line 14: $.routingPlan[0].destination.menu: a menu is not allowed here")]
    public void A_bad_entry_names_the_field_and_its_line(string valid, string broken, string expected)
    {
        Assert.Contains(valid, Valid);

        var (config, errors) = CenterConfiguration.Parse(Valid.Replace(valid, broken));

        Assert.Null(config);
        Assert.Equal(expected, Assert.Single(errors));
    }

    [Fact]
    public void An_unknown_field_in_a_menu_is_refused_with_its_line()
    {
        var (config, errors) = CenterConfiguration.Parse(Valid.Replace("\"default\": { \"queue\": \"q\" }", "\"default\": { \"queue\": \"q\" }, \"timeout\": 5"));

        Assert.Null(config);
        Assert.StartsWith("line 12: $.menus[0].timeout:", Assert.Single(errors));
    }
}
