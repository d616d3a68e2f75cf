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

    public static Task<int> RunAsync(IReadOnlyList<string> rawArgs, TextWriter output, CancellationToken ct) =>
        RunAsync(rawArgs, output, TimeProvider.System, ct);

    public static async Task<int> RunAsync(IReadOnlyList<string> rawArgs, TextWriter output, TimeProvider clock, CancellationToken ct)
    {
        var args = new CliArgs(rawArgs, ["--json"]);
        args.AllowOnly("--as-of", "--json", "--db");
        var text = string.Join(' ', args.Positional);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UsageException("parse needs some text, e.g. parse \"what's due next week?\".");
        }

        var today = args.GetDate("--as-of") ?? London.Today(clock);
        var u = BotRuntime.CreateRecognizer().Recognize(text, today);
        var model = ToModel(u);
        if (args.Has("--json"))
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

        return 0;
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
