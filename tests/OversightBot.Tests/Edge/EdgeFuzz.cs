using System.Text;
using System.Text.Json.Nodes;

namespace OversightBot.Tests.Edge;

/// <summary>
/// Generates requests for every endpoint from one seed: valid templates (activities, chat messages) with one to
/// three mutations each — wrong types, nulls in lists, lone surrogates, invalid UTF-8, oversized ids and text,
/// truncation, deep nesting, dates at the calendar's ends — so a failure can be replayed from its seed and index.
/// </summary>
public sealed class EdgeFuzz(int seed)
{
    private const string Lone = "@@LONE@@";
    private readonly Random _random = new(seed);

    private static readonly string[] Texts =
    [
        "what's overdue?", "more", "help", "what's due this week?", "status R-5", "mark R-3 done", "snooze R-5 for a week",
        "what's due on 31/12/9999?", "snooze R-5 for 9000 years", "what's due between 1/1/0001 and 2/1/0001?", "--- -",
        "whats overdeu", "digest", "subscribe to the weekly digest", "is the LCRB up to date?", "what's overdue for the Partnership Team?",
        "approve R-5", "add a note to R-2: chased", "move R-4 to 31 March", "who owns R-7", "", " ", "\u0000", "😀",
    ];

    private static readonly string[] Emails =
    [
        "colin.clerk@example.org", "olivia.officer@example.org", "adam.admin@example.org", "nobody@example.org", "", "x",
    ];

    private static readonly string[] Dates = ["2023-03-01", "0001-01-01", "9999-12-31", "2023-02-31", "1899-12-31", "2199-12-31", "2024-06-01", "yesterday", ""];

    private static readonly string[] ActivityTypes = ["message", "invoke", "conversationUpdate", "installationUpdate", "typing", "", "MESSAGE"];

    public sealed record Request(HttpMethod Method, string Path, byte[]? Body);

    public Request Next() => _random.Next(100) switch
    {
        < 45 => new Request(HttpMethod.Post, "/api/messages", Mutate(Activity())),
        < 85 => new Request(HttpMethod.Post, "/api/chat", Mutate(Chat())),
        < 93 => new Request(HttpMethod.Get, "/api/notifications?as=" + Uri.EscapeDataString(Pick(Emails)) + Noise(), null),
        < 95 => new Request(HttpMethod.Get, Pick(["/", "/health", "/api/people", "/chat.js", "/nowhere"]), null),
        _ => new Request(Pick([HttpMethod.Put, HttpMethod.Delete, HttpMethod.Get, HttpMethod.Patch]), Pick(["/api/messages", "/api/chat"]), Mutate(Chat())),
    };

    private JsonObject Activity()
    {
        var type = Pick(ActivityTypes);
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = "act-" + _random.Next(1000),
            ["serviceUrl"] = Pick(["https://connector.invalid/", "http://127.0.0.1:9/", "not a url", ""]),
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = "29:u" + _random.Next(20), ["aadObjectId"] = Pick(["aad-1", "aad-2", null]) },
            ["recipient"] = new JsonObject { ["id"] = "28:bot" },
            ["conversation"] = new JsonObject
            {
                ["id"] = "a:c" + _random.Next(20),
                ["conversationType"] = Pick(["personal", "channel", "groupChat", null]),
                ["tenantId"] = "t1",
            },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "t1" } },
            ["text"] = Pick(Texts),
        };
        if (type == "invoke")
        {
            activity["name"] = Pick(["adaptiveCard/action", "task/fetch", ""]);
            activity["value"] = new JsonObject { ["action"] = new JsonObject { ["data"] = new JsonObject { ["verb"] = "ask", ["value"] = Pick(Texts) } } };
            activity["replyToId"] = "card-1";
        }
        else if (type == "conversationUpdate")
        {
            activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = Pick(["28:bot", "29:u1"]) });
        }

        if (_random.Next(4) == 0)
        {
            activity["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["text"] = "<at>OversightBot</at>", ["mentioned"] = new JsonObject { ["id"] = "28:bot" } });
        }

        return activity;
    }

    private JsonObject Chat()
    {
        var chat = new JsonObject { ["text"] = Pick(Texts) };
        if (_random.Next(2) == 0)
        {
            chat["asOf"] = Pick(Dates);
        }

        if (_random.Next(2) == 0)
        {
            chat["as"] = Pick(Emails);
        }

        if (_random.Next(3) == 0)
        {
            chat["conversation"] = "fuzz-" + _random.Next(10);
        }

        return chat;
    }

    private byte[] Mutate(JsonObject root)
    {
        var count = _random.Next(4); // 0 = the valid template
        for (var i = 0; i < count; i++)
        {
            MutateNode(root);
        }

        var text = root.ToJsonString().Replace($"\"{Lone}", "\"\\ud800", StringComparison.Ordinal);
        var bytes = Encoding.UTF8.GetBytes(text);
        return _random.Next(20) switch
        {
            0 => bytes[..(_random.Next(bytes.Length))],
            1 => Corrupt(bytes),
            2 => Encoding.UTF8.GetBytes("{\"type\":\"message\",\"value\":" + new string('[', _random.Next(30, 300)) + "}"),
            _ => bytes,
        };
    }

    private void MutateNode(JsonObject root)
    {
        var target = root;
        while (_random.Next(3) == 0 && target.Where(p => p.Value is JsonObject).Select(p => p.Value as JsonObject).ToList() is { Count: > 0 } children)
        {
            target = children[_random.Next(children.Count)]!;
        }

        var names = target.Select(p => p.Key).ToList();
        var name = names.Count > 0 && _random.Next(5) > 0 ? names[_random.Next(names.Count)] : Pick(["entities", "membersAdded", "membersRemoved", "attachments", "value", "extra"]);
        if (_random.Next(8) == 0)
        {
            target.Remove(name);
            return;
        }

        target[name] = Nasty();
    }

    private JsonNode? Nasty() => _random.Next(16) switch
    {
        0 => null,
        1 => JsonValue.Create(_random.Next()),
        2 => JsonValue.Create(_random.Next(2) == 0),
        3 => new JsonArray((JsonNode?)null),
        4 => new JsonArray(new JsonObject { ["id"] = null }, null),
        5 => Lone + Pick(Texts),
        6 => new string('x', Pick([1000, 1023, 1024, 2000, 20_000])),
        7 => new string('é', 600),
        8 => "",
        9 => new JsonObject { ["id"] = Lone, ["tenant"] = new JsonObject { ["id"] = Lone } },
        10 => new JsonObject { ["action"] = new JsonObject { ["data"] = Nasty() } },
        11 => Pick(Dates),
        12 => Pick(Texts) + " " + Pick(Dates),
        13 => JsonValue.Create(double.MaxValue),
        14 => new JsonArray(JsonValue.Create(1), "a", new JsonArray()),
        _ => Pick(Texts),
    };

    private byte[] Corrupt(byte[] bytes)
    {
        var copy = (byte[])bytes.Clone();
        for (var i = 0; i < 1 + _random.Next(3) && copy.Length > 0; i++)
        {
            copy[_random.Next(copy.Length)] = Pick<byte>([0xff, 0xc0, 0xed, 0x00, (byte)'"', (byte)'\\']);
        }

        return copy;
    }

    private string Noise() => _random.Next(5) switch
    {
        0 => new string('a', 3000),
        1 => "%ED%A0%80",
        _ => "",
    };

    private T Pick<T>(IReadOnlyList<T> options) => options[_random.Next(options.Count)];
}
