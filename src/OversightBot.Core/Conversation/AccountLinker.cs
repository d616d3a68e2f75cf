using System.Collections.Concurrent;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;

namespace OversightBot.Core.Conversation;

public enum AccountLinkOutcome
{
    /// <summary>The account was already linked to the person.</summary>
    Known,
    /// <summary>First contact: the channel's verified email matched a person, and the account is now linked.</summary>
    Linked,
    /// <summary>No person has the account or the verified email (answered read-only).</summary>
    Unknown,
    /// <summary>The email matched a person already linked to another account in the channel (answered read-only).</summary>
    Conflict,
}

public sealed record AccountLink(Person? Person, AccountLinkOutcome Outcome);

/// <summary>
/// The rule every channel follows to know who is asking: a chat account is looked up by (channel, account id);
/// on first contact it is linked to the person whose email the channel reports as verified, unless that person
/// already has another account in the channel. Accounts that match nobody are remembered for a while, so an
/// unknown user's messages do not ask the channel for their email every time.
/// </summary>
public sealed class AccountLinker(IPersonStore people, TimeProvider clock)
{
    public static readonly TimeSpan MissMemory = TimeSpan.FromMinutes(10);
    private const int MissMemoryLimit = 10_000;
    private readonly ConcurrentDictionary<(string, string), DateTimeOffset> _misses = new();

    /// <param name="verifiedEmail">Asks the channel for the account's verified email (called on first contact only).</param>
    public async Task<AccountLink> ResolveAsync(
        string channel, string accountId, Func<CancellationToken, Task<string?>> verifiedEmail, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(accountId))
        {
            return new AccountLink(null, AccountLinkOutcome.Unknown);
        }

        if (await people.FindByAccountAsync(channel, accountId, ct) is { } known)
        {
            return new AccountLink(known, AccountLinkOutcome.Known);
        }

        var key = (channel.ToLowerInvariant(), accountId.ToLowerInvariant());
        var now = clock.GetUtcNow();
        if (_misses.TryGetValue(key, out var until) && now < until)
        {
            return new AccountLink(null, AccountLinkOutcome.Unknown);
        }

        var link = await FirstContactAsync(channel, accountId, verifiedEmail, ct);
        if (link.Person is null)
        {
            if (_misses.Count >= MissMemoryLimit)
            {
                _misses.Clear();
            }

            _misses[key] = now + MissMemory;
        }

        return link;
    }

    private async Task<AccountLink> FirstContactAsync(
        string channel, string accountId, Func<CancellationToken, Task<string?>> verifiedEmail, CancellationToken ct)
    {
        var email = await verifiedEmail(ct);
        if (string.IsNullOrWhiteSpace(email) || await people.GetPersonAsync(email, ct) is not { } person)
        {
            return new AccountLink(null, AccountLinkOutcome.Unknown);
        }

        if (person.AccountIn(channel) is { } other && !string.Equals(other, accountId, StringComparison.OrdinalIgnoreCase))
        {
            return new AccountLink(null, AccountLinkOutcome.Conflict);
        }

        person.Accounts[channel] = accountId;
        await people.UpsertPersonAsync(person, ct);
        return new AccountLink(person, AccountLinkOutcome.Linked);
    }
}
