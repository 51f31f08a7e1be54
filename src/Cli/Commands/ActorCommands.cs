using System.CommandLine;
using ContactCenter.Cli.Admin;
using ContactCenter.Cli.Rendering;
using Spectre.Console;

namespace ContactCenter.Cli.Commands;

/// <summary>ccctl actor hierarchy [path] [--depth N].</summary>
public static class ActorCommands
{
    public const int MaxDepth = 10;

    public static Command Build(CliEnvironment env, GlobalOptions options)
    {
        var actor = new Command("actor", "The node's live actors");
        var path = new Argument<string>("path") { Description = "Where to start, e.g. /user or /system/sharding/agent", DefaultValueFactory = _ => "/user" };
        path.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string>() is { } p && !p.StartsWith('/')) r.AddError($"'{p}' is not an actor path: it starts with /");
        });
        var depth = new Option<int>("--depth", "-d") { Description = $"Levels below the path to show (0-{MaxDepth})", DefaultValueFactory = _ => 2 };
        GlobalOptions.Ranged(depth, 0, MaxDepth, 2);
        var hierarchy = new Command("hierarchy", "The actor tree under a path, with each actor's type") { path, depth };
        hierarchy.SetAction(CommandContext.Action(env, options, async (c, ct) =>
            c.Output.Result(await c.Admin.GetActorTreeAsync(c.Parse.GetValue(path)!, c.Parse.GetValue(depth), ct), t => Tree(c.Output, t))));
        actor.Add(hierarchy);
        return actor;
    }

    private static void Tree(Output output, ActorNode root)
    {
        var tree = new Tree(Label(root, root.Path));
        var count = 1;
        Add(tree.AddNode, root);
        output.Write(tree);
        output.Line($"{count} actor(s) shown");

        void Add(Func<Spectre.Console.Rendering.IRenderable, TreeNode> addTo, ActorNode node)
        {
            foreach (var child in node.Children)
            {
                count++;
                var added = addTo(Label(child, child.Name));
                Add(added.AddNode, child);
            }
            if (node.OmittedChildren > 0) addTo(new Text($"... {node.OmittedChildren} more"));
        }
    }

    private static Text Label(ActorNode node, string name) => new(node.Type is null ? name : $"{name} [{node.Type}]");
}
