using System.Text.Json.Nodes;

namespace OversightBot.Channels.Teams.Tests.Fakes;

/// <summary>Inbound activities shaped like the ones Teams sends.</summary>
public static class Activities
{
    public const string Tenant = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    public const string BotId = "28:" + TeamsBotHost.AppId;
    public const string UserId = "29:1a2b3c-user";
    public const string UserAad = "6d9c0f1e-0000-4000-8000-00000000abcd";
    public const string PersonalConversation = "a:1PersonalChat;with@odd:chars";

    public static JsonObject Message(string text, string serviceUrl, string conversationId = PersonalConversation, string type = "personal", string channelId = "msteams") => new()
    {
        ["type"] = "message",
        ["id"] = "1700000000001",
        ["channelId"] = channelId,
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JsonObject { ["id"] = UserId, ["name"] = "Olivia Officer", ["aadObjectId"] = UserAad },
        ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "OversightBot" },
        ["conversation"] = new JsonObject { ["id"] = conversationId, ["conversationType"] = type, ["tenantId"] = Tenant },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = Tenant } },
        ["text"] = text,
        ["textFormat"] = "plain",
    };

    public static JsonObject Invoke(string serviceUrl, JsonObject data, string replyToId = "card-activity-1")
    {
        var activity = Message("", serviceUrl);
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity["replyToId"] = replyToId;
        activity.Remove("text");
        activity["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = data["verb"]?.DeepClone(), ["data"] = data },
            ["trigger"] = "manual",
        };
        return activity;
    }
}
