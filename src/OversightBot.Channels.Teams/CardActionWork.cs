using System.Text.Json;
using Microsoft.Extensions.Options;
using OversightBot.Core.Conversation;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;

namespace OversightBot.Channels.Teams;

/// <summary>
/// A card action that outlived Teams' invoke budget, kept in the durable work queue until its card is replaced.
/// The request that started it usually finishes it; after a crash the host's worker runs the command again (unless
/// the reply was already kept as progress) and updates the card.
/// </summary>
public sealed class CardActionWork(
    ConversationService conversation, IPersonStore people, ConnectorClient connector, IOptions<TeamsOptions> options) : IWorkHandler
{
    public const string WorkKind = "msteams.card-action";

    public string Kind => WorkKind;

    /// <summary>What is kept: where the card is, the command and who pressed it.</summary>
    public sealed record Payload(string ServiceUrl, string ConversationId, string? ConversationType, string? ReplyToId, string Command, string? AskerEmail);

    public static WorkItem Item(Activity activity, string command, string? askerEmail, DateTimeOffset leaseUntil) => new()
    {
        Id = $"msteams:card-action:{activity.Conversation!.Id}:{activity.Id ?? Guid.NewGuid().ToString("N")}",
        Kind = WorkKind,
        Payload = JsonSerializer.Serialize(
            new Payload(activity.ServiceUrl!, activity.Conversation.Id!, activity.Conversation.ConversationType, activity.ReplyToId, command, askerEmail),
            TeamsJson.Options),
        ReadyAt = leaseUntil,
        Attempts = 1,
    };

    public async Task RunAsync(WorkItem item, CancellationToken ct)
    {
        var payload = JsonSerializer.Deserialize<Payload>(item.Payload, TeamsJson.Options)
            ?? throw new InvalidOperationException("The work item carries no card action.");
        var reply = item.Progress is { } kept
            ? JsonSerializer.Deserialize<Reply>(kept, TeamsJson.Options)!
            : await conversation.HandleAsync(new InboundMessage
            {
                Channel = TeamsReferences.ChannelName,
                Text = payload.Command,
                Asker = payload.AskerEmail is { } email ? await people.GetPersonAsync(email, ct) : null,
                ConversationId = payload.ConversationId,
            }, ct);
        var result = await DeliverAsync(payload, reply, ct);
        if (!result.Ok)
        {
            throw new HttpRequestException($"The card could not be replaced ({result.Status} {result.Error}).");
        }
    }

    /// <summary>Replaces the pressed card with the reply (or posts it when the card is unknown).</summary>
    public async Task<ConnectorResult> DeliverAsync(Payload payload, Reply reply, CancellationToken ct)
    {
        var card = TeamsMessages.Card(reply, options.Value.MaxCardBytes);
        card.Conversation = new ConversationAccount { Id = payload.ConversationId, ConversationType = payload.ConversationType };
        return payload.ReplyToId is { } cardId
            ? await connector.UpdateActivityAsync(payload.ServiceUrl, payload.ConversationId, cardId, card, ct)
            : await connector.SendToConversationAsync(payload.ServiceUrl, payload.ConversationId, card, ConnectorPath.Proactive, ct);
    }
}
