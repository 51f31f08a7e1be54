using ContactCenter.Actors.Hosting;
using ContactCenter.Api;
using ContactCenter.Api.Health;
using ContactCenter.Host.Configuration;

var builder = WebApplication.CreateBuilder(args);

// Settings from appsettings*.json, then environment variables (ContactCenter__Port=4054, ...).
var settings = builder.Configuration.GetSection(ContactCenterSettings.Section).Get<ContactCenterSettings>() ?? new();
builder.Services.AddContactCenterNode(settings);
// SIGTERM: HTTP drains, then CoordinatedShutdown leaves the cluster and hands the shards over, within this time.
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = settings.ShutdownTimeout);
builder.Services.AddContactCenterApi(builder.Configuration, builder.Environment);

// The center's configuration file (the Copenhagen sample by default), loaded into a fresh node.
builder.Services.AddSingleton(builder.Configuration.GetSection(ConfigurationFileSettings.Section).Get<ConfigurationFileSettings>() ?? new());
builder.Services.AddHostedService<ConfigurationLoader>();

var app = builder.Build();
app.UseContactCenterApi();
app.MapHealthApi(); // /healthz/live and /healthz/ready, for probes: no key needed

// Ctrl+C / SIGTERM stop the host, which runs Akka's CoordinatedShutdown: the node leaves the cluster and
// hands its shards over before the process exits.
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the API tests.</summary>
public partial class Program;
