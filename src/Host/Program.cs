using ContactCenter.Actors.Hosting;
using ContactCenter.Api;

var builder = WebApplication.CreateBuilder(args);

// Settings from appsettings*.json, then environment variables (ContactCenter__Port=4054, ...).
var settings = builder.Configuration.GetSection(ContactCenterSettings.Section).Get<ContactCenterSettings>() ?? new();
builder.Services.AddContactCenterNode(settings);
builder.Services.AddContactCenterApi(builder.Configuration, builder.Environment);

var app = builder.Build();
app.UseContactCenterApi();

// Ctrl+C / SIGTERM stop the host, which runs Akka's CoordinatedShutdown: the node leaves the cluster and
// hands its shards over before the process exits.
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the API tests.</summary>
public partial class Program;
