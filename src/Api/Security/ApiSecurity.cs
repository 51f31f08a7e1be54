using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;

namespace ContactCenter.Api.Security;

/// <summary>The authorization policies endpoint groups demand, and the "only your own agent" rule.</summary>
public static class ApiPolicies
{
    public const string Adapter = "adapter";
    public const string AgentDesktop = "agent-desktop";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";
    public const string Department = "department";

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(Adapter, p => p.RequireRole(ApiRoles.Adapter, ApiRoles.Admin));
        options.AddPolicy(AgentDesktop, p => p.RequireRole(ApiRoles.Agent, ApiRoles.Supervisor, ApiRoles.Admin));
        options.AddPolicy(Supervisor, p => p.RequireRole(ApiRoles.Supervisor, ApiRoles.Admin));
        options.AddPolicy(Admin, p => p.RequireRole(ApiRoles.Admin));
        options.AddPolicy(Department, p => p.RequireRole(ApiRoles.Department, ApiRoles.Supervisor, ApiRoles.Admin));
    }

    /// <summary>An agent key may act only for the agent it names; supervisors and admins for any.</summary>
    public static bool MayActFor(this ClaimsPrincipal user, string agentId) =>
        !user.IsInRole(ApiRoles.Agent) || user.IsInRole(ApiRoles.Supervisor) || user.IsInRole(ApiRoles.Admin) ||
        string.Equals(user.FindFirstValue(ApiRoles.AgentIdClaim), agentId, StringComparison.Ordinal);

    /// <summary>Endpoint filter enforcing <see cref="MayActFor"/> on the route's {agentId}.</summary>
    public static async ValueTask<object?> OwnAgentOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var agentId = context.HttpContext.Request.RouteValues["agentId"] as string ?? "";
        if (!context.HttpContext.User.MayActFor(agentId))
        {
            return Problems.ApiProblems.Create(StatusCodes.Status403Forbidden, "forbidden",
                $"this key acts for agent '{context.HttpContext.User.FindFirstValue(ApiRoles.AgentIdClaim)}', not '{agentId}'");
        }
        return await next(context);
    }

    /// <summary>A department key may act only for the department it names; supervisors and admins for any.</summary>
    public static async ValueTask<object?> OwnDepartmentOnly(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var departmentId = context.HttpContext.Request.RouteValues["departmentId"] as string ?? "";
        var user = context.HttpContext.User;
        if (user.IsInRole(ApiRoles.Department) && !user.IsInRole(ApiRoles.Supervisor) && !user.IsInRole(ApiRoles.Admin) &&
            !string.Equals(user.FindFirstValue(ApiRoles.DepartmentIdClaim), departmentId, StringComparison.Ordinal))
        {
            return Problems.ApiProblems.Create(StatusCodes.Status403Forbidden, "forbidden",
                $"this key acts for department '{user.FindFirstValue(ApiRoles.DepartmentIdClaim)}', not '{departmentId}'");
        }
        return await next(context);
    }
}
