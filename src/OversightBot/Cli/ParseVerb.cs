using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OversightBot.Core.Language;
using OversightBot.Core.Time;
using OversightBot.Hosting;

namespace OversightBot.Cli;

/// <summary>
/// <c>parse "TEXT" [--as-of YYYY-MM-DD] [--json]</c>: what the recognizer understood, without touching the store:
/// <c>{"intent": "...", "range": {"start","end"} | null, "entities": {...}}</c> with inclusive dates.
/// </summary>
public static class ParseVerb
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create(CliContext cli)
    {
        var text = CliOptions.Words("text", "what to parse, e.g. \"what's due next week?\"");
        var asOf = CliOptions.Date("--as-of", "read relative dates as if today (Europe/London) were that date");
        var json = CliOptions.Json();
        var command = new Command("parse", "show the intent, date range and entities the bot understood (the store is not opened)") { text, asOf, json };
        command.SetAction((r, ct) => RunAsync(string.Join(' ', r.GetValue(text) ?? []), r.GetValue(asOf), r.GetValue(json), cli.Console.Out, TimeProvider.System, ct));
        return command;
    }

    public static async Task<int> RunAsync(string text, DateOnly? asOf, bool json, TextWriter output, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UsageException("parse needs some text, e.g. parse \"what's due next week?\".");
        }

        var today = asOf ?? London.Today(clock);
        var u = BotRuntime.CreateRecognizer().Recognize(text, today);
        var model = ToModel(u);
        if (json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(model, Indented).AsMemory(), ct);
        }
        else
        {
            await output.WriteLineAsync($"intent: {u.Intent.Name}");
            await output.WriteLineAsync($"range:  {(u.Range is { } r ? $"{Iso(r.Start)} .. {Iso(r.End)}" : "none")}");
            await output.WriteLineAsync($"detail: {u.Intent}");
            await output.WriteLineAsync($"entities: {JsonSerializer.Serialize(model["entities"])}");
        }

        return ExitCodes.Ok;
    }

    /// <summary>The JSON shape of an <see cref="Understanding"/>: dates as YYYY-MM-DD, nulls kept.</summary>
    public static Dictionary<string, object?> ToModel(Understanding u)
    {
        var e = u.Entities;
        var intentFields = new Dictionary<string, object?>();
        switch (u.Intent)
        {
            case StatusQuery s:
                intentFields["itemId"] = s.ItemId;
                intentFields["words"] = s.Words;
                intentFields["aspect"] = IntentDetails.Aspect(s.Aspect);
                break;
            case OwnerQuery o:
                intentFields["owner"] = o.Owner;
                intentFields["mine"] = o.Mine;
                intentFields["scope"] = o.Scope == Scope.None ? null : o.Scope.ToString();
                break;
            case BoardsQuery b:
                intentFields["board"] = b.Board;
                break;
            case Subscribe sub:
                intentFields["day"] = sub.Day?.ToString();
                intentFields["at"] = sub.At?.ToString("HH:mm", CultureInfo.InvariantCulture);
                break;
            case UpdateItem up:
                intentFields["itemId"] = up.ItemId;
                intentFields["newStatus"] = up.NewStatus?.ToString();
                intentFields["note"] = up.Note;
                intentFields["newDue"] = up.NewDue is { } nd ? Iso(nd) : null;
                intentFields["reason"] = up.Reason;
                intentFields["evidenceLink"] = up.EvidenceLink;
                break;
            case Snooze sn:
                intentFields["itemId"] = sn.ItemId;
                intentFields["until"] = Iso(sn.Until);
                break;
        }

        foreach (var (key, value) in IntentDetails.Of(u.Intent))
        {
            intentFields[key] = value;
        }

        return new Dictionary<string, object?>
        {
            ["intent"] = u.Intent.Name,
            ["range"] = u.Range is { } r ? new Dictionary<string, string> { ["start"] = Iso(r.Start), ["end"] = Iso(r.End) } : null,
            ["details"] = intentFields,
            ["entities"] = new Dictionary<string, object?>
            {
                ["itemIds"] = e.ItemIds,
                ["itemWords"] = e.ItemWords,
                ["owner"] = e.Owner,
                ["board"] = e.Board,
                ["status"] = e.Status?.ToString(),
                ["dates"] = e.Dates.Select(Iso).ToArray(),
                ["reason"] = e.Reason,
                ["note"] = e.Note,
                ["invalidDates"] = e.InvalidDates,
                ["vagueDates"] = e.VagueDates,
            },
        };
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
