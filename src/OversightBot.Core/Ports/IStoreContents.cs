using OversightBot.Core.Domain;

namespace OversightBot.Core.Ports;

/// <summary>
/// Everything a store holds that its other ports do not list whole: for moving a store to another database and
/// checking afterwards that both hold the same (<c>migrate-store</c>).
/// </summary>
public interface IStoreContents
{
    IAsyncEnumerable<Occurrence> AllOccurrencesAsync(CancellationToken ct);

    IAsyncEnumerable<ConversationReference> AllReferencesAsync(CancellationToken ct);

    /// <summary>Every delivery to the web chat's inbox (duplicates included), oldest first.</summary>
    IAsyncEnumerable<Notification> AllNotificationsAsync(CancellationToken ct);

    IAsyncEnumerable<PageState> AllPageStatesAsync(CancellationToken ct);

    IAsyncEnumerable<WorkItem> AllWorkAsync(CancellationToken ct);
}
