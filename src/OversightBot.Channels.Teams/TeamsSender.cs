using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;

namespace OversightBot.Channels.Teams;

/// <summary>
/// Proactive messages (nudges, digests) to one person in Teams, through their stored conversation reference;
/// opens the 1:1 conversation first when only the user is known. 403 BotNotInConversationRoster = recipient gone.
/// </summary>
public sealed class TeamsSender(
    IConversationReferenceStore references, ConnectorClient connector, IOptions<TeamsOptions> options, TimeProvider clock, ILogger<TeamsSender> log)
    : IMessageSender
{
    private readonly TeamsOptions _options = options.Value;

    public string Channel => TeamsReferences.ChannelName;

    public async Task<bool> CanReachAsync(Person recipient, CancellationToken ct) =>
        await FindAsync(recipient, ct) is { Gone: false };

    public async Task<SendOutcome> SendAsync(Person recipient, Reply message, string key, CancellationToken ct)
    {
        var reference = await FindAsync(recipient, ct);
        if (reference is null)
        {
            return new SendOutcome(SendOutcomeKind.Failed, Error: "no Teams conversation reference for this person");
        }

        if (reference.Gone)
        {
            return new SendOutcome(SendOutcomeKind.RecipientGone);
        }

        if (TeamsAddress.From(reference) is not { } address)
        {
            return new SendOutcome(SendOutcomeKind.Failed, Error: "the Teams reference has no service URL");
        }

        var conversationId = address.ConversationId;
        if (conversationId is null)
        {
            var opened = await OpenConversationAsync(reference, address, ct);
            if (opened.Outcome is { } failed)
            {
                return failed;
            }

            conversationId = opened.ConversationId!;
        }

        var activity = TeamsMessages.Card(message, _options.MaxCardBytes);
        var result = await connector.SendToConversationAsync(address.ServiceUrl, conversationId, activity, ConnectorPath.Proactive, ct);
        var outcome = await OutcomeAsync(reference, result, ct);
        log.LogInformation(TeamsLogEvents.ProactiveSent, "Teams: proactive message {Key} → {Outcome}", key, outcome.Kind);
        return outcome;
    }

    private async Task<ConversationReference?> FindAsync(Person recipient, CancellationToken ct) =>
        await references.FindReferenceByEmailAsync(Channel, recipient.Email, ct)
        ?? (recipient.AccountIn(Channel) is { } aad ? await references.GetReferenceAsync(TeamsReferences.UserKey(aad), ct) : null);

    private async Task<(string? ConversationId, SendOutcome? Outcome)> OpenConversationAsync(
        ConversationReference reference, TeamsAddress address, CancellationToken ct)
    {
        if (address.UserId is null)
        {
            return (null, new SendOutcome(SendOutcomeKind.Failed, Error: "the reference has no user id"));
        }

        var botId = address.BotId ?? (_options.AppId is { Length: > 0 } app ? "28:" + app : "28:bot");
        var parameters = new
        {
            isGroup = false,
            bot = new { id = botId },
            members = new[] { new { id = address.UserId } },
            tenantId = address.TenantId,
            channelData = new { tenant = new { id = address.TenantId } },
        };
        var result = await connector.CreateConversationAsync(address.ServiceUrl, parameters, ConnectorPath.Proactive, ct);
        if (!result.Ok || result.Id is not { } conversationId)
        {
            return (null, await OutcomeAsync(reference, result.Ok ? result with { Status = 0, Error = "no conversation id" } : result, ct));
        }

        var opened = address with { ConversationId = conversationId };
        await references.SaveReferenceAsync(reference with { Payload = opened.ToPayload(), UpdatedAt = clock.GetUtcNow() }, ct);
        return (conversationId, null);
    }

    private async Task<SendOutcome> OutcomeAsync(ConversationReference reference, ConnectorResult result, CancellationToken ct)
    {
        if (result.Ok)
        {
            return SendOutcome.Delivered;
        }

        if (result.RecipientGone)
        {
            await references.MarkReferenceGoneAsync(reference.Key(), clock.GetUtcNow(), ct);
            return new SendOutcome(SendOutcomeKind.RecipientGone, Error: "BotNotInConversationRoster");
        }

        return result.Throttled
            ? new SendOutcome(SendOutcomeKind.Throttled, result.RetryAfter ?? TimeSpan.FromSeconds(5)) { Scope = result.Scope }
            : new SendOutcome(SendOutcomeKind.Failed, Error: result.Error ?? $"HTTP {result.Status}");
    }
}
