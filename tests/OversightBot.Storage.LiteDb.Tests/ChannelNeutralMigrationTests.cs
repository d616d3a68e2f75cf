using System.Text.Json;
using LiteDB;
using OversightBot.Core.Ports;
using OversightBot.Testing;

namespace OversightBot.Storage.LiteDb.Tests;

/// <summary>Files written before people and references became channel-neutral open with nothing lost.</summary>
public sealed class ChannelNeutralMigrationTests : IDisposable
{
    private const int Before = 5;
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task A_person_s_Teams_and_Slack_ids_become_their_channel_accounts()
    {
        var path = _folder.File("people.db");
        using (var db = OldFile(path))
        {
            db.GetCollection(LiteDbStore.PeopleName).Insert(new BsonDocument
            {
                ["_id"] = "colin.clerk@example.org",
                ["Name"] = "Colin Clerk",
                ["Role"] = "Clerk",
                ["TeamsAadObjectId"] = "aad-7",
                ["SlackUserId"] = "U07",
            });
        }

        using var store = new LiteDbStore(path);
        var person = await store.FindByAccountAsync("msteams", "aad-7", CancellationToken.None);
        Assert.Equal("Colin Clerk", person?.Name);
        Assert.Equal("U07", person!.AccountIn("slack"));
        Assert.Equal("colin.clerk@example.org", (await store.FindByAccountAsync("slack", "u07", CancellationToken.None))?.Email);
        Assert.Equal(SchemaMigrations.Current, store.SchemaVersion);
    }

    [Fact]
    public async Task A_Teams_reference_keeps_its_key_and_every_field_in_its_payload()
    {
        var path = _folder.File("refs.db");
        var at = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
        using (var db = OldFile(path))
        {
            var refs = db.GetCollection(LiteDbStore.ConversationReferencesName);
            refs.Insert(new BsonDocument
            {
                ["_id"] = "msteams:user:aad-1",
                ["Channel"] = "msteams",
                ["ServiceUrl"] = "https://smba.example/emea/",
                ["ConversationId"] = "a:1to1",
                ["TenantId"] = "tenant-1",
                ["BotId"] = "28:bot",
                ["UserId"] = "29:user",
                ["AadObjectId"] = "aad-1",
                ["Email"] = "colin.clerk@example.org",
                ["Scope"] = "personal",
                ["UpdatedAt"] = at.ToString("O"),
                ["Gone"] = true,
                ["GoneAt"] = at.AddDays(1).ToString("O"),
            });
            refs.Insert(new BsonDocument
            {
                ["_id"] = "msteams:channel:19:abc@thread.tacv2",
                ["Channel"] = "msteams",
                ["ServiceUrl"] = "https://smba.example/emea/",
                ["ConversationId"] = "19:abc@thread.tacv2",
                ["Scope"] = "channel",
                ["TeamId"] = "team-1",
                ["UpdatedAt"] = at.ToString("O"),
                ["Gone"] = false,
            });
        }

        using var store = new LiteDbStore(path);
        var user = await store.GetReferenceAsync(ReferenceKey.ForUser("msteams", "aad-1"), CancellationToken.None);
        Assert.NotNull(user);
        Assert.Equal(("msteams", "user", "aad-1"), (user.Channel, user.Scope, user.Target));
        Assert.Equal("colin.clerk@example.org", user.Email);
        Assert.Equal(at, user.UpdatedAt);
        Assert.True(user.Gone);
        Assert.Equal(at.AddDays(1), user.GoneAt);
        using var payload = JsonDocument.Parse(user.Payload);
        Assert.Equal("https://smba.example/emea/", payload.RootElement.GetProperty("serviceUrl").GetString());
        Assert.Equal("a:1to1", payload.RootElement.GetProperty("conversationId").GetString());
        Assert.Equal("tenant-1", payload.RootElement.GetProperty("tenantId").GetString());
        Assert.Equal("28:bot", payload.RootElement.GetProperty("botId").GetString());
        Assert.Equal("29:user", payload.RootElement.GetProperty("userId").GetString());
        Assert.Equal("aad-1", payload.RootElement.GetProperty("aadObjectId").GetString());
        Assert.Equal("personal", payload.RootElement.GetProperty("scope").GetString());

        var channel = Assert.Single(await store.ChannelReferencesAsync("msteams", CancellationToken.None));
        Assert.Equal("19:abc@thread.tacv2", channel.Target);
        Assert.Contains("team-1", channel.Payload, StringComparison.Ordinal);
        Assert.Equal(user, await store.FindReferenceByEmailAsync("msteams", "Colin.Clerk@example.org", CancellationToken.None));
    }

    private static LiteDatabase OldFile(string path)
    {
        var db = new LiteDatabase(path);
        SchemaMigrations.Apply(db, Before);
        return db;
    }

    public void Dispose() => _folder.Dispose();
}
