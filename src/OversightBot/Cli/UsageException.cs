namespace OversightBot.Cli;

/// <summary>Bad command-line input found by a verb after parsing: printed as one clear line, exit code <see cref="ExitCodes.Usage"/>.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>A failure a verb reports with its own exit code (see <see cref="ExitCodes"/>) and one clear message.</summary>
public sealed class CliException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
