using OversightBot.Cli;

namespace OversightBot.Tests;

/// <summary>Runs the command line in-process, as the binary would, with strings for stdin, stdout and stderr.</summary>
public static class Cli
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static Task<Result> RunAsync(params string[] args) => RunWithInputAsync("", args);

    public static async Task<Result> RunWithInputAsync(string input, params string[] args)
    {
        using var stdin = new StringReader(input);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CommandLine.RunAsync(args, new CliConsole(stdin, stdout, stderr), CancellationToken.None);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }
}
