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
}
