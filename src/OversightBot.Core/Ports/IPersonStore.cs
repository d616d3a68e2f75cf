using OversightBot.Core.Domain;

namespace OversightBot.Core.Ports;

public interface IPersonStore
{
    Task<Person?> GetPersonAsync(string email, CancellationToken ct);

    Task<Person?> FindByTeamsIdAsync(string aadObjectId, CancellationToken ct);

    Task<Person?> FindBySlackIdAsync(string slackUserId, CancellationToken ct);

    Task<IReadOnlyList<Person>> PeopleAsync(CancellationToken ct);

    Task UpsertPersonAsync(Person person, CancellationToken ct);
}
