using LiteDB;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;

namespace OversightBot.Storage.LiteDb;

public sealed partial class LiteDbStore : IPersonStore
{
    internal const string PeopleName = "people";

    private readonly Lock _peopleLock = new();
    private PeopleIndex? _peopleIndex;

    private ILiteCollection<Person> People => _db.GetCollection<Person>(PeopleName);

    public Task<Person?> GetPersonAsync(string email, CancellationToken ct) =>
        Task.FromResult(PeopleIndexed().ByEmail.GetValueOrDefault(email.Trim())?.Copy());

    public Task<Person?> FindByAccountAsync(string channel, string accountId, CancellationToken ct) =>
        Task.FromResult(PeopleIndexed().ByAccount.GetValueOrDefault(AccountKey(channel, accountId))?.Copy());

    private static string AccountKey(string channel, string accountId) => channel + "\n" + accountId;

    public Task<IReadOnlyList<Person>> PeopleAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Person>>(PeopleIndexed().ByName.Select(p => p.Copy()).ToList());

    public Task UpsertPersonAsync(Person person, CancellationToken ct)
    {
        person.Email = person.Email.Trim().ToLowerInvariant();
        lock (_peopleLock)
        {
            People.Upsert(person);
            _peopleIndex = null;
        }

        Changed();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Every person, read once and kept until a person is written: every message looks its sender up, and the
    /// people are few. Built under the same lock as writes, so a directory never misses a write it raced with.
    /// </summary>
    private PeopleIndex PeopleIndexed()
    {
        if (Volatile.Read(ref _peopleIndex) is { } directory)
        {
            return directory;
        }

        lock (_peopleLock)
        {
            return _peopleIndex ??= new PeopleIndex(People.FindAll().ToList());
        }
    }

    /// <summary>The people by each key a channel looks them up by (case-insensitive, as the store's collation is).</summary>
    private sealed class PeopleIndex
    {
        public PeopleIndex(List<Person> people)
        {
            ByName = people.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
            foreach (var person in people)
            {
                ByEmail[person.Email] = person;
                foreach (var (channel, account) in person.Accounts)
                {
                    if (account is { Length: > 0 })
                    {
                        ByAccount.TryAdd(AccountKey(channel, account), person);
                    }
                }
            }
        }

        public List<Person> ByName { get; }
        public Dictionary<string, Person> ByEmail { get; } = new(StringComparer.OrdinalIgnoreCase);
        /// <summary>By "channel\naccount id".</summary>
        public Dictionary<string, Person> ByAccount { get; } = new(StringComparer.OrdinalIgnoreCase);
    }
}
