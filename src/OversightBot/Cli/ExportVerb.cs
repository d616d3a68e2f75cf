using System.CommandLine;
using System.Text;
using System.Text.Json;
using OversightBot.Core.Domain;
using OversightBot.Hosting;
using OversightBot.Import.Drafting;
using OversightBot.Import.Export;

namespace OversightBot.Cli;

/// <summary>
/// <c>export --format csv|json|ics [--out FILE] [--owner X]</c>: every item (or one owner's) with its history; the CSV
/// and JSON files import back with <c>import</c>, the .ics file is an all-day calendar of due dates.
/// </summary>
public static class ExportVerb
{
    public static Command Create(CliContext cli)
    {
        var format = new Option<string>("--format") { Description = "csv, json (history exactly) or ics (calendar of open due dates)", Required = true, HelpName = "FORMAT" };
        format.AcceptOnlyFromAmong("csv", "json", "ics");
        var output = new Option<string?>("--out") { Description = "write to this file instead of the console", HelpName = "FILE" };
        var owner = new Option<string?>("--owner") { Description = "only the items of this owner (email or team name)", HelpName = "OWNER" };
        var command = new Command("export", "export items with their history (CSV, JSON) or as an iCalendar file") { format, output, owner };
        command.SetAction((r, ct) => RunAsync(r.GetValue(format)!, r.GetValue(output), r.GetValue(owner), cli.Storage(r), cli.Console, ct));
        return command;
    }

    public static async Task<int> RunAsync(string format, string? outFile, string? owner, StorageOptions storage, CliConsole console, CancellationToken ct)
    {
        using var runtime = await BotRuntime.OpenAsync(storage, TimeProvider.System, ct);
        var items = new List<TrackedItem>();
        await foreach (var item in runtime.Items.AllAsync(ct))
        {
            if (owner is null || string.Equals(item.Owner, owner, StringComparison.OrdinalIgnoreCase))
            {
                items.Add(item);
            }
        }

        using var buffer = new MemoryStream();
        switch (format)
        {
            case "csv":
                ItemCsv.Write(items, buffer);
                break;
            case "json":
                JsonSerializer.Serialize(buffer, new ItemsFile { Exported = runtime.Clock.GetUtcNow(), Items = items }, ItemsFile.Options);
                break;
            default:
                buffer.Write(Encoding.UTF8.GetBytes(ItemCalendar.Write(items, owner is null ? "OversightBot deadlines" : $"OversightBot deadlines: {owner}")));
                break;
        }

        if (outFile is null)
        {
            await console.Out.WriteAsync(Encoding.UTF8.GetString(buffer.ToArray()).TrimStart('\uFEFF'));
        }
        else
        {
            await File.WriteAllBytesAsync(outFile, buffer.ToArray(), ct);
            await console.Out.WriteLineAsync($"Exported {items.Count} item(s) to {outFile}.");
        }

        return ExitCodes.Ok;
    }
}
