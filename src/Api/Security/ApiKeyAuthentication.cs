using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContactCenter.Api.Security;

/// <summary>
/// Authenticates "Authorization: Bearer &lt;key&gt;" or "X-Api-Key: &lt;key&gt;" against the configured keys.
/// Keys are compared as SHA-256 digests in constant time and are never logged.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    ApiKeyStore store) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey();
        if (presented is null) return Task.FromResult(AuthenticateResult.NoResult());
        var key = store.Find(presented);
        if (key is null) return Task.FromResult(AuthenticateResult.Fail("unknown API key"));

        var claims = new List<Claim> { new(ClaimTypes.Role, key.Role), new(ApiRoles.KeyNameClaim, key.Name) };
        if (key.AgentId is not null) claims.Add(new Claim(ApiRoles.AgentIdClaim, key.AgentId));
        if (key.DepartmentId is not null) claims.Add(new Claim(ApiRoles.DepartmentIdClaim, key.DepartmentId));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    private string? PresentedKey()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        var apiKey = Request.Headers["X-Api-Key"].ToString();
        return string.IsNullOrWhiteSpace(apiKey) ? null : apiKey.Trim();
    }
}

/// <summary>The configured keys, held as digests.</summary>
public sealed class ApiKeyStore
{
    private readonly (byte[] Digest, ApiKeyOptions Key)[] _keys;

    public ApiKeyStore(IEnumerable<ApiKeyOptions> keys)
    {
        var list = keys.ToList();
        var errors = list.SelectMany((k, i) => Validate(k, i)).ToList();
        if (errors.Count > 0) throw new InvalidOperationException("invalid API keys: " + string.Join("; ", errors));
        _keys = list.Select(k => (Digest(k.Key), k)).ToArray();
        Keys = list;
    }

    public IReadOnlyList<ApiKeyOptions> Keys { get; }

    public ApiKeyOptions? Find(string presented)
    {
        var digest = Digest(presented);
        ApiKeyOptions? found = null;
        foreach (var (d, key) in _keys)
        {
            // Compare against every key so timing does not reveal which one matched.
            if (CryptographicOperations.FixedTimeEquals(d, digest)) found = key;
        }
        return found;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private static IEnumerable<string> Validate(ApiKeyOptions k, int index)
    {
        if (string.IsNullOrWhiteSpace(k.Name)) yield return $"keys[{index}].name: must not be empty";
        if (string.IsNullOrWhiteSpace(k.Key) || k.Key.Length < 16) yield return $"keys[{index}].key: must be at least 16 characters";
        if (!ApiRoles.All.Contains(k.Role)) yield return $"keys[{index}].role: '{k.Role}' is not one of {string.Join(", ", ApiRoles.All)}";
        if (k.Role == ApiRoles.Agent && string.IsNullOrWhiteSpace(k.AgentId)) yield return $"keys[{index}].agentId: an agent key names its agent";
        if (k.Role == ApiRoles.Department && string.IsNullOrWhiteSpace(k.DepartmentId))
            yield return $"keys[{index}].departmentId: a department key names its department";
    }

    /// <summary>Random keys, one per role, for a Development node started without any configured.</summary>
    public static List<ApiKeyOptions> DevelopmentKeys() =>
    [
        new() { Name = "dev-adapter", Role = ApiRoles.Adapter, Key = "dev-adapter-" + RandomPart() },
        new() { Name = "dev-agent-anna", Role = ApiRoles.Agent, AgentId = "anna", Key = "dev-agent-" + RandomPart() },
        new() { Name = "dev-supervisor", Role = ApiRoles.Supervisor, Key = "dev-supervisor-" + RandomPart() },
        new() { Name = "dev-admin", Role = ApiRoles.Admin, Key = "dev-admin-" + RandomPart() },
    ];

    private static string RandomPart() => Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
}
