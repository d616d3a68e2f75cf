using OversightBot.Core.Domain;

namespace OversightBot.Storage.Postgres;

/// <summary>
/// People, read from the database on every look-up (by primary key or the accounts index): no process keeps a copy, so
/// a change written by one instance is seen by the next message any instance handles.
/// </summary>
public sealed partial class PostgresStore
{
    public async Task<Person?> GetPersonAsync(string email, CancellationToken ct) =>
        (await PeopleWhereAsync("email = $1", KeyOf(email), ct)).FirstOrDefault();

    public async Task<Person?> FindByAccountAsync(string channel, string accountId, CancellationToken ct) =>
        (await PeopleWhereAsync("accounts @> ARRAY[$1]", AccountKey(channel, accountId), ct)).OrderBy(p => p.Email, StringComparer.Ordinal).FirstOrDefault();

    public async Task<IReadOnlyList<Person>> PeopleAsync(CancellationToken ct) =>
        (await PeopleWhereAsync("true", null, ct)).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();

    public async Task UpsertPersonAsync(Person person, CancellationToken ct)
    {
        person.Email = KeyOf(person.Email);
        var accounts = person.Accounts.Where(a => a.Value is { Length: > 0 }).Select(a => AccountKey(a.Key, a.Value)).Distinct().ToArray();
        await Pg.ExecAsync(_data, """
            INSERT INTO people (email, name, accounts, doc) VALUES ($1, $2, $3, $4)
            ON CONFLICT (email) DO UPDATE SET name = excluded.name, accounts = excluded.accounts, doc = excluded.doc
            """, ct, person.Email, person.Name, accounts, new Pg.Json(PgJson.Write(person)));
        await ChangedAsync(ct);
    }

    private static string AccountKey(string channel, string accountId) => (channel.Trim() + "\n" + accountId.Trim()).ToLowerInvariant();

    private async Task<List<Person>> PeopleWhereAsync(string where, string? arg, CancellationToken ct) =>
        await Pg.ListAsync(Pg.Command(_data, $"SELECT doc::text FROM people WHERE {where}", arg is null ? [] : [arg]), r => ToPerson(r.GetString(0)), ct);

    private static Person ToPerson(string doc)
    {
        var person = PgJson.Read<Person>(doc);
        person.Accounts = new Dictionary<string, string>(person.Accounts, StringComparer.OrdinalIgnoreCase);
        return person;
    }
}
