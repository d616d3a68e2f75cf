using System.CommandLine;
using OversightBot.Hosting;

namespace OversightBot.Cli;

/// <summary>What every verb is built with: the console it writes to and the options every verb shares.</summary>
public sealed class CliContext(CliConsole console)
{
    public CliConsole Console { get; } = console;

    /// <summary><c>--db PATH</c>, accepted by every verb (declared once, on the root, for all of them).</summary>
    public Option<string?> Db { get; } = new("--db")
    {
        Description = "the LiteDB file (default: Storage:Path from the settings, data/oversight.db)",
        HelpName = "PATH",
        Recursive = true,
    };

    /// <summary>The storage settings for a verb: configuration files and environment, then <c>--db</c>.</summary>
    public StorageOptions Storage(ParseResult result) => Storage(result.GetValue(Db));

    /// <summary>The storage settings: configuration files and environment, then <paramref name="db"/> when given.</summary>
    public static StorageOptions Storage(string? db)
    {
        var options = AppConfiguration.Build([]).GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (db is not null)
        {
            options.Path = string.IsNullOrWhiteSpace(db) ? throw new UsageException("--db needs a file path.") : db;
        }

        if (!string.Equals(options.Provider, "litedb", StringComparison.OrdinalIgnoreCase))
        {
            throw new CliException(ExitCodes.Config, $"Storage:Provider '{options.Provider}' is not supported; the embedded store is 'litedb'.");
        }

        if (string.IsNullOrWhiteSpace(options.Path))
        {
            throw new CliException(ExitCodes.Config, "Storage:Path is empty; set it to the LiteDB file, e.g. data/oversight.db.");
        }

        return options;
    }
}
