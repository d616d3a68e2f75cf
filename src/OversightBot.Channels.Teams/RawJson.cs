using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OversightBot.Channels.Teams;

/// <summary>
/// A JSON value kept as its UTF-8 text and written as is: a rendered card is serialized once and then copied
/// into every message that carries it, instead of being walked and escaped again for each send.
/// </summary>
[JsonConverter(typeof(RawJsonConverter))]
public sealed class RawJson
{
    private readonly byte[] _utf8;

    private RawJson(byte[] utf8) => _utf8 = utf8;

    public ReadOnlySpan<byte> Utf8 => _utf8;

    /// <summary>Wraps <paramref name="json"/> after checking that it is one well-formed JSON value.</summary>
    public static RawJson Parse(string json)
    {
        var utf8 = Encoding.UTF8.GetBytes(json);
        using (JsonDocument.Parse(utf8))
        {
        }

        return new RawJson(utf8);
    }

    internal static RawJson Read(ref Utf8JsonReader reader)
    {
        using var doc = JsonDocument.ParseValue(ref reader);
        return new RawJson(JsonSerializer.SerializeToUtf8Bytes(doc.RootElement));
    }

    public JsonElement ToElement()
    {
        using var doc = JsonDocument.Parse(_utf8);
        return doc.RootElement.Clone();
    }

    public override string ToString() => Encoding.UTF8.GetString(_utf8);
}

internal sealed class RawJsonConverter : JsonConverter<RawJson>
{
    public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => RawJson.Read(ref reader);

    // Validated when it was made (Parse or Read), so it is not validated again on every write.
    public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
        writer.WriteRawValue(value.Utf8, skipInputValidation: true);
}
