namespace OversightBot.Cli;

/// <summary>Where a verb reads and writes: the process's console, or strings in tests.</summary>
public sealed record CliConsole(TextReader In, TextWriter Out, TextWriter Error)
{
    /// <summary>The process's standard streams.</summary>
    public static CliConsole System => new(Console.In, Console.Out, Console.Error);

    /// <summary>True when <see cref="Out"/> is a terminal (not redirected, not a test's writer): progress may be drawn.</summary>
    public bool IsInteractive => ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected;
}
