using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using OversightBot.Core.Domain;

namespace OversightBot.Storage.Postgres;

/// <summary>
/// How domain records are written as JSON documents (jsonb columns). Enums are names, computed properties are left
/// out, and an item's history, history offset and occurrence view are never part of its document (history has its own
/// table; the view is built when an occurrence is listed).
/// </summary>
internal static class PgJson
{
    public static readonly JsonSerializerOptions Documents = Create();

    /// <summary>Replies (outbox and inbox messages), exactly as the embedded store writes them.</summary>
    public static readonly JsonSerializerOptions Messages = new(JsonSerializerDefaults.Web);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            IgnoreReadOnlyProperties = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutItemExtras } },
        };
        options.Converters.Add(new JsonStringEnumConverter());
        return options;
    }

    private static void LeaveOutItemExtras(JsonTypeInfo info)
    {
        if (info.Type != typeof(TrackedItem))
        {
            return;
        }

        foreach (var property in info.Properties.Where(p => p.Name is nameof(TrackedItem.History) or nameof(TrackedItem.HistoryOffset) or nameof(TrackedItem.Occurrence)).ToList())
        {
            info.Properties.Remove(property);
        }
    }

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Documents);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Documents)
        ?? throw new InvalidOperationException($"A stored {typeof(T).Name} document is empty.");
}
