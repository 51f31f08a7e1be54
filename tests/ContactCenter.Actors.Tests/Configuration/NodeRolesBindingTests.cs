using ContactCenter.Actors.Hosting;
using Microsoft.Extensions.Configuration;
using Xunit;

namespace ContactCenter.Actors.Tests.Configuration;

/// <summary>A node's roles as the host binds them: appsettings.json, then environment variables on top.</summary>
public sealed class NodeRolesBindingTests
{
    private static ContactCenterSettings Bind(params (string Key, string Value)[] layers)
    {
        var builder = new ConfigurationBuilder();
        // Each pair is a layer of its own, later ones override earlier ones (appsettings.json, then the environment).
        foreach (var (key, value) in layers) builder.AddInMemoryCollection([new(key, value)]);
        return builder.Build().GetSection(ContactCenterSettings.Section).Get<ContactCenterSettings>() ?? new();
    }

    [Fact]
    public void A_node_with_no_roles_given_is_a_routing_node()
    {
        var settings = Bind(("ContactCenter:Port", "4053"));
        Assert.Equal([ContactCenterSettings.RoutingRole], settings.ClusterRoles);
        Assert.True(settings.HostsEntities);
    }

    [Fact]
    public void Roles_api_from_the_environment_make_an_api_only_node_that_hosts_no_entities()
    {
        var settings = Bind(("ContactCenter:Roles:0", "routing"), ("ContactCenter:Roles:0", "api"));
        Assert.Equal(["api"], settings.ClusterRoles);
        Assert.False(settings.HostsEntities);
    }

    [Fact]
    public void Both_roles_given_host_entities_and_keep_both_roles()
    {
        var settings = Bind(("ContactCenter:Roles:0", "api"), ("ContactCenter:Roles:1", "routing"));
        Assert.Equal(["api", "routing"], settings.ClusterRoles);
        Assert.True(settings.HostsEntities);
    }
}
