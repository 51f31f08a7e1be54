using System.Text.Json.Serialization;
using ContactCenter.Actors.Hosting;
using ContactCenter.Api;

var builder = WebApplication.CreateBuilder(args);

// Settings from appsettings*.json, then environment variables (ContactCenter__Port=4054, ...).
var settings = builder.Configuration.GetSection(ContactCenterSettings.Section).Get<ContactCenterSettings>() ?? new();
builder.Services.AddContactCenterNode(settings);
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapGet("/", () => Results.Redirect("/v1/"));
app.MapGet("/v1/", () => TypedResults.Ok(new { product = "ContactCenter", node = settings.Hostname + ":" + settings.Port }));
app.MapRoutingApi();

// Ctrl+C / SIGTERM stop the host, which runs Akka's CoordinatedShutdown: the node leaves the cluster and
// hands its shards over before the process exits.
app.Run();

public partial class Program;
