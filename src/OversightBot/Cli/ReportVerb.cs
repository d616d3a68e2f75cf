using System.CommandLine;
using System.Text;
using OversightBot.Core.Domain;
using OversightBot.Core.Time;
using OversightBot.Hosting;
using OversightBot.Import.Reports;

namespace OversightBot.Cli;

/// <summary>
/// <c>report --kind actions|rag [--committee NAME] [--plan WORDS] [--as-of YYYY-MM-DD] [--out FILE.docx|.html]</c>:
/// a committee's Summary List of Actions, or an improvement plan's RAG table by financial-year quarter, as at a day.
/// </summary>
public static class ReportVerb
{
    public static Command Create(CliContext cli)
    {
        var kind = new Option<string>("--kind") { Description = "actions (a committee's Summary List of Actions) or rag (improvement plan by quarter)", Required = true, HelpName = "KIND" };
        kind.AcceptOnlyFromAmong("actions", "rag");
        var committee = new Option<string>("--committee") { Description = "the committee, for --kind actions", DefaultValueFactory = _ => "Police and Crime Committee", HelpName = "NAME" };
        var plan = new Option<string?>("--plan") { Description = "words of the plan's source document, for --kind rag (default: every improvement action)", HelpName = "WORDS" };
        var asOf = CliOptions.Date("--as-of", "status as at the end of this day (default: today, Europe/London)");
        var output = new Option<string?>("--out") { Description = "write a Word (.docx) or HTML (.html) file; without it the HTML goes to the console", HelpName = "FILE" };
        var command = new Command("report", "committee papers: Summary List of Actions, improvement plan RAG by quarter (Word, HTML)") { kind, committee, plan, asOf, output };
        command.SetAction((r, ct) => RunAsync(r.GetValue(kind)!, r.GetValue(committee)!, r.GetValue(plan), r.GetValue(asOf), r.GetValue(output), cli.Storage(r), cli.Console, ct));
        return command;
    }

    public static async Task<int> RunAsync(string kind, string committee, string? plan, DateOnly? asOf, string? outFile, StorageOptions storage, CliConsole console, CancellationToken ct)
    {
        if (outFile is not null && !outFile.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) && !outFile.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException("--out must name a .docx or .html file.");
        }

        using var runtime = await BotRuntime.OpenAsync(storage, TimeProvider.System, ct);
        var items = new List<TrackedItem>();
        await foreach (var item in runtime.Items.AllAsync(ct))
        {
            items.Add(item);
        }

        var day = asOf ?? London.Today(runtime.Clock);
        var report = kind == "actions" ? CommitteeReports.SummaryListOfActions(items, committee, day) : CommitteeReports.ImprovementPlanRag(items, plan, day);
        if (outFile is null)
        {
            await console.Out.WriteAsync(HtmlReport.Write(report));
            return ExitCodes.Ok;
        }

        var bytes = outFile.EndsWith(".docx", StringComparison.OrdinalIgnoreCase) ? DocxReport.Write(report) : Encoding.UTF8.GetBytes(HtmlReport.Write(report));
        await File.WriteAllBytesAsync(outFile, bytes, ct);
        await console.Out.WriteLineAsync($"{report.Title} ({report.Subtitle.ToLowerInvariant()}): {report.Tables.Sum(t => t.Rows.Count)} row(s) written to {outFile}.");
        return ExitCodes.Ok;
    }
}
