using OversightBot.Core.Input;

namespace OversightBot.Channels.Teams;

/// <summary>
/// What an activity must satisfy before the bot reads it: no null members in its lists, and ids short enough to
/// be stored (they become index keys). Text well-formedness is checked on the raw JSON (<see cref="JsonInput"/>).
/// </summary>
public static class ActivityRules
{
    /// <summary>Why the activity is refused, or null when it may be handled.</summary>
    public static string? Problem(Activity activity)
    {
        var nulls = NullMember(activity.MembersAdded, "membersAdded") ?? NullMember(activity.MembersRemoved, "membersRemoved")
            ?? NullMember(activity.Entities, "entities") ?? NullMember(activity.Attachments, "attachments");
        if (nulls is not null)
        {
            return nulls;
        }

        foreach (var (what, id) in Ids(activity))
        {
            if (InputRules.IdProblem(what, id) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    private static string? NullMember<T>(List<T>? list, string name) where T : class =>
        list is not null && list.Contains(null!) ? $"\"{name}\" contains a null member." : null;

    private static IEnumerable<(string What, string? Id)> Ids(Activity a)
    {
        yield return ("id", a.Id);
        yield return ("replyToId", a.ReplyToId);
        yield return ("serviceUrl", a.ServiceUrl);
        yield return ("channelId", a.ChannelId);
        yield return ("conversation.id", a.Conversation?.Id);
        yield return ("conversation.tenantId", a.Conversation?.TenantId);
        yield return ("tenant id", a.TenantId);
        yield return ("team id", a.TeamId);
        foreach (var (prefix, account) in Accounts(a))
        {
            yield return ($"{prefix}.id", account.Id);
            yield return ($"{prefix}.aadObjectId", account.AadObjectId);
            yield return ($"{prefix}.role", account.Role);
        }
    }

    private static IEnumerable<(string Prefix, ChannelAccount Account)> Accounts(Activity a)
    {
        if (a.From is { } from)
        {
            yield return ("from", from);
        }

        if (a.Recipient is { } recipient)
        {
            yield return ("recipient", recipient);
        }

        foreach (var m in a.MembersAdded ?? [])
        {
            yield return ("membersAdded[]", m);
        }

        foreach (var m in a.MembersRemoved ?? [])
        {
            yield return ("membersRemoved[]", m);
        }

        foreach (var e in a.Entities ?? [])
        {
            if (e.Mentioned is { } mentioned)
            {
                yield return ("entities[].mentioned", mentioned);
            }
        }
    }
}
