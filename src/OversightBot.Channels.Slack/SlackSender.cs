using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OversightBot.Channels.Slack.Api;
using OversightBot.Channels.Slack.BlockKit;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;

namespace OversightBot.Channels.Slack;

/// <summary>
/// Nudges, escalations and digests as direct messages. The recipient's Slack user id comes from their account
/// (linked on first contact) or, once, from <c>users.lookupByEmail</c>, and is then kept on the person; the DM
/// channel from <c>conversations.open</c> is kept in their conversation reference. A post that timed out is not
/// sent again blindly: the next attempt first reads the DM's recent history for the message's outbox key.
/// </summary>
public sealed class SlackSender(
    SlackApiClient api, IPersonStore people, IConversationReferenceStore references, IOptions<SlackOptions> options, TimeProvider clock,
    ILogger<SlackSender> log) : IMessageSender
{
    public const string MetadataType = "oversight_message";
    private readonly SlackOptions _options = options.Value;
    private readonly ConcurrentDictionary<string, byte> _uncertain = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _found = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Emails Slack did not know, and until when that answer is trusted (every dispatch asks about every recipient).</summary>
    private readonly ConcurrentDictionary<string, DateTimeOffset> _unknown = new(StringComparer.OrdinalIgnoreCase);
    private static readonly TimeSpan UnknownMemory = TimeSpan.FromMinutes(10);

    public string Channel => SlackAddress.ChannelName;

    public async Task<bool> CanReachAsync(Person recipient, CancellationToken ct)
    {
        if (!_options.CanSend)
        {
            return false;
        }

        var reference = await ReferenceAsync(recipient, ct);
        return reference is not { Gone: true } && await UserIdAsync(recipient, ct) is not null;
    }

    public async Task<SendOutcome> SendAsync(Person recipient, Reply message, string key, CancellationToken ct)
    {
        if (await UserIdAsync(recipient, ct) is not { } userId)
        {
            return new SendOutcome(SendOutcomeKind.RecipientGone, Error: "no Slack user for this email");
        }

        var dm = await DmChannelAsync(userId, ct);
        if (dm.Outcome is { } failed)
        {
            return failed;
        }

        if (_uncertain.ContainsKey(key) && await AlreadyPostedAsync(dm.Channel!, key, ct))
        {
            _uncertain.TryRemove(key, out _);
            return SendOutcome.Delivered;
        }

        var body = BlockKitRenderer.Render(message);
        body["channel"] = dm.Channel;
        body["metadata"] = new System.Text.Json.Nodes.JsonObject
        {
            ["event_type"] = MetadataType,
            ["event_payload"] = new System.Text.Json.Nodes.JsonObject { ["key"] = key },
        };
        var result = await api.PostMessageAsync(body, ct);
        if (result.Outcome == SlackApiOutcome.Uncertain)
        {
            _uncertain[key] = 0;
        }

        return await OutcomeAsync(result, userId, ct);
    }

    private async Task<ConversationReference?> ReferenceAsync(Person recipient, CancellationToken ct) =>
        recipient.AccountIn(Channel) is { } id ? await references.GetReferenceAsync(SlackAddress.UserKey(id), ct) : null;

    /// <summary>The person's Slack user id: their linked account, else looked up by email once and kept on the person.</summary>
    private async Task<string?> UserIdAsync(Person recipient, CancellationToken ct)
    {
        if ((recipient.AccountIn(Channel) ?? _found.GetValueOrDefault(recipient.Email)) is { } known)
        {
            return known;
        }

        if (_unknown.TryGetValue(recipient.Email, out var until) && clock.GetUtcNow() < until)
        {
            return null;
        }

        var found = await api.LookupByEmailAsync(recipient.Email, ct);
        if (!found.Ok || found.Body.Str("user", "id") is not { } userId)
        {
            if (found.Outcome is SlackApiOutcome.RecipientGone || found.Error == "users_not_found")
            {
                _unknown[recipient.Email] = clock.GetUtcNow() + UnknownMemory;
            }

            return null;
        }

        _found[recipient.Email] = userId;
        if (await people.GetPersonAsync(recipient.Email, ct) is { } person && person.AccountIn(Channel) is null)
        {
            person.Accounts[Channel] = userId;
            await people.UpsertPersonAsync(person, ct);
        }

        return userId;
    }

    private async Task<(string? Channel, SendOutcome? Outcome)> DmChannelAsync(string userId, CancellationToken ct)
    {
        var key = SlackAddress.UserKey(userId);
        var reference = await references.GetReferenceAsync(key, ct);
        if (reference is { Gone: true })
        {
            return (null, new SendOutcome(SendOutcomeKind.RecipientGone));
        }

        if (reference is not null && SlackAddress.From(reference) is { DmChannel: { } known })
        {
            return (known, null);
        }

        var opened = await api.OpenDmAsync(userId, ct);
        if (!opened.Ok || opened.Body.Str("channel", "id") is not { } channel)
        {
            return (null, await OutcomeAsync(opened, userId, ct));
        }

        var address = (reference is null ? null : SlackAddress.From(reference)) ?? new SlackAddress { UserId = userId };
        await references.SaveReferenceAsync(
            ConversationReference.Create(key, (address with { DmChannel = channel }).ToPayload(), clock.GetUtcNow(), reference?.Email), ct);
        return (channel, null);
    }

    private async Task<bool> AlreadyPostedAsync(string channel, string key, CancellationToken ct)
    {
        var history = await api.CallFormAsync(
            "conversations.history", [new("channel", channel), new("limit", "20"), new("include_all_metadata", "true")], ct);
        if (!history.Ok || !history.Body.TryGetProperty("messages", out var messages))
        {
            return false;
        }

        return messages.EnumerateArray().Any(m => m.Obj("metadata") is { } meta && meta.Str("event_type") == MetadataType && meta.Str("event_payload", "key") == key);
    }

    private async Task<SendOutcome> OutcomeAsync(SlackApiResult result, string userId, CancellationToken ct)
    {
        switch (result.Outcome)
        {
            case SlackApiOutcome.Ok:
                return SendOutcome.Delivered;
            case SlackApiOutcome.RateLimited:
                return new SendOutcome(SendOutcomeKind.Throttled, result.RetryAfter ?? TimeSpan.FromSeconds(1), result.Error);
            case SlackApiOutcome.RecipientGone:
                await references.MarkReferenceGoneAsync(SlackAddress.UserKey(userId), clock.GetUtcNow(), ct);
                log.LogInformation(SlackLogEvents.SlackSenderInformation1, "Slack: recipient gone ({Error})", result.Error);
                return new SendOutcome(SendOutcomeKind.RecipientGone, Error: result.Error);
            default:
                return new SendOutcome(SendOutcomeKind.Failed, Error: result.Error);
        }
    }
}
