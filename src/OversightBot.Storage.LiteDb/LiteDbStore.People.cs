using LiteDB;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;

namespace OversightBot.Storage.LiteDb;

public sealed partial class LiteDbStore : IPersonStore
{
    internal const string PeopleName = "people";

    private ILiteCollection<Person> People => _db.GetCollection<Person>(PeopleName);

    public Task<Person?> GetPersonAsync(string email, CancellationToken ct) =>
        Task.FromResult<Person?>(People.FindById(email.Trim().ToLowerInvariant()));

    public Task<Person?> FindByTeamsIdAsync(string aadObjectId, CancellationToken ct) =>
        Task.FromResult<Person?>(People.FindOne(Query.EQ("TeamsAadObjectId", aadObjectId)));

    public Task<Person?> FindBySlackIdAsync(string slackUserId, CancellationToken ct) =>
        Task.FromResult<Person?>(People.FindOne(Query.EQ("SlackUserId", slackUserId)));

    public Task<IReadOnlyList<Person>> PeopleAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Person>>(People.FindAll().OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList());

    public Task UpsertPersonAsync(Person person, CancellationToken ct)
    {
        person.Email = person.Email.Trim().ToLowerInvariant();
        People.Upsert(person);
        Changed();
        return Task.CompletedTask;
    }
}
