using OversightBot.Core.Domain;

namespace OversightBot.Core.Proactive;

/// <summary>Who receives what: an item's owner (a person's email or a team name) and their managers.</summary>
public sealed class PeopleDirectory
{
    private readonly Dictionary<string, Person> _byEmail;
    private readonly ILookup<string, Person> _byTeam;

    public PeopleDirectory(IEnumerable<Person> people)
    {
        var list = people.ToList();
        _byEmail = list.ToDictionary(p => p.Email.Trim().ToLowerInvariant(), StringComparer.Ordinal);
        _byTeam = list.Where(p => !string.IsNullOrWhiteSpace(p.Team))
            .ToLookup(p => p.Team!.Trim(), StringComparer.OrdinalIgnoreCase);
        All = list;
    }

    public IReadOnlyList<Person> All { get; }

    public Person? Find(string? email) =>
        email is not null && _byEmail.TryGetValue(email.Trim().ToLowerInvariant(), out var p) ? p : null;

    /// <summary>
    /// The people an item owned by <paramref name="owner"/> is nudged to: the person with that email; else every
    /// member of the team of that name who is not its manager; else the team's managers.
    /// </summary>
    public IReadOnlyList<Person> OwnersOf(string owner)
    {
        if (Find(owner) is { } person)
        {
            return [person];
        }

        var members = _byTeam[owner.Trim()].ToList();
        var staff = members.Where(m => m.Role != Role.Manager).ToList();
        return staff.Count > 0 ? staff : members.Where(m => m.Role == Role.Manager).ToList();
    }

    /// <summary>The managers of the owners of an item (distinct); an owner with no manager escalates to nobody.</summary>
    public IReadOnlyList<Person> ManagersOf(string owner) =>
        OwnersOf(owner).Select(o => Find(o.ManagerEmail)).OfType<Person>()
            .DistinctBy(p => p.Email, StringComparer.Ordinal).ToList();
}
