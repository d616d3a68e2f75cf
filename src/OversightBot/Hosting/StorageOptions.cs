using System.ComponentModel.DataAnnotations;

namespace OversightBot.Hosting;

/// <summary>Settings section "Storage".</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>"litedb" (the embedded default).</summary>
    [Required]
    public string Provider { get; set; } = "litedb";

    /// <summary>Path of the LiteDB file; relative paths are relative to the current directory.</summary>
    [Required]
    public string Path { get; set; } = "data/oversight.db";

    /// <summary>Load the demo dataset from the seed documents when the store is empty.</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>
    /// Remember the answers to read-only questions until the store changes (any write). Off only to measure what
    /// every question costs when it is answered from the store.
    /// </summary>
    public bool CacheAnswers { get; set; } = true;

    /// <summary>How long a verb waits while another short-lived verb holds the store (a running host is never waited for).</summary>
    public TimeSpan LockTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the running host writes a backup of the store; zero turns scheduled backups off.</summary>
    public TimeSpan BackupEvery { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many scheduled backups are kept (the oldest are deleted after each new one).</summary>
    public int BackupKeep { get; set; } = 7;

    /// <summary>Where scheduled backups go; empty = a <c>backups</c> folder beside the store.</summary>
    public string BackupFolder { get; set; } = "";
}
