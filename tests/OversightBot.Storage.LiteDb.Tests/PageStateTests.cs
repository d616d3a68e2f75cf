using OversightBot.Core.Ports;
using OversightBot.Testing;

namespace OversightBot.Storage.LiteDb.Tests;

/// <summary>"more" state in the LiteDB file: read back, expired, bounded.</summary>
public sealed class PageStateTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task PageState_Saved_IsReadBackUntilItExpires()
    {
        using var store = new LiteDbStore(_folder.File("pages.db"));
        var state = new PageState("k1", "what's overdue?", new DateOnly(2023, 3, 1), 10, Now.AddHours(1));

        await store.SavePageStateAsync(state, Now, 100, CancellationToken.None);

        Assert.Equal(state, await store.GetPageStateAsync("k1", Now, CancellationToken.None));
        Assert.Null(await store.GetPageStateAsync("k1", Now.AddHours(1), CancellationToken.None));
        Assert.Null(await store.GetPageStateAsync("other", Now, CancellationToken.None));
    }

    [Fact]
    public async Task PageState_Forgotten_IsGone()
    {
        using var store = new LiteDbStore(_folder.File("forget.db"));
        await store.SavePageStateAsync(new PageState("k1", "q", new DateOnly(2023, 3, 1), 10, Now.AddHours(1)), Now, 100, CancellationToken.None);

        await store.ForgetPageStateAsync("k1", CancellationToken.None);

        Assert.Null(await store.GetPageStateAsync("k1", Now, CancellationToken.None));
    }

    [Fact]
    public async Task PageStates_BeyondTheBound_DropThoseThatExpireFirst()
    {
        using var store = new LiteDbStore(_folder.File("bound.db"));
        for (var i = 0; i < 64; i++)
        {
            await store.SavePageStateAsync(new PageState($"k{i}", "q", new DateOnly(2023, 3, 1), 10, Now.AddMinutes(10 + i)), Now, 8, CancellationToken.None);
        }

        var kept = 0;
        for (var i = 0; i < 64; i++)
        {
            kept += await store.GetPageStateAsync($"k{i}", Now, CancellationToken.None) is null ? 0 : 1;
        }

        Assert.Null(await store.GetPageStateAsync("k0", Now, CancellationToken.None));
        Assert.NotNull(await store.GetPageStateAsync("k63", Now, CancellationToken.None));
        Assert.InRange(kept, 8, 8 + 15);
    }

    [Fact]
    public async Task PageStates_Expired_AreDeletedOnTheNextSave()
    {
        var path = _folder.File("expire.db");
        using var store = new LiteDbStore(path);
        await store.SavePageStateAsync(new PageState("old", "q", new DateOnly(2023, 3, 1), 10, Now.AddMinutes(1)), Now, 100, CancellationToken.None);

        await store.SavePageStateAsync(new PageState("new", "q", new DateOnly(2023, 3, 1), 10, Now.AddHours(2)), Now.AddHours(1), 100, CancellationToken.None);

        Assert.Null(await store.GetPageStateAsync("old", Now, CancellationToken.None)); // deleted, not merely expired
        Assert.NotNull(await store.GetPageStateAsync("new", Now.AddHours(1), CancellationToken.None));
    }

    public void Dispose() => _folder.Dispose();
}
