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
    public void Every_first_roll_area_has_hypercare_from_its_go_live_with_department_staff_that_can_take_its_calls()
    {
        var config = CenterConfiguration.Parse(SampleFile).Configuration!;
        var goLives = new Dictionary<string, (DateTimeOffset, string)>
        {
            ["pladsanvisning"] = (new(2026, 5, 15, 0, 0, 0, TimeSpan.FromHours(2)), "BUF"),
            ["din-sociale-indgang"] = (new(2026, 4, 1, 0, 0, 0, TimeSpan.FromHours(2)), "SOF"),
            ["hjemmepleje-suf"] = (new(2026, 4, 1, 0, 0, 0, TimeSpan.FromHours(2)), "SUF"),
            ["hjemmepleje-sof"] = (new(2026, 4, 1, 0, 0, 0, TimeSpan.FromHours(2)), "SOF"),
            ["bibliotek"] = (new(2025, 12, 1, 0, 0, 0, TimeSpan.FromHours(1)), "KFF"),
        };
        foreach (var (id, (goLive, department)) in goLives)
        {
            var queue = config.Queues.Single(q => q.Id == id);
            var h = queue.Hypercare!;
            Assert.Equal((goLive, department), (h.GoLive, h.Department));
            // Go-live in the plan is the same instant as the start of hypercare.
            Assert.Contains(config.RoutingPlan ?? [], e => e.Area == id && e.EffectiveFrom == goLive && e.Destination.Queue == id);
            // The staff carry the department's skill, not the queue's: they take its calls only through hypercare.
            Assert.NotNull(h.Skill);
            Assert.NotEqual(queue.RequiredSkill, h.Skill);
            Assert.Contains(config.Agents, a => a.Kind == Agents.AgentKind.DepartmentStaff && a.Department == h.Department &&
                                                (h.Team is null || a.Team == h.Team) && a.Skills.GetValueOrDefault(h.Skill!) >= h.MinLevel);
        }
        foreach (var staff in config.Agents.Where(a => a.Kind == Agents.AgentKind.DepartmentStaff))
        {
            Assert.DoesNotContain(config.Queues, q => staff.Skills.GetValueOrDefault(q.RequiredSkill) >= Math.Max(q.MinLevel, 1));
        }
    }

    [Fact]
    public void The_busy_queues_offer_callbacks_by_the_default_rule_and_escalation_teams_exist()
    {
        var config = CenterConfiguration.Parse(SampleFile).Configuration!;

        foreach (var queue in config.Queues.Where(q => q.Id != "bibliotek"))
        {
            var callbacks = queue.ToConfig().Callbacks!;
            Assert.Equal((true, 5, TimeSpan.FromSeconds(60)), (callbacks.Enabled, callbacks.OfferWhenMoreWaitingThan, callbacks.EffectiveWaitAbove));
        }
        Assert.Null(config.Queues.Single(q => q.Id == "bibliotek").Callbacks);
        foreach (var step in config.Queues.SelectMany(q => q.Escalation ?? []))
            Assert.True(step.Team is null || config.Agents.Any(a => a.Team == step.Team), $"escalation team '{step.Team}' has no agents");
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
