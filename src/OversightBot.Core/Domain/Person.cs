namespace OversightBot.Core.Domain;

public enum Role
{
    Officer,
    Clerk,
    Manager,
    Admin,
}

public sealed record DigestSubscription
{
    public DayOfWeek Day { get; init; } = DayOfWeek.Monday;
    public TimeOnly At { get; init; } = new(9, 0);
}

public sealed class Preferences
{
    /// <summary>Days before the due date on which to nudge; null = the global policy.</summary>
    public List<int>? ReminderOffsetsDays { get; set; }
    public DigestSubscription? Digest { get; set; }
}

public sealed class Person
{
    /// <summary>Lower-case email: the person's key.</summary>
    public required string Email { get; set; }
    public required string Name { get; set; }
    public Role Role { get; set; }
    /// <summary>The team (directorate) the person belongs to; items owned by the team are theirs too.</summary>
    public string? Team { get; set; }
    public string? ManagerEmail { get; set; }
    /// <summary>
    /// The person's account in each chat channel: channel name ("msteams", "slack") → that channel's id for them
    /// (Entra object id, Slack user id). Linked on first contact by verified email (<see cref="Conversation.AccountLinker"/>).
    /// </summary>
    public Dictionary<string, string> Accounts { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    public Preferences Preferences { get; set; } = new();

    /// <summary>The person's account id in <paramref name="channel"/>, or null.</summary>
    public string? AccountIn(string channel) => Accounts.GetValueOrDefault(channel) is { Length: > 0 } id ? id : null;

    /// <summary>A copy that shares nothing mutable with this person (stores hand out copies of what they cache).</summary>
    public Person Copy() => new()
    {
        Email = Email,
        Name = Name,
        Role = Role,
        Team = Team,
        ManagerEmail = ManagerEmail,
        Accounts = new Dictionary<string, string>(Accounts, StringComparer.OrdinalIgnoreCase),
        Preferences = new Preferences { ReminderOffsetsDays = Preferences.ReminderOffsetsDays?.ToList(), Digest = Preferences.Digest },
    };
}
