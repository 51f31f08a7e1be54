using ContactCenter.Actors.Calendar;
using ContactCenter.Actors.Configuration;
using ContactCenter.Actors.Queues;
using Xunit;

namespace ContactCenter.Actors.Tests.Configuration;

public sealed class CenterConfigurationTests
{
    private static string SampleFile => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "config", "copenhagen.json"));

    [Fact]
    public void The_Copenhagen_sample_is_valid_and_holds_the_first_roll()
    {
        var (config, errors) = CenterConfiguration.Parse(SampleFile);

        Assert.Empty(errors);
        Assert.Equal(
            new[] { "hovednummer", "pladsanvisning", "din-sociale-indgang", "hjemmepleje-suf", "hjemmepleje-sof", "bibliotek" },
            config!.Queues.Select(q => q.Id));
        Assert.Contains(config.Agents, a => a.Kind == Agents.AgentKind.DepartmentStaff && a.Department == "BUF");
    }

    [Fact]
    public void The_sample_hours_are_the_departments_hours_from_the_business_case()
    {
        var config = CenterConfiguration.Parse(SampleFile).Configuration!;
        var expected = new Dictionary<string, BusinessCalendar>
        {
            ["pladsanvisning"] = CopenhagenSample.Pladsanvisning,
            ["din-sociale-indgang"] = CopenhagenSample.DinSocialeIndgang,
            ["hjemmepleje-suf"] = CopenhagenSample.HjemmeplejeSuf,
            ["hjemmepleje-sof"] = CopenhagenSample.HjemmeplejeSof,
            ["bibliotek"] = CopenhagenSample.BibliotekOnline,
        };
        foreach (var (id, calendar) in expected)
        {
            var hours = config.Queues.Single(q => q.Id == id).ToConfig().Hours!;
            Assert.Equal(calendar.Hours, hours.Hours);
        }
    }

    [Fact]
    public void After_hours_home_care_is_forwarded_to_the_departments()
    {
        var config = CenterConfiguration.Parse(SampleFile).Configuration!;
        Assert.All(config.Queues.Where(q => q.Id.StartsWith("hjemmepleje", StringComparison.Ordinal)),
            q => Assert.Equal(ClosedAction.Forward, q.WhenClosed!.Action));
    }

    [Fact]
    public void Malformed_json_names_the_line()
    {
        var (config, errors) = CenterConfiguration.Parse("{\n  \"version\": 1,\n  \"name\": \"x\",\n  \"queues\": [ { \"id\": }\n]}");

        Assert.Null(config);
        Assert.StartsWith("line 4:", Assert.Single(errors));
    }

    [Fact]
    public void A_bad_value_names_the_field_and_its_line()
    {
        const string json = """
            {
              "version": 1,
              "name": "x",
              "queues": [
                { "id": "a", "name": "A", "requiredSkill": "a" },
                { "id": "b", "name": "B", "requiredSkill": "b",
                  "minLevel": 12 }
              ],
              "agents": []
            }
            """;

        var (config, errors) = CenterConfiguration.Parse(json);

        Assert.Null(config);
        Assert.Equal("line 7: $.queues[1].minLevel: 12 is outside 1-9", Assert.Single(errors));
    }

    [Fact]
    public void Duplicates_unknown_fields_and_dangling_overflow_targets_are_refused()
    {
        const string dup = """
            { "version": 1, "name": "x", "agents": [],
              "queues": [ { "id": "a", "name": "A", "requiredSkill": "a", "whenClosed": { "action": "Overflow", "target": "zz" } },
                          { "id": "a", "name": "A2", "requiredSkill": "a" } ] }
            """;
        var errors = CenterConfiguration.Parse(dup).Errors;
        Assert.Contains(errors, e => e.Contains("$.queues[1].id: 'a' appears twice"));
        Assert.Contains(errors, e => e.Contains("$.queues[0].whenClosed.target: queue 'zz' is not in this file"));

        var unknown = CenterConfiguration.Parse("""{ "version": 1, "name": "x", "queues": [], "agents": [], "colour": "blue" }""").Errors;
        Assert.Contains("colour", Assert.Single(unknown));
    }

    [Fact]
    public void Bad_hours_are_refused_with_the_day()
    {
        const string json = """
            { "version": 1, "name": "x", "agents": [],
              "queues": [ { "id": "a", "name": "A", "requiredSkill": "a", "hours": { "monday": ["13:00-12:00"] } } ] }
            """;
        var error = Assert.Single(CenterConfiguration.Parse(json).Errors);
        Assert.Contains("Monday", error);
        Assert.StartsWith("line 2:", error);
    }
}
