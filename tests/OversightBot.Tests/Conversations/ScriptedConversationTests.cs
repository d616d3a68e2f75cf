using System.Text.Json;
using Xunit.Abstractions;

namespace OversightBot.Tests.Conversations;

/// <summary>
/// The public scripted-conversation set (<c>scripted-conversations.json</c>): questions and commands over the demo data,
/// each with the asker, an as-of date and what the answer must hold (intent, item ids, facts). Each conversation
/// runs in order against its own fresh store, so writes in one never leak into another.
/// </summary>
public sealed class ScriptedConversationTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> People = new(StringComparer.OrdinalIgnoreCase)
    {
        ["officer"] = ScriptedBot.Officer,
        ["clerk"] = ScriptedBot.Clerk,
        ["manager"] = ScriptedBot.Manager,
        ["admin"] = ScriptedBot.Admin,
        ["pat"] = "pat.partnerships@example.org",
        ["carla"] = "carla.commissioning@example.org",
        ["fred"] = ScriptedBot.OtherOfficer,
        ["eve"] = "eve.evidence@example.org",
    };

    [Fact]
    public async Task ScriptedSet_EveryCheckHolds()
    {
        var set = Load();
        var failures = new List<string>();
        var count = 0;
        var failed = 0;
        foreach (var conversation in set.Conversations)
        {
            await using var bot = await ScriptedBot.StartAsync(DateOnly.Parse(conversation.AsOf, System.Globalization.CultureInfo.InvariantCulture));
            foreach (var check in conversation.Checks)
            {
                count++;
                bot.Today = DateOnly.Parse(check.AsOf ?? conversation.AsOf, System.Globalization.CultureInfo.InvariantCulture);
                var who = check.As is null ? null : People.GetValueOrDefault(check.As, check.As);
                var said = await bot.As(who).Says(check.Say, conversation: conversation.Name);
                var problems = check.Problems(said).ToList();
                if (problems.Count > 0)
                {
                    failed++;
                    failures.Add($"[{conversation.Name}] \"{check.Say}\" ({check.As ?? "anonymous"}, {bot.Today:yyyy-MM-dd}): {string.Join("; ", problems)}\n{Indent(said.Rendered)}");
                }
            }
        }

        foreach (var f in failures)
        {
            output.WriteLine(f);
        }

        output.WriteLine($"scripted conversations: {count - failed}/{count} checks pass");
        Assert.True(count >= 200, $"only {count} checks");
        Assert.True(failed == 0, $"{failed} of {count} checks fail:\n{string.Join("\n", failures.Take(60))}");
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    private static string Indent(string text) => "    | " + text.Replace("\n", "\n    | ", StringComparison.Ordinal);

    private static ScriptSet Load()
    {
        var path = Path.Combine(BotProcess.RepoRoot(), "tests", "OversightBot.Tests", "Conversations", "scripted-conversations.json");
        return JsonSerializer.Deserialize<ScriptSet>(File.ReadAllText(path), Json)
            ?? throw new InvalidOperationException("empty scripted set");
    }

    private sealed record ScriptSet(List<ScriptConversation> Conversations);

    private sealed record ScriptConversation(string Name, string AsOf, List<ScriptCheck> Checks);

    private sealed record ScriptCheck
    {
        public required string Say { get; init; }
        public string? As { get; init; }
        public string? AsOf { get; init; }
        public string? Intent { get; init; }
        public List<string>? Ids { get; init; }
        public List<string>? HasIds { get; init; }
        public List<string>? NotIds { get; init; }
        public List<string>? Says { get; init; }
        public List<string>? NotSays { get; init; }
        public int? Total { get; init; }
        public bool? Error { get; init; }

        private const StringComparison Loose = StringComparison.OrdinalIgnoreCase;

        public IEnumerable<string> Problems(Said said)
        {
            var reply = said.Reply;
            var ids = reply.Items.Select(i => i.Id).ToList();
            if (Intent is not null && reply.Intent != Intent)
            {
                yield return $"intent {reply.Intent}, expected {Intent}";
            }

            if (Ids is not null && !Ids.SequenceEqual(ids))
            {
                yield return $"items [{string.Join(", ", ids)}], expected [{string.Join(", ", Ids)}]";
            }

            foreach (var id in (HasIds ?? []).Where(id => !ids.Contains(id)))
            {
                yield return $"items lack {id}";
            }

            foreach (var id in (NotIds ?? []).Where(ids.Contains))
            {
                yield return $"items should not hold {id}";
            }

            foreach (var text in (Says ?? []).Where(t => !said.Rendered.Contains(t, Loose)))
            {
                yield return $"answer lacks \"{text}\"";
            }

            foreach (var text in (NotSays ?? []).Where(t => said.Rendered.Contains(t, Loose)))
            {
                yield return $"answer should not say \"{text}\"";
            }

            if (Total is { } total && reply.Total != total)
            {
                yield return $"total {reply.Total}, expected {total}";
            }

            if (Error is { } error && reply.IsError != error)
            {
                yield return error ? "should have been refused" : "was refused";
            }
        }
    }
}
