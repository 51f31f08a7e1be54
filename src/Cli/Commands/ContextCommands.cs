using System.CommandLine;
using ContactCenter.Cli.Connection;
using ContactCenter.Cli.Rendering;

namespace ContactCenter.Cli.Commands;

/// <summary>ccctl context list | use NAME | set NAME [--url] [--key]: named nodes, like kubectl contexts.</summary>
public static class ContextCommands
{
    public sealed record ContextView(string Name, string Url, bool HasKey, bool Current);

    public static Command Build(CliEnvironment env, GlobalOptions options)
    {
        var context = new Command("context", "Named nodes and keys in the contexts file (~/.ccctl/config.json or CCCTL_CONFIG)");

        var list = new Command("list", "The contexts, with the current one marked (keys are never shown)");
        list.SetAction(CommandContext.Action(env, options, (c, _) =>
        {
            var file = ContextsFile.Load(env.ResolvedConfigPath);
            var views = file.Contexts.Select(p => new ContextView(p.Key, p.Value.Url, !string.IsNullOrEmpty(p.Value.Key), p.Key == file.CurrentContext)).ToList();
            return Task.FromResult(c.Output.Result(views, v =>
            {
                if (v.Count == 0)
                {
                    c.Output.Line($"no contexts in {env.ResolvedConfigPath}; add one with: ccctl context set NAME --url URL --key KEY");
                    return;
                }
                var table = Output.Table("Current", "Name", "URL", "Key");
                foreach (var x in v) Output.Row(table, x.Current ? "*" : "", x.Name, x.Url, x.HasKey ? "set" : "none");
                c.Output.Write(table);
            }));
        }));
        context.Add(list);

        var useName = Name();
        var use = new Command("use", "Make a context the current one") { useName };
        use.SetAction(CommandContext.Action(env, options, (c, _) =>
        {
            var path = env.ResolvedConfigPath;
            var file = ContextsFile.Load(path);
            var name = c.Parse.GetValue(useName)!;
            if (!file.Contexts.ContainsKey(name))
                throw new UsageException($"no context named '{name}' in {path} (known: {(file.Contexts.Count == 0 ? "none" : string.Join(", ", file.Contexts.Keys))})");
            file.CurrentContext = name;
            file.Save(path);
            c.Output.Line($"current context: {name} ({file.Contexts[name].Url})");
            return Task.FromResult(ExitCodes.Ok);
        }));
        context.Add(use);

        var setName = Name();
        var url = new Option<string?>("--url") { Description = "The node's HTTP address" };
        var key = new Option<string?>("--key") { Description = "The admin API key to present there" };
        var set = new Command("set", "Create or change a context (the first one becomes current)") { setName, url, key };
        // These --url/--key describe the context; they shadow the global connection options here.
        set.SetAction(CommandContext.Action(env, options, (c, _) =>
        {
            var path = env.ResolvedConfigPath;
            var file = ContextsFile.Load(path);
            var name = c.Parse.GetValue(setName)!;
            var newUrl = c.Parse.GetValue(url);
            if (!file.Contexts.TryGetValue(name, out var entry))
            {
                if (newUrl is null) throw new UsageException($"a new context needs --url (context '{name}' does not exist yet)");
                entry = new NodeContext();
                file.Contexts[name] = entry;
            }
            if (newUrl is not null)
            {
                if (!Uri.TryCreate(newUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                    throw new UsageException($"--url: '{newUrl}' is not an http(s) URL");
                entry.Url = newUrl;
            }
            if (c.Parse.GetValue(key) is { } newKey) entry.Key = newKey;
            file.CurrentContext ??= name;
            file.Save(path);
            c.Output.Line($"context {name}: {entry.Url}, key {(string.IsNullOrEmpty(entry.Key) ? "none" : "set")}{(file.CurrentContext == name ? " (current)" : "")}");
            return Task.FromResult(ExitCodes.Ok);
        }));
        context.Add(set);
        return context;
    }

    private static Argument<string> Name() => new("name") { Description = "The context's name" };
}
