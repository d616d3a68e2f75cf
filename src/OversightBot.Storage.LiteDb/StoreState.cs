using LiteDB;

namespace OversightBot.Storage.LiteDb;

/// <summary>
/// A small record inside the store saying whether its last owner closed it cleanly. It is set to "open" and
/// checkpointed into the file as soon as a process opens the store, and set to "closed" just before a clean close
/// folds the write log into the file. A file that says "open" with no write log beside it has lost its latest
/// changes (the log was deleted, or the file was copied without it), and is refused.
/// </summary>
internal sealed record StoreState(bool Clean, int Pid, string Verb, DateTimeOffset Since)
{
    public const string CollectionName = "storeState";
    private const string Id = "owner";

    public static StoreState? Read(LiteDatabase db)
    {
        if (!db.CollectionExists(CollectionName))
        {
            return null;
        }

        var doc = db.GetCollection(CollectionName).FindById(Id);
        return doc is null
            ? null
            : new StoreState(doc["clean"].AsBoolean, doc["pid"].AsInt32, doc["verb"].AsString, DateTimeOffset.Parse(doc["since"].AsString, System.Globalization.CultureInfo.InvariantCulture));
    }

    public void Write(LiteDatabase db) =>
        db.GetCollection(CollectionName).Upsert(new BsonDocument
        {
            ["_id"] = Id,
            ["clean"] = Clean,
            ["pid"] = Pid,
            ["verb"] = Verb,
            ["since"] = Since.ToString("o", System.Globalization.CultureInfo.InvariantCulture),
        });
}
