using System.Text.Json;

namespace OversightBot.Channels.Slack;

/// <summary>Small readers over Slack's JSON (events, interaction payloads) that never throw on a missing field.</summary>
internal static class SlackPayloads
{
    public static string? Str(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    public static string? Str(this JsonElement e, string a, string b) => e.Obj(a) is { } inner ? inner.Str(b) : null;

    public static JsonElement? Obj(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Object ? v : null;

    public static bool Has(this JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined);

    /// <summary>Parses a JSON object; null for anything else or bad JSON.</summary>
    public static JsonDocument? ParseObject(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var doc = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
            if (doc.RootElement.ValueKind == JsonValueKind.Object)
            {
                return doc;
            }

            doc.Dispose();
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
