namespace OversightBot.Core.Domain;

/// <summary>
/// Who may do what. Officers read everything not restricted and update items they (or their team) own;
/// clerks create, import and edit items and board records; managers approve due-date revisions and may edit
/// any item; admins manage people. Unknown askers are read-only. Every refusal says why.
/// </summary>
public static class Permissions
{
    public sealed record Decision(bool Allowed, string? Why)
    {
        public static Decision Yes { get; } = new(true, null);

        public static Decision No(string why) => new(false, why);
    }

    public static bool Owns(Person? person, TrackedItem item) =>
        person is not null
        && (string.Equals(item.Owner, person.Email, StringComparison.OrdinalIgnoreCase)
            || (person.Team is { Length: > 0 } team && string.Equals(item.Owner, team, StringComparison.OrdinalIgnoreCase)));

    public static bool CanRead(Person? person, TrackedItem item) =>
        !item.Restricted || (person is not null && (person.Role != Role.Officer || Owns(person, item)));

    public static Decision CanUpdate(Person? person, TrackedItem item)
    {
        if (person is null)
        {
            return Decision.No("I don't know who you are, so I can only answer questions. Ask an admin to add you.");
        }

        if (person.Role is Role.Clerk or Role.Manager or Role.Admin || Owns(person, item))
        {
            return Decision.Yes;
        }

        return Decision.No($"{item.Id} is owned by {item.Owner}; officers can update only items they or their team own.");
    }

    /// <summary>Managers (and admins) approve due-date revisions; anyone else's revision waits for one.</summary>
    public static bool CanApproveRevision(Person? person) => person?.Role is Role.Manager or Role.Admin;

    public static Decision CanManagePeople(Person? person) =>
        person?.Role == Role.Admin ? Decision.Yes : Decision.No("Only admins manage people.");

    public static Decision CanSubscribe(Person? person) =>
        person is null
            ? Decision.No("I don't know who you are, so I can't keep a subscription for you. Sign in as a known person.")
            : Decision.Yes;
}
