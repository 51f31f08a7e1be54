using System.Collections.Immutable;
using ContactCenter.Actors.Serialization;

namespace ContactCenter.Actors.Agents;

/// <summary>Citizen-service generalist or department staff (fagmedarbejder) lent for hypercare.</summary>
public enum AgentKind
{
    CitizenService,
    DepartmentStaff,
}

/// <summary>The supervisor-managed part of an agent: who they are and what they can do.</summary>
public sealed record AgentProfile(
    string Name,
    string Team,
    string Department,
    AgentKind Kind,
    ImmutableDictionary<string, int> Skills,
    bool AutoPauseOnMissedOffer = true) : IContactCenterMessage
{
    /// <summary>Every problem with this profile, each naming its field; empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Name)) errors.Add("name: must not be empty");
        if (!Enum.IsDefined(Kind)) errors.Add($"kind: {Kind} is not an agent kind");
        foreach (var (skill, level) in Skills ?? ImmutableDictionary<string, int>.Empty)
        {
            if (string.IsNullOrWhiteSpace(skill)) errors.Add("skills: a skill name is empty");
            if (level is < 0 or > 9) errors.Add($"skills.{skill}: level {level} is outside 0-9");
        }
        return errors;
    }
}

/// <summary>Well-known pause reasons; any non-empty reason is accepted.</summary>
public static class PauseReasons
{
    public const string NotReady = "not-ready";
    public const string Break = "break";
    public const string Meeting = "meeting";
    public const string Training = "training";
    public const string BackOffice = "back-office";
    public const string NoAnswer = "no-answer";
}
