using Microsoft.Extensions.Logging;
using OversightBot.Core.Conversation;
using OversightBot.Core.Domain;

namespace OversightBot.Channels.Teams;

/// <summary>
/// Maps a Teams user to a person by their Entra object id, following the core's <see cref="AccountLinker"/> rule:
/// on first contact, the email the Connector's member look-up returns links the account. Unknown users are
/// answered read-only.
/// </summary>
public sealed class TeamsPeople(AccountLinker linker, ConnectorClient connector, ILogger<TeamsPeople> log)
{
    public async Task<Person?> ResolveAsync(Activity activity, CancellationToken ct)
    {
        if (activity.From?.AadObjectId is not { Length: > 0 } aad)
        {
            return null;
        }

        var link = await linker.ResolveAsync(TeamsReferences.ChannelName, aad, c => VerifiedEmailAsync(activity, c), ct);
        switch (link.Outcome)
        {
            case AccountLinkOutcome.Linked:
                log.LogInformation(TeamsLogEvents.PersonLinked, "Teams: linked a Teams account to a person on first contact");
                break;
            case AccountLinkOutcome.Conflict:
                log.LogWarning(TeamsLogEvents.PersonAlreadyLinked, "Teams: a person's email matched, but another Teams account is already linked to them; answering read-only");
                break;
            case AccountLinkOutcome.Unknown:
                log.LogDebug(TeamsLogEvents.UnknownPerson, "Teams: user {AadObjectId} is not a known person", aad);
                break;
        }

        return link.Person;
    }

    private async Task<string?> VerifiedEmailAsync(Activity activity, CancellationToken ct)
    {
        if (activity.ServiceUrl is not { } serviceUrl || activity.Conversation?.Id is not { } conversation || activity.From?.Id is not { } userId)
        {
            return null;
        }

        var member = await connector.GetMemberAsync(serviceUrl, conversation, userId, ct);
        return member?.Email ?? member?.UserPrincipalName;
    }
}
