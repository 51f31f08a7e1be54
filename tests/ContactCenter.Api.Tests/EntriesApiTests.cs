using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace ContactCenter.Api.Tests;

/// <summary>
/// The directory, entry numbers, menus and routing plan over HTTP: supervisors change them at run time, every role
/// reads them, refusals are problem details naming the field, and an adapter walks a caller through a menu.
/// </summary>
public sealed class EntriesApiTests : IAsyncLifetime
{
    private readonly ApiNode _node = new();

    public async Task InitializeAsync()
    {
        await _node.CreateQueue("hovednummer", "borgerservice");
        var supervisor = _node.As(ApiNode.SupervisorKey);
        await Ok(supervisor.PutAsJsonAsync("/v1/directory/buf-pladsanvisning", new
        {
            name = "BUF Pladsanvisningen", department = "BUF", function = "casework", number = "33 17 10 00",
        }, ApiNode.Json));
        await Ok(supervisor.PostAsJsonAsync("/v1/routing-plan/changes",
            new { area = "pladsanvisning", destination = new { target = "buf-pladsanvisning" } }, ApiNode.Json));
        await Ok(supervisor.PutAsJsonAsync("/v1/menus/main", Menu(new { area = "pladsanvisning" }), ApiNode.Json));
        await Ok(supervisor.PutAsJsonAsync("/v1/entry-numbers/33663366",
            new { name = "Hovednummer", destination = new { menu = "main" } }, ApiNode.Json));
    }

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private static object Menu(object one, object? fallback = null) => new
    {
        name = "Velkomst",
        prompts = new Dictionary<string, string> { ["da"] = "Tast 1 for pladsanvisning", ["en"] = "Press 1 for childcare" },
        options = new Dictionary<string, object> { ["1"] = one, ["9"] = new { language = "en" } },
        @default = fallback ?? new { queue = "hovednummer" },
    };

    private static async Task<JsonElement> Ok(Task<HttpResponseMessage> request)
    {
        var response = await request;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static async Task<string> Problem(Task<HttpResponseMessage> request, HttpStatusCode status, string type)
    {
        var response = await request;
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.EndsWith("/" + type, problem.GetProperty("type").GetString());
        return problem.GetProperty("detail").GetString()!;
    }

    [Fact]
    public async Task An_adapter_walks_a_caller_through_the_menu_and_every_choice_is_in_the_history()
    {
        var adapter = _node.As(ApiNode.AdapterKey);

        var offered = await ApiNode.EventuallyValue(async () =>
            await Ok(adapter.PostAsJsonAsync("/v1/calls", new { callId = "c1", from = "+4512345678", dialled = "33 66 33 66" }, ApiNode.Json)));
        var language = await Ok(adapter.PostAsJsonAsync("/v1/calls/c1/events", new { type = "MenuInput", digits = "9" }, ApiNode.Json));
        var timeout = await Ok(adapter.PostAsJsonAsync("/v1/calls/c1/events", new { type = "MenuTimeout" }, ApiNode.Json));
        var call = await Ok(adapter.GetAsync("/v1/calls/c1"));

        Assert.Equal("InMenu 'main' (da)", offered.GetProperty("detail").GetString());
        Assert.Equal("InMenu 'main' (en)", language.GetProperty("detail").GetString());
        Assert.Equal("Queued in queue 'hovednummer'", timeout.GetProperty("detail").GetString());
        var history = call.GetProperty("history").EnumerateArray().Select(e => e.GetProperty("$event").GetString()).ToList();
        Assert.Equal(new[] { "entered", "menu-entered", "menu-choice", "menu-entered", "menu-choice", "offered" }, history);
        Assert.Equal("en", call.GetProperty("details").GetProperty("language").GetString());

        // The statistics count the menu's choices per choice key: the language key and the timeout.
        var supervisor = _node.As(ApiNode.SupervisorKey);
        await ApiNode.Eventually(async () =>
        {
            var rows = await supervisor.GetFromJsonAsync<JsonElement>("/v1/statistics/menus?interval=day&menuId=main", ApiNode.Json);
            var day = Assert.Single(rows.EnumerateArray());
            Assert.Equal(2, day.GetProperty("choices").GetInt32());
            Assert.Equal(1, day.GetProperty("byKey").GetProperty("9").GetInt32());
            Assert.Equal(1, day.GetProperty("byKey").GetProperty("timeout").GetInt32());
        });
        var csv = await supervisor.GetStringAsync("/v1/statistics/menus?interval=day&format=csv");
        Assert.StartsWith("menu,start,minutes,choices,by_key", csv);
        Assert.Contains(",2,9=1;timeout=1", csv);
    }

    [Fact]
    public async Task Choices_offered_with_the_call_resolve_through_the_plan_and_the_call_records_its_version()
    {
        var adapter = _node.As(ApiNode.AdapterKey);

        var offered = await ApiNode.EventuallyValue(async () => await Ok(adapter.PostAsJsonAsync("/v1/calls",
            new { callId = "c2", from = "+4512345678", dialled = "33663366", choices = new[] { "1" } }, ApiNode.Json)));
        var call = await Ok(adapter.GetAsync("/v1/calls/c2"));

        Assert.Equal("Forwarded to +4533171000 (area 'pladsanvisning' plan version 1)", offered.GetProperty("detail").GetString());
        var routed = call.GetProperty("history").EnumerateArray().Single(e => e.GetProperty("$event").GetString() == "plan-routed");
        Assert.Equal(1, routed.GetProperty("planVersion").GetInt32());
        await Problem(adapter.PostAsJsonAsync("/v1/calls/c2/events", new { type = "MenuInput", digits = "1" }, ApiNode.Json),
            HttpStatusCode.Conflict, "illegal-transition");
    }

    [Fact]
    public async Task Supervisors_list_upcoming_changes_and_cancel_one_before_it_applies()
    {
        var supervisor = _node.As(ApiNode.SupervisorKey);
        var tomorrow = DateTimeOffset.UtcNow.AddDays(1);

        var scheduled = await Ok(supervisor.PostAsJsonAsync("/v1/routing-plan/changes",
            new { area = "pladsanvisning", effectiveFrom = tomorrow, destination = new { queue = "hovednummer" }, note = "go-live" }, ApiNode.Json));
        var plan = await Ok(supervisor.GetAsync("/v1/routing-plan"));
        var later = await Ok(supervisor.GetAsync($"/v1/routing-plan?at={Uri.EscapeDataString(tomorrow.AddMinutes(1).ToString("O"))}"));
        await Ok(supervisor.PostAsync("/v1/routing-plan/changes/2/cancel", null));
        var after = await Ok(supervisor.GetAsync("/v1/routing-plan"));

        Assert.Contains("plan change 2 scheduled", scheduled.GetProperty("detail").GetString());
        Assert.Equal(2, plan.GetProperty("upcoming").EnumerateArray().Single().GetProperty("version").GetInt32());
        Assert.Equal(1, plan.GetProperty("areas").EnumerateArray().Single().GetProperty("version").GetInt32());
        Assert.Equal(2, later.GetProperty("areas").EnumerateArray().Single().GetProperty("version").GetInt32());
        Assert.Empty(after.GetProperty("upcoming").EnumerateArray());
        var detail = await Problem(supervisor.PostAsync("/v1/routing-plan/changes/1/cancel", null), HttpStatusCode.Conflict, "illegal-transition");
        Assert.Contains("in effect since", detail);
        await Problem(supervisor.PostAsync("/v1/routing-plan/changes/42/cancel", null), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Bad_changes_are_problem_details_naming_the_field()
    {
        var supervisor = _node.As(ApiNode.SupervisorKey);

        var unknownTarget = await Problem(supervisor.PutAsJsonAsync("/v1/menus/other", Menu(new { target = "nobody" }), ApiNode.Json),
            HttpStatusCode.BadRequest, "invalid-field");
        var unknownQueue = await Problem(supervisor.PutAsJsonAsync("/v1/menus/other", Menu(new { area = "pladsanvisning" }, new { queue = "nope" }), ApiNode.Json),
            HttpStatusCode.BadRequest, "invalid-field");
        var two = await Problem(supervisor.PutAsJsonAsync("/v1/menus/other", Menu(new { queue = "hovednummer", menu = "main" }), ApiNode.Json),
            HttpStatusCode.BadRequest, "invalid-field");
        var badNumber = await Problem(supervisor.PutAsJsonAsync("/v1/directory/x", new { name = "X", department = "D", function = "f", number = "12" }, ApiNode.Json),
            HttpStatusCode.BadRequest, "invalid-field");
        var inUse = await Problem(supervisor.DeleteAsync("/v1/directory/buf-pladsanvisning"), HttpStatusCode.Conflict, "illegal-transition");
        var menuInUse = await Problem(supervisor.DeleteAsync("/v1/menus/main"), HttpStatusCode.Conflict, "illegal-transition");
        await Problem(supervisor.GetAsync("/v1/menus/nothing"), HttpStatusCode.NotFound, "not-found");

        Assert.Equal("options.1.target: directory target 'nobody' does not exist", unknownTarget);
        Assert.Equal("default.queue: queue 'nope' does not exist", unknownQueue);
        Assert.StartsWith("options.1: name exactly one of", two);
        Assert.StartsWith("number: '12' is not a phone number", badNumber);
        Assert.Contains("plan change 1 (area 'pladsanvisning')", inUse);
        Assert.Contains("entry number '+4533663366'", menuInUse);
    }

    [Fact]
    public async Task A_menu_changed_at_run_time_applies_to_the_next_call()
    {
        var supervisor = _node.As(ApiNode.SupervisorKey);
        var adapter = _node.As(ApiNode.AdapterKey);
        await Ok(supervisor.PutAsJsonAsync("/v1/menus/main", Menu(new { number = "+4533736060" }), ApiNode.Json));

        var menu = await Ok(adapter.GetAsync("/v1/menus/main"));
        var offered = await ApiNode.EventuallyValue(async () =>
        {
            var r = await Ok(adapter.PostAsJsonAsync("/v1/calls",
                new { callId = "c3-" + Guid.NewGuid().ToString("N"), from = "+4512345678", dialled = "33663366", choices = new[] { "1" } }, ApiNode.Json));
            Assert.StartsWith("Forwarded to +4533736060", r.GetProperty("detail").GetString());
            return r;
        });

        Assert.Equal("+4533736060", menu.GetProperty("options").GetProperty("1").GetProperty("number").GetString());
        Assert.NotNull(offered.GetProperty("callId").GetString());
    }
}
