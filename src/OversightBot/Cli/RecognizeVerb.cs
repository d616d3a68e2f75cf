using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using OversightBot.Core.Language;
using OversightBot.Core.Language.Dates;

namespace OversightBot.Cli;

/// <summary>
/// <c>recognize --jsonl [--conventions auto|british|spec]</c>: reads corpus lines (<c>id</c>, <c>input</c>, <c>reference</c>)
/// from stdin and writes one scorer-format prediction line per case (datetimeV2: range ends exclusive, durations in seconds).
/// <c>auto</c> (default) reads a case whose <c>source</c> is Microsoft Recognizers-Text's spec with the spec's conventions
/// (its expectations were written that way: "in July" is XXXX-07) and every other case with British ones.
/// </summary>
public static class RecognizeVerb
{
    public static Command Create(CliContext cli)
    {
        var jsonl = new Option<bool>("--jsonl") { Description = "read corpus lines (id, input, reference) on stdin, write scorer lines on stdout" };
        var conventions = new Option<string>("--conventions") { Description = "date conventions", DefaultValueFactory = _ => "auto" };
        conventions.AcceptOnlyFromAmong("auto", "british", "spec");
        var command = new Command("recognize", "date-corpus lines on stdin -> scorer predictions on stdout") { jsonl, conventions };
        command.SetAction((r, ct) => RunAsync(r.GetValue(jsonl), r.GetValue(conventions), cli.Console.In, cli.Console.Out, ct));
        return command;
    }

    public static async Task<int> RunAsync(bool jsonl, string? conventionsName, TextReader input, TextWriter output, CancellationToken ct)
    {
        if (!jsonl)
        {
            throw new UsageException("recognize needs --jsonl (corpus lines on stdin, predictions on stdout).");
        }

        DateConventions? fixedConventions = conventionsName switch
        {
            null or "auto" => null,
            "british" => DateConventions.British,
            "spec" => DateConventions.Spec,
            var other => throw new UsageException($"--conventions '{other}' must be auto, british or spec."),
        };

        var buffer = new MemoryStream();
        string? line;
        var lineNo = 0;
        while ((line = await input.ReadLineAsync(ct)) is not null)
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            string id;
            string text;
            DateOnly reference;
            var conventions = fixedConventions ?? DateConventions.British;
            try
            {
                using var doc = JsonDocument.Parse(line);
                var root = doc.RootElement;
                id = root.GetProperty("id").GetString() ?? "";
                text = root.GetProperty("input").GetString() ?? "";
                if (fixedConventions is null && root.TryGetProperty("source", out var src) && src.ValueKind == JsonValueKind.String
                    && (src.GetString() ?? "").StartsWith("microsoft/Recognizers-Text", StringComparison.Ordinal))
                {
                    conventions = DateConventions.Spec;
                }

                var refText = root.TryGetProperty("reference", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() ?? "" : "";
                reference = refText.Length >= 10
                    ? DateOnly.ParseExact(refText[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : Core.Time.London.Today(TimeProvider.System);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or FormatException or InvalidOperationException)
            {
                throw new UsageException($"line {lineNo}: not a corpus case ({ex.Message}).");
            }

            buffer.SetLength(0);
            using (var w = new Utf8JsonWriter(buffer))
            {
                Write(w, id, DateRecognizer.Recognize(text, reference, conventions));
            }

            await output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        }

        return 0;
    }

    public static void Write(Utf8JsonWriter w, string id, IReadOnlyList<DateMention> mentions)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteStartArray("results");
        foreach (var m in mentions)
        {
            w.WriteStartObject();
            w.WriteString("text", m.Text);
            w.WriteStartArray("span");
            w.WriteNumberValue(m.Start);
            w.WriteNumberValue(m.End);
            w.WriteEndArray();
            w.WriteString("type", m.Type);
            w.WriteString("timex", m.Timex);
            if (m.Mod is not null)
            {
                w.WriteString("mod", m.Mod);
            }

            if (m.Date is { } d)
            {
                w.WriteString("value", Iso(d));
            }

            if (m.RangeStart is { } s)
            {
                w.WriteString("start", Iso(s));
            }

            if (m.RangeEndExclusive is { } e)
            {
                w.WriteString("end", Iso(e));
            }

            if (m.DurationSeconds is { } secs)
            {
                w.WriteString("value", secs);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
