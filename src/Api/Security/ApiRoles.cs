namespace ContactCenter.Api.Security;

/// <summary>The four roles an API key can have; each endpoint group demands one.</summary>
public static class ApiRoles
{
    public const string Adapter = "adapter";
    public const string Agent = "agent";
    public const string Supervisor = "supervisor";
    public const string Admin = "admin";
    /// <summary>Department staff: list, claim and close the messages left for their department.</summary>
    public const string Department = "department";

    public static readonly string[] All = [Adapter, Agent, Supervisor, Admin, Department];

    /// <summary>Claim type naming the department a department key acts for.</summary>
    public const string DepartmentIdClaim = "cc:department-id";

    /// <summary>Claim type naming the agent an agent key acts for.</summary>
    public const string AgentIdClaim = "cc:agent-id";

    /// <summary>Claim type naming the key (its configured name, never the secret).</summary>
    public const string KeyNameClaim = "cc:key-name";
}

/// <summary>An API key from configuration (section ContactCenter:Api:Keys).</summary>
public sealed class ApiKeyOptions
{
    /// <summary>A name for logs and idempotency scopes; the secret itself is never logged.</summary>
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
    public string Role { get; set; } = "";
    /// <summary>For agent keys: the one agent this key may act for.</summary>
    public string? AgentId { get; set; }
    /// <summary>For department keys: the one department this key may act for.</summary>
    public string? DepartmentId { get; set; }
}

public sealed class ApiSettings
{
    public const string Section = "ContactCenter:Api";

    public List<ApiKeyOptions> Keys { get; set; } = [];

    /// <summary>How long an Idempotency-Key is remembered.</summary>
    public TimeSpan IdempotencyRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Largest accepted request body; larger ones get 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Largest accepted NDJSON batch on the bulk endpoint.</summary>
    public long MaxBulkBodyBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Requests handled at once before the node answers 429.</summary>
    public int MaxConcurrentRequests { get; set; } = 512;
}
