namespace ContactCenter.Cli.Connection;

/// <summary>The node to talk to, the key to present, and where each came from (for messages).</summary>
public sealed record NodeConnection(Uri Url, string? Key, string Source, TimeSpan Timeout)
{
    public const string DefaultUrl = "http://127.0.0.1:5080";
    public const string UrlVariable = "CCCTL_URL";
    public const string KeyVariable = "CCCTL_KEY";
    public const string ConfigVariable = "CCCTL_CONFIG";

    /// <summary>
    /// Options first, then CCCTL_URL / CCCTL_KEY, then the named or current context, then the local default
    /// node. URL and key are resolved each on their own, so --key works with a context's URL.
    /// </summary>
    public static NodeConnection Resolve(string? url, string? key, string? contextName, TimeSpan timeout,
        Func<string, string?> variables, string configPath)
    {
        NodeContext? context = null;
        string? contextLabel = null;
        var file = ContextsFile.Load(configPath);
        if (contextName is not null)
        {
            if (!file.Contexts.TryGetValue(contextName, out context))
                throw new ConfigurationException($"no context named '{contextName}' in {configPath} (see: ccctl context list)");
            contextLabel = $"context '{contextName}'";
        }
        else if (file.CurrentContext is { } current && file.Contexts.TryGetValue(current, out context))
        {
            contextLabel = $"context '{current}'";
        }

        var (chosenUrl, source) =
            url is not null ? (url, "--url") :
            Blank(variables(UrlVariable)) is { } fromEnv ? (fromEnv, UrlVariable) :
            context is not null ? (context.Url, contextLabel!) :
            (DefaultUrl, "the default");
        var chosenKey = key ?? Blank(variables(KeyVariable)) ?? context?.Key;

        if (!Uri.TryCreate(chosenUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new ConfigurationException($"'{chosenUrl}' (from {source}) is not an http(s) URL");
        if (!uri.AbsolutePath.EndsWith('/')) uri = new Uri(uri + "/");
        return new NodeConnection(uri, chosenKey, source, timeout);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
