using System.Runtime.CompilerServices;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;

namespace OversightBot.Testing;

/// <summary>Items, boards and people in memory, answering the port queries by scanning: for core tests.</summary>
public sealed class FakeStore : IItemStore, IBoardStore, IPersonStore
{
    private readonly Dictionary<string, TrackedItem> _items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Board> _boards = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Person> _people = new(StringComparer.Ordinal);

    public FakeStore(IEnumerable<TrackedItem>? items = null, IEnumerable<Board>? boards = null, IEnumerable<Person>? people = null)
    {
        foreach (var i in items ?? [])
        {
            _items[i.Id] = i;
        }

        foreach (var b in boards ?? [])
        {
            _boards[b.Id] = b;
        }

        foreach (var p in people ?? [])
        {
            _people[p.Email] = p;
        }
    }

    private long _revision;

    /// <summary>Tests may change the objects this fake hands out directly, so every read is a new revision: nothing is ever cached.</summary>
    public long Revision => Interlocked.Increment(ref _revision);

    public Task<TrackedItem?> GetAsync(string id, CancellationToken ct) => Task.FromResult(_items.GetValueOrDefault(id));

    public Task UpsertAsync(TrackedItem item, CancellationToken ct)
    {
        _items[item.Id] = item;
        return Task.CompletedTask;
    }

    public async Task UpsertManyAsync(IEnumerable<TrackedItem> items, CancellationToken ct)
    {
        foreach (var i in items)
        {
            await UpsertAsync(i, ct);
        }
    }

    public Task<Page<TrackedItem>> OverdueAsync(DateOnly today, int skip, int take, CancellationToken ct) =>
        Paged(_items.Values.Where(i => i.IsOverdue(today)).OrderBy(i => i.Due), skip, take);

    public Task<Page<TrackedItem>> DueBetweenAsync(DateOnly from, DateOnly to, bool openOnly, int skip, int take, CancellationToken ct) =>
        Paged(_items.Values.Where(i => i.Due >= from && i.Due <= to && (!openOnly || i.IsOpen)).OrderBy(i => i.Due), skip, take);

    public Task<Page<TrackedItem>> ByOwnerAsync(IReadOnlyCollection<string> owners, bool openOnly, int skip, int take, CancellationToken ct) =>
        Paged(_items.Values.Where(i => owners.Contains(i.Owner, StringComparer.OrdinalIgnoreCase) && (!openOnly || i.IsOpen)).OrderBy(i => i.Due), skip, take);

    public Task<Page<TrackedItem>> ByStatusAsync(IReadOnlyCollection<ItemStatus> statuses, int skip, int take, CancellationToken ct) =>
        Paged(_items.Values.Where(i => statuses.Contains(i.Status)), skip, take);

    public Task<IReadOnlyList<TrackedItem>> ClosedBetweenAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<TrackedItem>>(_items.Values.Where(i => i.Closed >= from && i.Closed <= to).ToList());

    public async IAsyncEnumerable<TrackedItem> AllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var i in _items.Values.OrderBy(i => i.Id, StringComparer.Ordinal).ToList())
        {
            yield return i;
        }

        await Task.CompletedTask;
    }

    public Task<IReadOnlyList<TrackedItem>> SearchAsync(IReadOnlyCollection<string> terms, int take, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<TrackedItem>>(_items.Values
            .Select(i => (i, n: terms.Count(t => $"{i.Id} {i.Reference} {i.Title} {i.Owner} {i.Board}".Contains(t, StringComparison.OrdinalIgnoreCase))))
            .Where(x => x.n > 0).OrderByDescending(x => x.n).ThenBy(x => x.i.Id, StringComparer.Ordinal).Take(take).Select(x => x.i).ToList());

    public Task<IReadOnlyList<string>> OwnersAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<string>>(_items.Values.Select(i => i.Owner).Distinct(StringComparer.OrdinalIgnoreCase).ToList());

    public Task<int> CountAsync(CancellationToken ct) => Task.FromResult(_items.Count);

    public Task<string> NextIdAsync(string prefix, CancellationToken ct) => Task.FromResult($"{prefix}-{_items.Count + 1}");

    public Task<Board?> GetBoardAsync(string id, CancellationToken ct) => Task.FromResult(_boards.GetValueOrDefault(id));

    public Task<Board?> FindBoardAsync(string nameOrAlias, CancellationToken ct) =>
        Task.FromResult(_boards.Values.FirstOrDefault(b => b.Matches(nameOrAlias)));

    public Task<IReadOnlyList<Board>> BoardsAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<Board>>(_boards.Values.ToList());

    public Task UpsertBoardAsync(Board board, CancellationToken ct)
    {
        _boards[board.Id] = board;
        return Task.CompletedTask;
    }

    public Task<Person?> GetPersonAsync(string email, CancellationToken ct) => Task.FromResult(_people.GetValueOrDefault(email.Trim().ToLowerInvariant()));

    public Task<Person?> FindByAccountAsync(string channel, string accountId, CancellationToken ct) =>
        Task.FromResult(_people.Values.FirstOrDefault(p => string.Equals(p.AccountIn(channel), accountId, StringComparison.OrdinalIgnoreCase)));

    public Task<IReadOnlyList<Person>> PeopleAsync(CancellationToken ct) => Task.FromResult<IReadOnlyList<Person>>(_people.Values.ToList());

    public Task UpsertPersonAsync(Person person, CancellationToken ct)
    {
        _people[person.Email.Trim().ToLowerInvariant()] = person;
        return Task.CompletedTask;
    }

    private static Task<Page<TrackedItem>> Paged(IEnumerable<TrackedItem> items, int skip, int take)
    {
        var all = items.ToList();
        return Task.FromResult(new Page<TrackedItem>(all.Skip(skip).Take(take).ToList(), all.Count));
    }
}
