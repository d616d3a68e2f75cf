using System.Text.Json;

namespace OversightBot.Tests;

/// <summary>The README stays true: every setting in appsettings.sample.json is explained in its settings table.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public void Every_sample_setting_is_explained_in_the_readme()
    {
        var root = BotProcess.RepoRoot();
        // The first cell of each table row names one setting or a few related ones.
        var named = File.ReadAllLines(Path.Combine(root, "README.md"))
            .Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Split('|')[1])
            .ToList();
        using var sample = JsonDocument.Parse(
            File.ReadAllText(Path.Combine(root, "appsettings.sample.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });

        var missing = Settings(sample.RootElement, "")
            .Where(key => !named.Any(cell => cell.Contains($"`{key}`", StringComparison.Ordinal)))
            .ToList();

        Assert.Empty(missing);
    }

    /// <summary>"Section:Key" for every leaf (a Logging level counts as the README's "Logging:LogLevel:*").</summary>
    private static IEnumerable<string> Settings(JsonElement element, string prefix)
    {
        foreach (var property in element.EnumerateObject())
        {
            var key = prefix + property.Name;
            if (key == "Logging:LogLevel")
            {
                yield return "Logging:LogLevel:*";
            }
            else if (property.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var inner in Settings(property.Value, key + ":"))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return key;
            }
        }
    }
}
