using LiteDB;

namespace OversightBot.Storage.LiteDb;

/// <summary>
/// Schema versions of the LiteDB file (stored as the file's UserVersion). Each step runs once, in order,
/// inside the open file; add a step for every change that existing files need (new index, renamed field).
/// </summary>
internal static class SchemaMigrations
{
    public const int Current = 6;

    private static readonly Action<LiteDatabase>[] Steps =
    [
        // 1: collections and indexes for items, boards and people.
        db =>
        {
            var items = db.GetCollection(LiteDbStore.ItemsName);
            items.EnsureIndex("due", "$.Due");
            items.EnsureIndex("openDue", "$.openDue");
            items.EnsureIndex("ownerKey", "$.ownerKey");
            items.EnsureIndex("status", "$.Status");
            items.EnsureIndex("board", "$.Board");
            items.EnsureIndex("closed", "$.Closed");
            items.EnsureIndex("terms", "$.terms[*]");
            var people = db.GetCollection(LiteDbStore.PeopleName);
            people.EnsureIndex("teams", "$.TeamsAadObjectId");
            people.EnsureIndex("slack", "$.SlackUserId");
        },

        // 2: per-day and per-owner counts, so totals never count item documents; owner + due index.
        db =>
        {
            db.GetCollection(LiteDbStore.ItemsName).EnsureIndex("ownerOpen", "$.ownerOpen");
            LiteDbStore.RebuildDayCounts(db);
        },

        // 3: conversation references (Teams proactive messages), looked up by email and by user ids.
        db =>
        {
            var refs = db.GetCollection(LiteDbStore.ConversationReferencesName);
            refs.EnsureIndex("email", "$.Email");
            refs.EnsureIndex("aad", "$.AadObjectId");
            refs.EnsureIndex("user", "$.UserId");
        },

        // 4: the proactive outbox (claim index and state), the web chat's notifications inbox, recurring items.
        db =>
        {
            var outbox = db.GetCollection(LiteDbStore.OutboxName);
            outbox.EnsureIndex("queueAt", "$.queueAt");
            outbox.EnsureIndex("state", "$.state");
            var inbox = db.GetCollection(LiteDbStore.InboxName);
            inbox.EnsureIndex("recipient", "$.recipient");
            inbox.EnsureIndex("key", "$.key");
            db.GetCollection(LiteDbStore.ItemsName).EnsureIndex("recurrence", "$.Recurrence");
        },

        // 5: ended outbox rows are pruned by when they ended.
        db => db.GetCollection(LiteDbStore.OutboxName).EnsureIndex("doneAt", "$.doneAt"),

        // 6: people's chat accounts in one map; conversation references keyed (channel, scope, id) with a channel payload.
        ChannelNeutralMigration.Apply,

        // 7: "more" state expires; slow work after an HTTP answer waits in a durable queue until it is ready.
        db =>
        {
            db.GetCollection(LiteDbStore.PageStatesName).EnsureIndex("expiresAt", "$.expiresAt");
            db.GetCollection(LiteDbStore.WorkQueueName).EnsureIndex("readyAt", "$.readyAt");
        },
    ];

    public static void Apply(LiteDatabase db) => Apply(db, Current);

    /// <summary>Runs the steps up to <paramref name="target"/> (tests build files of older versions with it).</summary>
    internal static void Apply(LiteDatabase db, int target)
    {
        if (db.UserVersion > Current)
        {
            throw new InvalidOperationException(
                $"The store file has schema version {db.UserVersion}, newer than this build understands ({Current}). Upgrade OversightBot.");
        }

        for (var v = db.UserVersion; v < target; v++)
        {
            Steps[v](db);
            db.UserVersion = v + 1;
        }
    }
}
