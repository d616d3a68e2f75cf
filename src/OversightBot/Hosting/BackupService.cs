using System.Globalization;
using OversightBot.Storage.LiteDb;

namespace OversightBot.Hosting;

/// <summary>
/// Scheduled backups while the host runs: every <see cref="StorageOptions.BackupEvery"/> a consistent copy goes to
/// <see cref="StorageOptions.BackupFolder"/> as <c>NAME-yyyyMMdd-HHmmss.db</c>, and only the newest
/// <see cref="StorageOptions.BackupKeep"/> such files are kept. A failed backup is logged and tried again next time.
/// </summary>
public sealed partial class BackupService(BotRuntime runtime, StorageOptions options, TimeProvider clock, ILogger<BackupService> log) : BackgroundService
{
    /// <summary>The folder scheduled backups of <paramref name="store"/> go to.</summary>
    public static string Folder(StorageOptions options, StoreFiles store) =>
        string.IsNullOrWhiteSpace(options.BackupFolder) ? Path.Combine(store.Folder, "backups") : Path.GetFullPath(options.BackupFolder);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.BackupEvery <= TimeSpan.Zero || runtime.FileStore is null)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.BackupEvery, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await Task.Run(BackupOnce, stoppingToken);
        }
    }

    /// <summary>Writes one backup and prunes the oldest; returns its path, or null when it failed (logged).</summary>
    public string? BackupOnce()
    {
        var file = runtime.FileStore ?? throw new InvalidOperationException("Scheduled backups copy the embedded LiteDB store only.");
        var store = file.Files;
        var folder = Folder(options, store);
        var name = Path.GetFileNameWithoutExtension(store.Data);
        var target = Path.Combine(folder, $"{name}-{clock.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}{Path.GetExtension(store.Data)}");
        try
        {
            var report = file.BackupTo(target);
            LogBackedUp(target, report.Documents.GetValueOrDefault("items"));
            Prune(folder, name, Path.GetExtension(store.Data));
            return target;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or StoreRefusedException or LiteDB.LiteException)
        {
            LogFailed(ex, target);
            return null;
        }
    }

    private void Prune(string folder, string name, string extension)
    {
        var ours = Directory.EnumerateFiles(folder, $"{name}-*{extension}")
            .Where(f => IsScheduledName(Path.GetFileNameWithoutExtension(f), name))
            .Order(StringComparer.Ordinal)
            .ToList();
        foreach (var old in ours.Take(Math.Max(0, ours.Count - Math.Max(1, options.BackupKeep))))
        {
            File.Delete(old);
            File.Delete(StoreFiles.LogOf(old));
        }
    }

    private static bool IsScheduledName(string file, string name) =>
        file.Length == name.Length + 16 && DateTime.TryParseExact(
            file[(name.Length + 1)..], "yyyyMMdd-HHmmss", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    [LoggerMessage(EventId = 1210, Level = LogLevel.Information, Message = "Backup written to {Path} ({Items} items)")]
    private partial void LogBackedUp(string path, int items);

    [LoggerMessage(EventId = 1211, Level = LogLevel.Error, Message = "Scheduled backup to {Path} failed; it is tried again at the next interval")]
    private partial void LogFailed(Exception ex, string path);
}
