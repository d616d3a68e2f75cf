namespace OversightBot.Cli;

/// <summary>
/// The process exit codes of every verb (documented in the README). A verb returns one of these and nothing else;
/// new codes are added here, never reused.
/// </summary>
public static class ExitCodes
{
    /// <summary>The verb did what was asked.</summary>
    public const int Ok = 0;

    /// <summary>The verb ran but could not do what was asked (e.g. <c>outbox --retry</c> of a row that is not there).</summary>
    public const int Failed = 1;

    /// <summary>Bad command line: unknown verb or option, a missing or malformed value. Nothing was changed.</summary>
    public const int Usage = 2;

    /// <summary>Another process owns the store file (a running host); the verb did not touch it.</summary>
    public const int StoreBusy = 3;

    /// <summary>The store failed to open or failed its integrity check; it was left untouched (see <c>restore</c>, <c>repair</c>).</summary>
    public const int StoreDamaged = 4;

    /// <summary>A file the verb was given (a backup, an import) is missing, unreadable or not what it claims to be.</summary>
    public const int BadInput = 5;

    /// <summary>The configuration is invalid (an unknown provider, an empty path, a setting out of range).</summary>
    public const int Config = 6;

    /// <summary>Stopped by Ctrl+C or SIGTERM before the verb finished.</summary>
    public const int Interrupted = 130;
}
