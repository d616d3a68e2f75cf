using System.Text.Json;
using LiteDB;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;

namespace OversightBot.Storage.LiteDb;

/// <summary>The web chat's notifications inbox, and the indexed recurring-items query used by the planner.</summary>
public sealed partial class LiteDbStore : INotificationInbox
{
    internal const string InboxName = "inbox";

    private ILiteCollection<BsonDocument> Inbox => _db.GetCollection(InboxName);

    public Task AddNotificationAsync(Notification notification, CancellationToken ct)
    {
        Inbox.Insert(new BsonDocument
        {
            ["_id"] = ObjectId.NewObjectId(),
            ["key"] = notification.Key,
            ["recipient"] = notification.Recipient.Trim().ToLowerInvariant(),
            ["at"] = Utc(notification.At),
            ["message"] = System.Text.Json.JsonSerializer.Serialize(notification.Message, MessageJson),
        });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Notification>> NotificationsAsync(string recipient, int take, CancellationToken ct)
    {
        IReadOnlyList<Notification> list = Inbox.Find(Query.EQ("recipient", recipient.Trim().ToLowerInvariant()))
            .Select(d => new Notification(
                d["key"].AsString, d["recipient"].AsString, Instant(d["at"].AsString),
                System.Text.Json.JsonSerializer.Deserialize<Reply>(d["message"].AsString, MessageJson)!))
            .DistinctBy(n => n.Key, StringComparer.Ordinal)
            .OrderByDescending(n => n.At).Take(take).ToList();
        return Task.FromResult(list);
    }

    public Task<IReadOnlyDictionary<string, int>> DeliveryCountsAsync(CancellationToken ct)
    {
        IReadOnlyDictionary<string, int> counts = Inbox.FindAll().GroupBy(d => d["key"].AsString, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return Task.FromResult(counts);
    }

    public Task<IReadOnlyList<TrackedItem>> RecurringOpenAsync(CancellationToken ct)
    {
        IReadOnlyList<TrackedItem> list = Items.Find(Query.In("Recurrence", new BsonValue(nameof(Recurrence.Monthly)), new BsonValue(nameof(Recurrence.Quarterly)), new BsonValue(nameof(Recurrence.Annually))))
            .Select(ToItem).Where(i => i.IsOpen && i.Series is null).ToList();
        return Task.FromResult(list);
    }
}
