using OversightBot.Core.Conversation;
using OversightBot.Core.Domain;
using OversightBot.Core.Language;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;

namespace OversightBot.Core.Handlers;

/// <summary>"What does the Strategy directorate own?" / "my actions": a person's or team's open items.</summary>
public sealed class OwnerHandler(IItemStore items, IPersonStore people)
{
    public const int PageSize = 10;

    /// <summary>More owners than this matching equally well means the words were too vague to pick.</summary>
    private const int MaxOwnersTogether = 3;

    public async Task<Reply> HandleAsync(OwnerQuery query, AskContext ctx, int offset, CancellationToken ct)
    {
        var (owners, label) = query.Scope is Scope.Team or Scope.Directorate
            ? await OwnerNames.ForScopeAsync(query.Scope, ctx.Asker, people, ct)
            : query.Mine || string.IsNullOrWhiteSpace(query.Owner)
            ? await OwnerNames.ForScopeAsync(Scope.Me, ctx.Asker, people, ct)
            : await ResolveAsync(query.Owner!, ct);
        if (owners.Count == 0)
        {
            return new Reply
            {
                Intent = query.Name,
                Heading = "Whose items?",
                Text = label.Length > 0 ? label
                    : query.Mine || string.IsNullOrWhiteSpace(query.Owner)
                    ? "I don't know who you are, so I can't list your items. Ask about a team instead, e.g. \"what does the Strategy directorate own?\"."
                    : $"I don't know an owner called \"{query.Owner}\". Owners are people or teams, e.g. \"{await ExampleOwnerAsync(ct)}\".",
                FollowUps = ["what's overdue?", "help"],
            };
        }

        var page = await items.ByOwnerAsync(owners, openOnly: true, offset, PageSize, ct);
        var rows = page.Items.Where(i => Permissions.CanRead(ctx.Asker, i)).Select(i => ReplyItems.From(i, ctx.Today)).ToList();
        if (page.Total == 0)
        {
            return new Reply { Intent = query.Name, Heading = $"Nothing open for {label}", Text = $"{label} has no open items.", FollowUps = ["what's overdue?"] };
        }

        var overdue = rows.Count(r => r.DaysOverdue > 0);
        var heading = $"{label}: {page.Total} open item{(page.Total == 1 ? "" : "s")}";
        return ItemListText.ListReply(query.Name, heading, rows, page.Total, offset, ctx.Today) with
        {
            Facts = [new ReplyFact("Owner", string.Join(", ", owners)), new ReplyFact("Overdue on this page", overdue.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            FollowUps = rows.Count > 0 ? [$"status {rows[0].Id}", "what's overdue?"] : ["what's overdue?"],
        };
    }

    private async Task<string> ExampleOwnerAsync(CancellationToken ct)
    {
        var owners = await items.OwnersAsync(ct);
        return owners.Count > 0 ? owners[0] : "Strategy and MPS Oversight Directorate";
    }

    /// <summary>A person (by email or name) or a team (by the words of its name).</summary>
    public async Task<(IReadOnlyList<string> Owners, string Label)> ResolveAsync(string words, CancellationToken ct)
    {
        var wanted = words.Trim();
        var everyone = await people.PeopleAsync(ct);
        var person = everyone.FirstOrDefault(p => string.Equals(p.Email, wanted, StringComparison.OrdinalIgnoreCase))
            ?? everyone.FirstOrDefault(p => p.Name.StartsWith(wanted, StringComparison.OrdinalIgnoreCase))
            ?? (wanted.Length >= 4 ? everyone.FirstOrDefault(p => p.Name.StartsWith(StripArticle(wanted), StringComparison.OrdinalIgnoreCase)) : null);
        if (person is not null)
        {
            return ([person.Email], person.Name);
        }

        var terms = SearchTerms.ForQuery(wanted);
        if (terms.Count == 0)
        {
            return ([], "");
        }

        var owners = await items.OwnersAsync(ct);
        var exact = owners.FirstOrDefault(o => string.Equals(o, wanted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(o, StripArticle(wanted), StringComparison.OrdinalIgnoreCase));
        if (exact is not null)
        {
            return ([exact], exact);
        }

        if (OwnerNames.ByInitials(owners, wanted) is { Count: > 0 } initials)
        {
            return (initials, string.Join(" / ", initials));
        }

        var scored = owners
            .Select(o => (Owner: o, Score: terms.Count(SearchTerms.ForQuery(o).Contains)))
            .Where(s => s.Score > 0)
            .ToList();
        if (scored.Count == 0)
        {
            var near = OwnerNames.Near(owners, terms);
            return near.Count is > 0 and <= MaxOwnersTogether ? (near, string.Join(" / ", near)) : ([], "");
        }

        var best = scored.Max(s => s.Score);
        var chosen = scored.Where(s => s.Score == best).Select(s => s.Owner).ToList();
        return chosen.Count <= MaxOwnersTogether
            ? (chosen, chosen.Count == 1 ? chosen[0] : string.Join(" / ", chosen))
            : ([], $"\"{wanted}\" matches {chosen.Count} owners, e.g. {string.Join(", ", chosen.Take(3))}. Which one?");
    }

    private static string StripArticle(string words) =>
        words.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? words[4..].Trim() : words;
}
