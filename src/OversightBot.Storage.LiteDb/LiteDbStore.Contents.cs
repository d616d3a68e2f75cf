using System.Runtime.CompilerServices;
using LiteDB;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;

namespace OversightBot.Storage.LiteDb;

/// <summary>
/// The collections the ports do not list whole, read whole (for moving the store to another database). Each is read
/// into memory first: LiteDB's read lock belongs to a thread, and the caller awaits other work between records.
/// </summary>
public sealed partial class LiteDbStore : IStoreContents
{
    public async IAsyncEnumerable<Core.Domain.Occurrence> AllOccurrencesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var doc in Occurrences.FindAll().ToList())
        {
            ct.ThrowIfCancellationRequested();
            yield return ToOccurrence(doc);
        }

        await Task.CompletedTask;
    }

    public async IAsyncEnumerable<ConversationReference> AllReferencesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var reference in References.FindAll().ToList())
        {
            ct.ThrowIfCancellationRequested();
            yield return reference;
        }

        await Task.CompletedTask;
    }

    public async IAsyncEnumerable<Notification> AllNotificationsAsync([EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var d in Inbox.FindAll().OrderBy(d => d["_id"].AsObjectId).ToList())
        {
            ct.ThrowIfCancellationRequested();
            yield return new Notification(d["key"].AsString, d["recipient"].AsString, Instant(d["at"].AsString),
                System.Text.Json.JsonSerializer.Deserialize<Reply>(d["message"].AsString, MessageJson)!);
        }

        await Task.CompletedTask;
    }

    public async IAsyncEnumerable<PageState> AllPageStatesAsync([EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var d in PageStates.FindAll().ToList())
        {
            ct.ThrowIfCancellationRequested();
            yield return new PageState(
                d["_id"].AsString, d["question"].AsString, DateOnly.Parse(d["today"].AsString, System.Globalization.CultureInfo.InvariantCulture),
                d["next"].AsInt32, Instant(d["expiresAt"].AsString));
        }

        await Task.CompletedTask;
    }

    public async IAsyncEnumerable<WorkItem> AllWorkAsync([EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var d in Work.FindAll().ToList())
        {
            ct.ThrowIfCancellationRequested();
            yield return ToWorkItem(d);
        }

        await Task.CompletedTask;
    }
}
