using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OversightBot.Core.Domain;
using OversightBot.Hosting;
using OversightBot.Import.Drafting;
using OversightBot.Import.Importing;
using OversightBot.Import.Reading;
using Spectre.Console;

namespace OversightBot.Cli;

/// <summary>
/// <c>import FILE... [--kind auto|letter|…] [--dry-run] [--json] [--db PATH]</c>: drafts items from letters, reports,
/// statements and trackers, prints them for review, and (without --dry-run) stores the new ones. A file that cannot
/// be read stops the import before anything is stored; importing the same file again stores nothing.
/// </summary>
public static class ImportVerb
{
    public const string ImportedBy = "import";

    public static Command Create(CliContext cli)
    {
        var files = new Argument<string[]>("files") { Description = "letters, reports and statements (text, PDF, Word) or trackers (CSV, .xlsx, JSON export)", Arity = ArgumentArity.OneOrMore };
        var kind = new Option<string>("--kind") { Description = "what the files are; auto recognises each document", DefaultValueFactory = _ => "auto", HelpName = "KIND" };
        kind.AcceptOnlyFromAmong([.. DraftEngine.KindNames]);
        var dryRun = new Option<bool>("--dry-run") { Description = "print the drafted items for review and store nothing" };
        var json = CliOptions.Json("print the drafted items as JSON (summary on stderr)");
        var command = new Command("import", "draft items from documents and trackers, review them, store the new ones") { files, kind, dryRun, json };
        command.SetAction((r, ct) => RunAsync(r.GetValue(files) ?? [], r.GetValue(kind) ?? "auto", r.GetValue(dryRun), r.GetValue(json), cli.Storage(r), cli.Console, ct));
        return command;
    }

    public static async Task<int> RunAsync(IReadOnlyList<string> paths, string kind, bool dryRun, bool json, StorageOptions storage, CliConsole console, CancellationToken ct)
    {
        try
        {
            var files = paths.Select(InputFile.Load).ToList();
            using var runtime = await BotRuntime.OpenAsync(storage, TimeProvider.System, ct);
            var importer = new Importer(runtime.Items, runtime.Clock);
            var plan = await PlanWithProgressAsync(importer, files, kind, showProgress: !json && console.IsInteractive && files.Count > 1, ct);
            var stored = dryRun ? 0 : await importer.CommitAsync(plan, ImportedBy, ct);
            if (json)
            {
                await console.Out.WriteLineAsync(JsonSerializer.Serialize(plan.Items.Select(ImportJson.Item), ImportJson.Options));
                await ImportReview.WriteSummaryAsync(plan, dryRun, stored, console.Error);
            }
            else
            {
                await ImportReview.WriteAsync(plan, console.Out);
                await ImportReview.WriteSummaryAsync(plan, dryRun, stored, console.Out);
            }

            return ExitCodes.Ok;
        }
        catch (ImportException ex)
        {
            throw new CliException(ExitCodes.BadInput, ex.Message + " Nothing was stored.");
        }
    }

    private static async Task<ImportPlan> PlanWithProgressAsync(Importer importer, List<InputFile> files, string kind, bool showProgress, CancellationToken ct)
    {
        if (!showProgress)
        {
            return await importer.PlanAsync(files, kind, ct);
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Status().StartAsync("Reading…", async status =>
            await importer.PlanAsync(files, kind, ct, new Progress<string>(name => status.Status($"Reading {Markup.Escape(name)}…"))));
    }
}

/// <summary>The JSON shape of a drafted item (<c>import --json</c>).</summary>
public static class ImportJson
{
    public static readonly JsonSerializerOptions Options = new(ItemsFile.Options)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static object Item(PlannedItem planned)
    {
        var d = planned.Draft;
        return new
        {
            id = d.Id,
            kind = JsonNamingPolicy.CamelCase.ConvertName(d.Kind.ToString()),
            subKind = d.SubKind,
            reference = d.Reference,
            title = d.Title,
            owner = d.Owner,
            due = d.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            duePrecision = d.DuePrecision,
            dueRule = d.DueRule,
            recurrence = d.Recurrence == Recurrence.None ? null : d.Recurrence.ToString().ToLowerInvariant(),
            status = JsonNamingPolicy.CamelCase.ConvertName(d.Status.ToString()),
            opened = d.Opened?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            closed = d.Closed?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            section = d.Section,
            source = new
            {
                document = d.Source.Document,
                issuer = d.Source.Issuer,
                date = d.Source.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                quote = d.Source.Quote,
                file = d.Source.File,
            },
            parts = d.Parts.Select(p => new { label = p.Label, text = p.Text }),
            linkedTo = d.LinkedTo,
            suggestedLinks = d.Suggested.Select(s => new { id = s.ItemId, title = s.Title, score = s.Score }),
            warnings = d.Warnings,
            action = planned.Action == PlannedAction.New ? "new" : "alreadyImported",
        };
    }
}
