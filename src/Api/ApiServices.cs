using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using ContactCenter.Api.Problems;
using ContactCenter.Api.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ContactCenter.Api;

/// <summary>Registers and wires the HTTP surface: auth, problem details, limits, JSON.</summary>
public static class ApiServices
{
    public static IServiceCollection AddContactCenterApi(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(ApiSettings.Section).Get<ApiSettings>() ?? new ApiSettings();
        var generated = settings.Keys.Count == 0 && environment.IsDevelopment();
        var keys = generated ? ApiKeyStore.DevelopmentKeys() : settings.Keys;
        services.AddSingleton(settings);
        services.AddSingleton(new ApiKeyStore(keys));
        services.AddSingleton(new DevelopmentKeys(generated ? keys : []));

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, _ => { });
        services.AddAuthorization(ApiPolicies.Configure);
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => Configure(o.SerializerOptions));
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(_ => RateLimitPartition.GetConcurrencyLimiter(
                "node", _ => new ConcurrencyLimiterOptions { PermitLimit = settings.MaxConcurrentRequests, QueueLimit = 0 }));
            o.OnRejected = async (ctx, token) =>
            {
                ctx.HttpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                ctx.HttpContext.Response.Headers.RetryAfter = "1";
                await ApiProblems.Create(StatusCodes.Status429TooManyRequests, "overloaded",
                    $"this node is handling {settings.MaxConcurrentRequests} requests; retry shortly").ExecuteAsync(ctx.HttpContext);
            };
        });
        services.AddOpenApi();
        services.AddSingleton<StreamMaterializer>();
        return services;
    }

    /// <summary>Input must name every required field; enums travel as names.</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter());
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.MaxDepth = 32;
    }

    public static WebApplication UseContactCenterApi(this WebApplication app)
    {
        var settings = app.Services.GetRequiredService<ApiSettings>();
        app.UseExceptionHandler();
        app.Use(async (context, next) =>
        {
            // A declared length over the limit is refused before reading; Kestrel enforces it on chunked bodies.
            var max = context.Request.Path.StartsWithSegments(BulkIngestionApi.Path) ? settings.MaxBulkBodyBytes : settings.MaxRequestBodyBytes;
            if (context.Request.ContentLength > max)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await ApiProblems.Create(StatusCodes.Status413PayloadTooLarge, "body-too-large",
                    $"the request body is {context.Request.ContentLength} bytes; this endpoint accepts at most {max}")
                    .ExecuteAsync(context);
                return;
            }
            var limit = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
            if (limit is { IsReadOnly: false }) limit.MaxRequestBodySize = max;
            await next(context);
        });
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        if (app.Services.GetRequiredService<ApiKeyStore>().Keys.Count == 0)
        {
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ContactCenter.Api").LogWarning(
                "No API keys are configured ({Section}:Keys): every request will be refused with 401", ApiSettings.Section);
        }
        var dev = app.Services.GetRequiredService<DevelopmentKeys>();
        if (dev.Keys.Count > 0)
        {
            // Development only, and only keys generated for this run: configured keys are never printed.
            var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ContactCenter.Api");
            foreach (var key in dev.Keys)
                log.LogWarning("Development API key ({Role}{Agent}): {Key}", key.Role, key.AgentId is null ? "" : " for " + key.AgentId, key.Key);
        }

        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapAdapterApi();
        app.MapCommandStreamApi();
        app.MapBulkIngestionApi();
        app.MapAgentDesktopApi();
        app.MapSupervisorApi();
        app.MapAdminApi();
        app.MapStatisticsApi();
        app.MapContactCenterMetrics();
        return app;
    }
}

/// <summary>Keys generated for a Development run (empty otherwise).</summary>
public sealed record DevelopmentKeys(IReadOnlyList<ApiKeyOptions> Keys);
