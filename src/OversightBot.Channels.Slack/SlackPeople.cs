using System.Text.Json;
using Microsoft.Extensions.Logging;
using OversightBot.Channels.Slack.Api;
using OversightBot.Core.Conversation;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;

namespace OversightBot.Channels.Slack;

/// <summary>
/// Who a Slack user is: found by their Slack user id, or on first contact linked (the core's <see cref="AccountLinker"/>)
/// by the email <c>users.info</c> reports, only when Slack says it is confirmed. Also remembers how to reach them.
/// </summary>
public sealed class SlackPeople(AccountLinker linker, SlackApiClient api, IConversationReferenceStore references, TimeProvider clock, ILogger<SlackPeople> log)
{
    public async Task<Person?> ResolveAsync(string? teamId, string? userId, string? dmChannel, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userId))
        {
            return null;
        }

        var link = await linker.ResolveAsync(SlackAddress.ChannelName, userId, c => VerifiedEmailAsync(userId, c), ct);
        if (link.Outcome == AccountLinkOutcome.Linked)
        {
            log.LogInformation(SlackLogEvents.SlackPeopleInformation1, "Slack: linked a Slack account to a person on first contact");
        }
        else if (link.Outcome == AccountLinkOutcome.Conflict)
        {
            log.LogWarning(SlackLogEvents.SlackPeopleWarning2, "Slack: a person's email matched, but another Slack account is already linked to them; answering read-only");
        }

        await RememberAsync(teamId, userId, dmChannel, link.Person, ct);
        return link.Person;
    }

    private async Task RememberAsync(string? teamId, string userId, string? dmChannel, Person? person, CancellationToken ct)
    {
        var key = SlackAddress.UserKey(userId);
        var existing = await references.GetReferenceAsync(key, ct);
        var known = existing is null ? null : SlackAddress.From(existing);
        var address = new SlackAddress { TeamId = teamId ?? known?.TeamId, UserId = userId, DmChannel = dmChannel ?? known?.DmChannel };
        var email = person?.Email ?? existing?.Email;
        if (existing is { Gone: false } && known == address && existing.Email == email)
        {
            return;
        }

        await references.SaveReferenceAsync(ConversationReference.Create(key, address.ToPayload(), clock.GetUtcNow(), email), ct);
    }

    private async Task<string?> VerifiedEmailAsync(string userId, CancellationToken ct)
    {
        var info = await api.UserInfoAsync(userId, ct);
        if (!info.Ok || info.Body.Obj("user") is not { } user)
        {
            return null;
        }

        var confirmed = !user.TryGetProperty("is_email_confirmed", out var c) || c.ValueKind != JsonValueKind.False;
        var bot = user.TryGetProperty("is_bot", out var b) && b.ValueKind == JsonValueKind.True;
        return confirmed && !bot ? user.Str("profile", "email") : null;
    }
}
