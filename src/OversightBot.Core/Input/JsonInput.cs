using System.Text.Json;

namespace OversightBot.Core.Input;

/// <summary>Checks a parsed JSON body before it is bound: every string and property name must be readable, well-formed text.</summary>
public static class JsonInput
{
    /// <summary>The first problem found (with where it is), or null when the document is fine.</summary>
    public static string? FirstProblem(JsonElement element)
    {
        var trail = new List<string>();
        if (Walk(element, trail))
        {
            return null;
        }

        trail.Reverse();
        var where = "$" + string.Concat(trail);
        return $"{(where.Length > 120 ? where[..120] + "…" : where)} is not well-formed text (a lone surrogate or invalid UTF-8).";
    }

    /// <summary>True when fine; otherwise <paramref name="trail"/> gets the path to the problem, innermost first.</summary>
    private static bool Walk(JsonElement element, List<string> trail)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                return Readable(element);
            case JsonValueKind.Array:
                var index = 0;
                foreach (var member in element.EnumerateArray())
                {
                    if (!Walk(member, trail))
                    {
                        trail.Add($"[{index}]");
                        return false;
                    }

                    index++;
                }

                return true;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (!IsWellFormedName(property))
                    {
                        trail.Add(".(a property name)");
                        return false;
                    }

                    if (!Walk(property.Value, trail))
                    {
                        trail.Add("." + property.Name);
                        return false;
                    }
                }

                return true;
            default:
                return true;
        }
    }

    private static bool Readable(JsonElement element)
    {
        try
        {
            return InputRules.IsWellFormed(element.GetString() ?? "");
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static bool IsWellFormedName(JsonProperty property)
    {
        try
        {
            return InputRules.IsWellFormed(property.Name);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Parses <paramref name="utf8"/>; null with a reason when it is not JSON or not well-formed text.</summary>
    public static JsonDocument? Parse(ReadOnlyMemory<byte> utf8, out string? problem)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(utf8);
        }
        catch (JsonException ex)
        {
            problem = $"The body is not valid JSON: {ex.Message}";
            return null;
        }

        problem = FirstProblem(doc.RootElement);
        if (problem is null)
        {
            return doc;
        }

        doc.Dispose();
        return null;
    }
}
