using OversightBot.Core.Ports;
using OversightBot.Storage.LiteDb;
using OversightBot.Testing;

namespace OversightBot.Storage.LiteDb.Tests;

/// <summary>The store suite on a real LiteDB file in a temp folder.</summary>
public sealed class LiteDbStoreTests : StoreContractTests, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<LiteDbStore> _stores = [];

    protected override (IItemStore Items, IBoardStore Boards, IPersonStore People, IStoreAdmin Admin) CreateStore()
    {
        var store = new LiteDbStore(_folder.File($"store-{_stores.Count}.db"));
        _stores.Add(store);
        return (store, store, store, store);
    }

    [Fact]
    public async Task Reopen_KeepsDataAndSchemaVersion()
    {
        var path = _folder.File("reopen.db");
        using (var first = new LiteDbStore(path))
        {
            await first.UpsertAsync(Some.Item("R-1", due: Some.Date(2023, 2, 6)), CancellationToken.None);
        }

        using var second = new LiteDbStore(path);
        Assert.Equal(SchemaMigrations.Current, second.SchemaVersion);
        Assert.Equal(Some.Date(2023, 2, 6), (await second.GetAsync("R-1", CancellationToken.None))?.Due);
    }

    [Fact]
    public async Task References_ReadOnceThenChanged_ReadTheChange_AndTheFileHasIt()
    {
        var path = _folder.File("references.db");
        var none = CancellationToken.None;
        var at = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        var key = ReferenceKey.ForUser("msteams", "aad-1");
        using (var store = new LiteDbStore(path))
        {
            Assert.Null(await store.GetReferenceAsync(key, none));
            await store.SaveReferenceAsync(ConversationReference.Create(key, """{"serviceUrl":"https://smba.example/a/","conversationId":"a:1"}""", at), none);
            Assert.Contains("a:1", (await store.GetReferenceAsync(key, none))?.Payload);

            await store.MarkReferenceGoneAsync(key, at.AddDays(1), none);
            Assert.True((await store.GetReferenceAsync(key, none))?.Gone);

            await store.SaveReferenceAsync(ConversationReference.Create(key, """{"serviceUrl":"https://smba.example/b/","conversationId":"a:2"}""", at.AddDays(2)), none);
            var back = await store.GetReferenceAsync(key, none);
            Assert.False(back?.Gone);
            Assert.Contains("https://smba.example/b/", back?.Payload);
        }

        using var reopened = new LiteDbStore(path);
        var stored = await reopened.GetReferenceAsync(key, none);
        Assert.Contains("a:2", stored?.Payload);
        Assert.False(stored?.Gone);
    }

    [Fact]
    public void NewerSchema_IsRefusedWithAClearMessage()
    {
        var path = _folder.File("future.db");
        using (var db = new LiteDB.LiteDatabase(path))
        {
            db.UserVersion = SchemaMigrations.Current + 1;
        }

        var ex = Assert.Throws<StoreRefusedException>(() => new LiteDbStore(path));
        Assert.False(ex.Recoverable);
        Assert.Contains("newer than this build", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClosedBetween_CountsFromTheIndex_AndReadsItemsAsTheyAreAskedFor()
    {
        using var store = new LiteDbStore(_folder.File("closed.db"));
        await store.UpsertManyAsync(
            Enumerable.Range(1, 40).Select(n => Some.Item($"R-{n}", status: OversightBot.Core.Domain.ItemStatus.Done, closed: Some.Date(2023, 1, 1).AddDays(n))),
            CancellationToken.None);

        var closed = await store.ClosedBetweenAsync(Some.Date(2023, 1, 6), Some.Date(2023, 2, 4), CancellationToken.None);

        Assert.Equal(30, closed.Count); // R-5 .. R-34, in order of closing
        Assert.Equal(["R-5", "R-6", "R-7"], closed.Take(3).Select(i => i.Id));
        Assert.Equal("R-34", closed[29].Id);
        Assert.Equal(Enumerable.Range(5, 30).Select(n => $"R-{n}"), closed.Select(i => i.Id));
        Assert.Throws<ArgumentOutOfRangeException>(() => closed[30]);
    }

    public void Dispose()
    {
        foreach (var s in _stores)
        {
            s.Dispose();
        }

        _folder.Dispose();
    }
}
