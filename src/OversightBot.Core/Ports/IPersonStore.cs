using OversightBot.Core.Domain;

namespace OversightBot.Core.Ports;

public interface IPersonStore
{
    Task<Person?> GetPersonAsync(string email, CancellationToken ct);

    /// <summary>The person whose account in <paramref name="channel"/> is <paramref name="accountId"/> (case-insensitive), or null.</summary>
    Task<Person?> FindByAccountAsync(string channel, string accountId, CancellationToken ct);

    Task<IReadOnlyList<Person>> PeopleAsync(CancellationToken ct);

    Task UpsertPersonAsync(Person person, CancellationToken ct);
}
