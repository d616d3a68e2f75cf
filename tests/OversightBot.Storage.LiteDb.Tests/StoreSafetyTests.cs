using System.Security.Cryptography;
using OversightBot.Storage.LiteDb;
using OversightBot.Testing;

namespace OversightBot.Storage.LiteDb.Tests;

/// <summary>One owner per file, and a damaged file is refused untouched, never replaced.</summary>
public sealed class StoreSafetyTests : IDisposable
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task SecondOpen_WhileOwned_IsRefusedNamingTheHolder()
    {
        var path = _folder.File("owned.db");
        using var first = await LiteDbStore.OpenAsync(path, new StoreOpenOptions { Owner = "serve" }, None);

        var busy = Assert.Throws<StoreInUseException>(() => new LiteDbStore(path));

        Assert.Equal(Environment.ProcessId, busy.Holder?.Pid);
        Assert.Equal("serve", busy.Holder?.Verb);
        Assert.Contains($"process {Environment.ProcessId} (serve, since", busy.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_AfterTheOwnerClosed_Succeeds()
    {
        var path = _folder.File("reopen.db");
        using (var first = new LiteDbStore(path))
        {
            await first.UpsertAsync(Some.Item("R-1"), None);
        }

        using var second = new LiteDbStore(path);
        Assert.NotNull(await second.GetAsync("R-1", None));
        Assert.False(second.Created);
    }

    [Fact]
    public async Task NewStore_IsFilledOnlyWhenThisOpenCreatedIt()
    {
        var path = _folder.File("seeded.db");
        var fills = 0;
        var options = new StoreOpenOptions
        {
            Initialize = async (store, ct) =>
            {
                fills++;
                await store.UpsertAsync(Some.Item("DEMO-1"), ct);
            },
        };
        using (var created = await LiteDbStore.OpenAsync(path, options, None))
        {
            Assert.True(created.Created);
            await created.UpsertAsync(Some.Item("USER-1"), None);
        }

        using var reopened = await LiteDbStore.OpenAsync(path, options, None);

        Assert.Equal(1, fills);
        Assert.False(reopened.Created);
        Assert.Equal(2, await reopened.CountAsync(None));
    }

    [Fact]
    public async Task NewStore_WhoseFillingFails_LeavesNoStoreBehind()
    {
        var path = _folder.File("half.db");
        var options = new StoreOpenOptions { Initialize = (_, _) => throw new InvalidOperationException("seed failed") };

        await Assert.ThrowsAsync<InvalidOperationException>(() => LiteDbStore.OpenAsync(path, options, None));

        Assert.False(File.Exists(path));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4096)]
    [InlineData(20000)]
    public async Task TruncatedFile_IsRefused_AndLeftExactlyAsItWas(int length)
    {
        var path = await StoreWithItemsAsync("truncated.db", 200);
        using (var file = new FileStream(path, FileMode.Open))
        {
            file.SetLength(length);
        }

        var before = Hash(path);

        var refused = Assert.Throws<StoreRefusedException>(() => new LiteDbStore(path));

        Assert.Contains(length == 0 ? "empty" : "truncated", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(before, Hash(path));
        Assert.Equal(length, new FileInfo(path).Length);
    }

    [Fact]
    public async Task FileCopiedWithoutItsLog_AfterACrash_IsRefused_AndLeftAsItWas()
    {
        var path = _folder.File("crashed.db");
        var copy = _folder.File("crash-copy.db");
        using (var store = new LiteDbStore(path))
        {
            await store.UpsertAsync(Some.Item("R-1"), None);
            File.Copy(path, copy);
        }

        var before = Hash(copy);

        var refused = Assert.Throws<StoreRefusedException>(() => new LiteDbStore(copy));

        Assert.Contains("write log", refused.Reason, StringComparison.Ordinal);
        Assert.Equal(before, Hash(copy));
    }

    [Fact]
    public async Task CrashedStore_WithItsLog_OpensWithEveryAcknowledgedWrite()
    {
        var path = _folder.File("crashed.db");
        var copy = new StoreFiles(_folder.File("crash-copy.db"));
        using (var store = new LiteDbStore(path))
        {
            await store.UpsertAsync(Some.Item("R-1"), None);
            File.Copy(path, copy.Data);
            File.Copy(StoreFiles.LogOf(path), copy.Log);
        }

        using var reopened = new LiteDbStore(copy.Data);

        Assert.NotNull(await reopened.GetAsync("R-1", None));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public async Task RandomCorruption_IsRefusedUntouched_OrEveryItemStillReads(int seed)
    {
        var path = await StoreWithItemsAsync($"corrupt-{seed}.db", 300);
        Corrupt(path, seed);
        var before = Hash(path);

        try
        {
            using var store = new LiteDbStore(path);
            for (var i = 1; i <= 300; i++)
            {
                Assert.NotNull(await store.GetAsync($"R-{i}", None));
            }
        }
        catch (StoreRefusedException refused)
        {
            Assert.Equal(path, refused.Path);
            Assert.Equal(before, Hash(path));
        }
    }

    [Fact]
    public async Task Backup_WhileOpen_HoldsWritesStillInTheLog_AndIsCleanOnItsOwn()
    {
        var path = await StoreWithItemsAsync("live.db", 50);
        var backup = _folder.File("backups/live-copy.db");
        using (var store = new LiteDbStore(path))
        {
            await store.UpsertAsync(Some.Item("LATE-1"), None);
            var report = store.BackupTo(backup);
            Assert.Equal(51, report.Documents["items"]);
            Assert.Throws<IOException>(() => store.BackupTo(backup));
        }

        Assert.False(File.Exists(StoreFiles.LogOf(backup)));
        using var copy = new LiteDbStore(backup);
        Assert.NotNull(await copy.GetAsync("LATE-1", None));
    }

    [Fact]
    public async Task Restore_ChecksTheBackup_KeepsTheReplacedFile_AndRefusesWhileOwned()
    {
        var path = await StoreWithItemsAsync("restore.db", 10);
        var backup = _folder.File("restore-backup.db");
        using (var store = new LiteDbStore(path))
        {
            store.BackupTo(backup);
            await store.UpsertAsync(Some.Item("AFTER-BACKUP"), None);
            Assert.Throws<StoreInUseException>(() => StoreMaintenance.Restore(path, backup, TimeProvider.System));
        }

        var result = StoreMaintenance.Restore(path, backup, TimeProvider.System);

        using (var restored = new LiteDbStore(path))
        {
            Assert.Null(await restored.GetAsync("AFTER-BACKUP", None));
            Assert.Equal(10, await restored.CountAsync(None));
        }

        using var kept = new LiteDbStore(result.KeptAs!);
        Assert.NotNull(await kept.GetAsync("AFTER-BACKUP", None));
    }

    [Fact]
    public async Task Restore_OfADamagedBackup_ChangesNothing()
    {
        var path = await StoreWithItemsAsync("keep.db", 10);
        var backup = _folder.File("broken-backup.db");
        File.WriteAllBytes(backup, new byte[4096]);
        var before = Hash(path);

        Assert.Throws<StoreRefusedException>(() => StoreMaintenance.Restore(path, backup, TimeProvider.System));

        Assert.Equal(before, Hash(path));
        Assert.Single(Directory.GetFiles(_folder.Path, "keep*.db"));
    }

    [Fact]
    public async Task Repair_KeepsTheOriginalUntouched_AndSalvagesWhatReads_WithoutDemoData()
    {
        var path = _folder.File("repair.db");
        var copy = _folder.File("repair-crash.db");
        using (var store = new LiteDbStore(path))
        {
            await store.UpsertAsync(Some.Item("R-1"), None);
            store.BackupTo(_folder.File("unused.db"));
            await store.UpsertAsync(Some.Item("R-2"), None);
            File.Copy(path, copy);
        }

        var before = Hash(copy);
        Assert.Throws<StoreRefusedException>(() => new LiteDbStore(copy));

        var result = StoreMaintenance.Repair(copy, TimeProvider.System);

        Assert.Equal(before, Hash(result.KeptAs));
        using var repaired = new LiteDbStore(copy);
        Assert.NotNull(await repaired.GetAsync("R-1", None));
        Assert.Equal(1, await repaired.CountAsync(None));
    }

    private async Task<string> StoreWithItemsAsync(string name, int count)
    {
        var path = _folder.File(name);
        using var store = new LiteDbStore(path);
        await store.UpsertManyAsync(Enumerable.Range(1, count).Select(i => Some.Item($"R-{i}", due: Some.Date(2023, 1, 1).AddDays(i))).ToList(), None);
        return path;
    }

    private static void Corrupt(string path, int seed)
    {
        var random = new Random(seed);
        var bytes = File.ReadAllBytes(path);
        for (var i = 0; i < 64; i++)
        {
            bytes[random.Next(StoreCheck.PageSize, bytes.Length)] = (byte)random.Next(256);
        }

        File.WriteAllBytes(path, bytes);
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    public void Dispose() => _folder.Dispose();
}
