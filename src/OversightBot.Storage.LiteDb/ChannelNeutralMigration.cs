using System.Text.Json.Nodes;
using LiteDB;

namespace OversightBot.Storage.LiteDb;

/// <summary>
/// Makes people and conversation references channel-neutral, keeping every stored value:
/// a person's <c>TeamsAadObjectId</c> and <c>SlackUserId</c> move into <c>Accounts</c> ("msteams", "slack");
/// a reference keeps its id ("{channel}:{scope}:{id}", already that shape), gains <c>Channel</c>, <c>Scope</c> and
/// <c>Target</c> from it, keeps <c>Email</c>, <c>UpdatedAt</c>, <c>Gone</c> and <c>GoneAt</c>, and every other field
/// (the Teams service URL, conversation, tenant, bot and user ids…) moves into its <c>Payload</c> JSON under its
/// camel-case name, which is how the Teams channel reads its payload.
/// </summary>
internal static class ChannelNeutralMigration
{
    private static readonly HashSet<string> NeutralFields = ["_id", "Channel", "Email", "UpdatedAt", "Gone", "GoneAt"];

    public static void Apply(LiteDatabase db)
    {
        MovePeopleAccounts(db);
        MoveReferencePayloads(db);
    }

    private static void MovePeopleAccounts(LiteDatabase db)
    {
        var people = db.GetCollection(LiteDbStore.PeopleName);
        foreach (var doc in people.FindAll().ToList())
        {
            var accounts = doc.TryGetValue("Accounts", out var a) && a.IsDocument ? a.AsDocument : new BsonDocument();
            Move(doc, "TeamsAadObjectId", accounts, "msteams");
            Move(doc, "SlackUserId", accounts, "slack");
            doc["Accounts"] = accounts;
            people.Update(doc);
        }

        people.DropIndex("teams");
        people.DropIndex("slack");
    }

    private static void Move(BsonDocument doc, string field, BsonDocument accounts, string channel)
    {
        if (doc.TryGetValue(field, out var value) && value.IsString && value.AsString.Length > 0 && !accounts.ContainsKey(channel))
        {
            accounts[channel] = value.AsString;
        }

        doc.Remove(field);
    }

    private static void MoveReferencePayloads(LiteDatabase db)
    {
        var refs = db.GetCollection(LiteDbStore.ConversationReferencesName);
        foreach (var doc in refs.FindAll().ToList())
        {
            if (doc.ContainsKey("Payload") || !doc["_id"].IsString)
            {
                continue;
            }

            var id = doc["_id"].AsString;
            var first = id.IndexOf(':', StringComparison.Ordinal);
            var second = first < 0 ? -1 : id.IndexOf(':', first + 1);
            var payload = new JsonObject();
            var neutral = new BsonDocument
            {
                ["_id"] = id,
                ["Channel"] = first > 0 ? id[..first] : (doc.TryGetValue("Channel", out var c) ? c : "msteams"),
                ["Scope"] = second > first ? id[(first + 1)..second] : "user",
                ["Target"] = second > first ? id[(second + 1)..] : id,
            };
            foreach (var (name, value) in doc)
            {
                if (NeutralFields.Contains(name))
                {
                    neutral[name] = value;
                }
                else if (!value.IsNull)
                {
                    payload[char.ToLowerInvariant(name[0]) + name[1..]] = Json(value);
                }
            }

            neutral["Payload"] = payload.ToJsonString();
            refs.Update(neutral);
        }

        refs.DropIndex("aad");
        refs.DropIndex("user");
    }

    private static JsonNode? Json(BsonValue value) => value.Type switch
    {
        BsonType.Boolean => JsonValue.Create(value.AsBoolean),
        BsonType.Int32 => JsonValue.Create(value.AsInt32),
        BsonType.Int64 => JsonValue.Create(value.AsInt64),
        BsonType.Double => JsonValue.Create(value.AsDouble),
        _ => JsonValue.Create(value.IsString ? value.AsString : value.ToString()),
    };
}
