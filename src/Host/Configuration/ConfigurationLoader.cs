using Akka.Actor;
using Akka.Hosting;
using ContactCenter.Actors.Agents;
using ContactCenter.Actors.Configuration;
using ContactCenter.Actors.Queues;
using ContactCenter.Actors.Routing;

namespace ContactCenter.Host.Configuration;

/// <summary>Where the node's configuration file is and whether to load it (section ContactCenter:Configuration).</summary>
public sealed class ConfigurationFileSettings
{
    public const string Section = "ContactCenter:Configuration";

    /// <summary>Relative paths are resolved against the application's folder.</summary>
    public string File { get; set; } = "config/copenhagen.json";

    public bool Load { get; set; } = true;
}

/// <summary>
/// Loads the configuration file into a node at start: it creates the queues and agents that do not exist
/// yet and leaves existing ones alone, so an operator's later changes are never overwritten. A file with
/// any error is refused whole, each error logged with its field and line; nothing is applied.
/// </summary>
public sealed class ConfigurationLoader(
    ConfigurationFileSettings settings,
    IRequiredActor<QueueRegion> queues,
    IRequiredActor<AgentRegion> agents,
    IRequiredActor<EntryPlanRegion> entryPlans,
    ILogger<ConfigurationLoader> log) : BackgroundService
{
    private static readonly TimeSpan AskTimeout = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.Load) return;
        var path = Path.IsPathRooted(settings.File) ? settings.File : Path.Combine(AppContext.BaseDirectory, settings.File);
        if (!File.Exists(path))
        {
            log.LogWarning("Configuration file {Path} not found; nothing loaded", path);
            return;
        }
        var (configuration, errors) = CenterConfiguration.Parse(await File.ReadAllTextAsync(path, stoppingToken));
        if (configuration is null)
        {
            foreach (var error in errors) log.LogError("Configuration file {Path}: {Error}", path, error);
            log.LogError("Configuration file {Path} refused: {Count} errors, nothing applied", path, errors.Count);
            return;
        }
        var (createdQueues, createdAgents) = await Apply(configuration, stoppingToken);
        log.LogInformation("Configuration '{Name}': {Queues} queues and {Agents} agents created, the rest already existed",
            configuration.Name, createdQueues, createdAgents);
        // Directory, entry numbers, menus and routing plan: the entity adds only what it does not have yet.
        var seeded = await (await entryPlans.GetAsync(stoppingToken)).Ask<CommandAccepted>(configuration.ToSeed(), AskTimeout, stoppingToken);
        log.LogInformation("Configuration '{Name}': entry plan {Detail}", configuration.Name, seeded.Detail);
    }

    public async Task<(int Queues, int Agents)> Apply(CenterConfiguration configuration, CancellationToken ct)
    {
        int createdQueues = 0, createdAgents = 0;
        var queueRegion = await queues.GetAsync(ct);
        var agentRegion = await agents.GetAsync(ct);
        foreach (var q in configuration.Queues)
        {
            var view = await queueRegion.Ask<QueueView>(new QueueCommands.GetQueueState(q.Id), AskTimeout, ct);
            if (view.Config is not null) continue;
            await queueRegion.Ask<CommandAccepted>(new QueueCommands.ConfigureQueue(q.Id, q.ToConfig()), AskTimeout, ct);
            createdQueues++;
        }
        foreach (var a in configuration.Agents)
        {
            var state = await agentRegion.Ask<AgentState>(new AgentCommands.GetAgentState(a.Id), AskTimeout, ct);
            if (state.Exists) continue;
            await agentRegion.Ask<CommandAccepted>(new AgentCommands.ConfigureAgent(a.Id, a.ToProfile()), AskTimeout, ct);
            createdAgents++;
        }
        return (createdQueues, createdAgents);
    }
}
