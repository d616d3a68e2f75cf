using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;

namespace OversightBot.Channels.Teams;

/// <summary>
/// Maps a Teams user to a person: by Entra object id; the first time, by the email the Connector's member
/// lookup returns, and then the object id is stored on the person. Unknown users are answered read-only.
/// </summary>
public sealed class TeamsPeople(IPersonStore people, ConnectorClient connector, TimeProvider clock, ILogger<TeamsPeople> log)
{
    private static readonly TimeSpan MissMemory = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _misses = new(StringComparer.Ordinal);

    public async Task<Person?> ResolveAsync(Activity activity, CancellationToken ct)
    {
        var aad = activity.From?.AadObjectId;
        if (string.IsNullOrWhiteSpace(aad))
        {
            return null;
        }

        if (await people.FindByTeamsIdAsync(aad, ct) is { } known)
        {
            return known;
        }

        var now = clock.GetUtcNow();
        if (_misses.TryGetValue(aad, out var until) && now < until)
        {
            return null;
        }

        var person = await FirstSeenAsync(activity, aad, ct);
        if (person is null)
        {
            _misses[aad] = now + MissMemory;
        }

        return person;
    }

    private async Task<Person?> FirstSeenAsync(Activity activity, string aad, CancellationToken ct)
    {
        if (activity.ServiceUrl is not { } serviceUrl || activity.Conversation?.Id is not { } conversation || activity.From?.Id is not { } userId)
        {
            return null;
        }

        var member = await connector.GetMemberAsync(serviceUrl, conversation, userId, ct);
        var email = member?.Email ?? member?.UserPrincipalName;
        if (string.IsNullOrWhiteSpace(email) || await people.GetPersonAsync(email, ct) is not { } person)
        {
            log.LogDebug(TeamsLogEvents.UnknownPerson, "Teams: user {AadObjectId} is not a known person", aad);
            return null;
        }

        if (person.TeamsAadObjectId is { Length: > 0 } other && !string.Equals(other, aad, StringComparison.OrdinalIgnoreCase))
        {
            log.LogWarning(TeamsLogEvents.PersonAlreadyLinked, "Teams: a person's email matched, but another Teams account is already linked to them; answering read-only");
            return null;
        }

        person.TeamsAadObjectId = aad;
        await people.UpsertPersonAsync(person, ct);
        log.LogInformation(TeamsLogEvents.PersonLinked, "Teams: linked a Teams account to a person on first contact");
        return person;
    }
}
