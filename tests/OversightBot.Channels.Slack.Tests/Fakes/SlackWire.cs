using System.Text.Json.Nodes;

namespace OversightBot.Channels.Slack.Tests.Fakes;

/// <summary>Requests as Slack sends them (Events API callbacks, slash command forms, interaction payloads).</summary>
public static class SlackWire
{
    public const string Team = "T1";
    public const string User = "U100";
    public const string OtherUser = "U200";
    public const string Dm = "D100";

    public static string DirectMessage(string text, string eventId = "Ev1", string user = User, string? subtype = null, string? botId = null)
    {
        var ev = new JsonObject
        {
            ["type"] = "message",
            ["channel_type"] = "im",
            ["channel"] = Dm,
            ["user"] = user,
            ["text"] = text,
            ["ts"] = "1700000000.000100",
        };
        if (subtype is not null)
        {
            ev["subtype"] = subtype;
        }

        if (botId is not null)
        {
            ev["bot_id"] = botId;
        }

        return Callback(ev, eventId);
    }

    public static string Mention(string text, string eventId = "Ev2") => Callback(new JsonObject
    {
        ["type"] = "app_mention",
        ["channel"] = "C1",
        ["user"] = User,
        ["text"] = $"<@UBOT> {text}",
        ["ts"] = "1700000000.000200",
    }, eventId);

    public static string HomeOpened(string user = User) => Callback(new JsonObject
    {
        ["type"] = "app_home_opened",
        ["user"] = user,
        ["channel"] = Dm,
        ["tab"] = "home",
    }, "EvHome" + user);

    public static string Callback(JsonObject ev, string eventId, string team = Team) => new JsonObject
    {
        ["token"] = "legacy",
        ["team_id"] = team,
        ["api_app_id"] = "A1",
        ["type"] = "event_callback",
        ["event_id"] = eventId,
        ["event_time"] = 1700000000,
        ["authorizations"] = new JsonArray { new JsonObject { ["team_id"] = team, ["user_id"] = "UBOT", ["is_bot"] = true } },
        ["event"] = ev,
    }.ToJsonString();

    public static string Command(string text, string responseUrl, string user = User, string team = Team) =>
        $"token=legacy&team_id={team}&team_domain=demo&channel_id=C1&channel_name=general&user_id={user}&user_name=someone&command=%2Foversight" +
        $"&text={Uri.EscapeDataString(text)}&response_url={Uri.EscapeDataString(responseUrl)}&trigger_id=trig.1";

    public static string Interaction(JsonObject payload) => "payload=" + Uri.EscapeDataString(payload.ToJsonString());

    public static JsonObject ButtonPress(string value, string actionId, string user = User, string messageTs = "1700000000.000300") => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = user, ["team_id"] = Team },
        ["team"] = new JsonObject { ["id"] = Team },
        ["trigger_id"] = "trig.2",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = messageTs, ["channel_id"] = Dm },
        ["channel"] = new JsonObject { ["id"] = Dm },
        ["actions"] = new JsonArray { new JsonObject { ["action_id"] = actionId, ["value"] = value, ["type"] = "button", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Request new date" } } },
    };

    public static JsonObject Submission(string privateMetadata, JsonObject values, string user = User) => new()
    {
        ["type"] = "view_submission",
        ["user"] = new JsonObject { ["id"] = user, ["team_id"] = Team },
        ["team"] = new JsonObject { ["id"] = Team },
        ["view"] = new JsonObject
        {
            ["callback_id"] = SlackForms.CallbackId,
            ["private_metadata"] = privateMetadata,
            ["state"] = new JsonObject { ["values"] = values },
        },
    };
}
