using Spectre.Console;

namespace OversightBot.Cli;

/// <summary>
/// A progress bar for long work (benchmarks, imports, backups) on an interactive terminal. When stdout is redirected
/// (a pipe, a file, a test) nothing extra is written, so the output stays plain and the same as without it.
/// </summary>
public static class CliProgress
{
    /// <summary>Runs <paramref name="work"/>, which reports how far it got out of <paramref name="total"/>.</summary>
    public static async Task RunAsync(CliConsole console, string description, double total, Func<IProgress<double>, Task> work)
    {
        if (!console.IsInteractive)
        {
            await work(Silent.Instance);
            return;
        }

        await AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async ctx =>
            {
                var task = ctx.AddTask(description, maxValue: Math.Max(1, total));
                await work(new TaskReporter(task));
                task.Value = task.MaxValue;
            });
    }

    /// <summary>Yields <paramref name="source"/> while reporting the count every <paramref name="every"/> elements.</summary>
    public static IEnumerable<T> Counting<T>(IEnumerable<T> source, IProgress<double> progress, int every = 1_000)
    {
        var n = 0;
        foreach (var x in source)
        {
            yield return x;
            if (++n % every == 0)
            {
                progress.Report(n);
            }
        }

        progress.Report(n);
    }

    private sealed class Silent : IProgress<double>
    {
        public static readonly Silent Instance = new();

        public void Report(double value)
        {
        }
    }

    private sealed class TaskReporter(ProgressTask task) : IProgress<double>
    {
        public void Report(double value) => task.Value = value;
    }
}
