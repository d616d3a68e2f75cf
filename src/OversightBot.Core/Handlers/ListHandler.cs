using OversightBot.Core.Conversation;
using OversightBot.Core.Domain;
using OversightBot.Core.Language;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;

namespace OversightBot.Core.Handlers;

/// <summary>
/// Items filtered by kind, status, owner or scope, source, theme, RAG and dates: "list all open recommendations",
/// "overdue recommendations for the Partnership Team", "what's due this month for my directorate", "what was
/// completed last month". The candidates come from the narrowest index (owner, overdue, due dates, closed dates).
/// </summary>
public sealed class ListHandler(IItemStore items, IPersonStore people, OwnerHandler owners)
{
    public const int PageSize = 10;
    private const int MaxScan = 20_000;

    /// <summary>What the list is of: every matching item, overdue ones, or ones due in a range.</summary>
    public enum Mode
    {
        List,
        Overdue,
        Due,
    }

    public async Task<Reply> HandleAsync(string intent, ItemFilter filter, Mode mode, DateRange? due, AskContext ctx, int offset, CancellationToken ct)
    {
        var (ownerList, ownerLabel, problem) = await OwnersAsync(filter, ctx, ct);
        if (problem is not null)
        {
            return new Reply { Intent = intent, Heading = "Whose items?", Text = problem, FollowUps = ["what's overdue?", "my items"] };
        }

        if (filter.Owner is { } notOwner && ownerList is null)
        {
            // Not an owner: read the words as a source or theme ("overdue for the Casey review") when items have them.
            if (!await AnyMatchAsync([.. SearchTerms.ForQuery(notOwner)], ct))
            {
                return new Reply
                {
                    Intent = intent,
                    Heading = "Whose items?",
                    Text = $"I don't know an owner called \"{notOwner}\", and no item mentions it. Try \"what's overdue?\" for everyone's.",
                    FollowUps = ["what's overdue?"],
                };
            }

            filter = filter with { Owner = null, Source = filter.Source ?? notOwner };
        }

        var candidates = await CandidatesAsync(filter, mode, due, ownerList, ctx, ct);
        var words = Terms(filter);
        var matched = candidates.Where(i => Permissions.CanRead(ctx.Asker, i) && Keep(i, filter, mode, due, ctx.Today) && ItemText.Matches(i, words)).ToList();
        string? ignored = null;
        if (matched.Count == 0 && words.Count > 0 && !await AnyMatchAsync(words, ct))
        {
            ignored = string.Join(' ', words);
            matched = candidates.Where(i => Permissions.CanRead(ctx.Asker, i) && Keep(i, filter, mode, due, ctx.Today)).ToList();
        }

        Sort(matched, mode, filter);
        var label = ListWording.Describe(filter, mode, due, ownerLabel, ignored is null);
        var rows = matched.Skip(offset).Take(PageSize).Select(i => ReplyItems.From(i, ctx.Today, Note(i, filter))).ToList();
        if (matched.Count == 0)
        {
            return new Reply
            {
                Intent = intent,
                Heading = mode == Mode.Overdue ? "Nothing is overdue" : $"No {label}",
                Text = mode == Mode.Overdue ? $"Nothing is overdue: there are no {label} as of {Say.Date(ctx.Today)}." : $"There are no {label}.",
                FollowUps = ["what's overdue?", "list all open items"],
            };
        }

        var heading = ListWording.Heading(matched.Count, label, mode, ctx.Today);
        var trailer = ignored is null ? null : $"Nothing matched \"{ignored}\", so I left those words out.";
        return ItemListText.ListReply(intent, heading, rows, matched.Count, offset, ctx.Today, trailer) with
        {
            Facts = ListWording.Facts(filter, due, ownerLabel),
            FollowUps = rows.Count > 0 ? [$"status {rows[0].Id}", "what's overdue?"] : ["what's overdue?"],
        };
    }

    private async Task<(IReadOnlyList<string>? Owners, string? Label, string? Problem)> OwnersAsync(ItemFilter filter, AskContext ctx, CancellationToken ct)
    {
        if (filter.Scope != Scope.None)
        {
            var (list, label) = await OwnerNames.ForScopeAsync(filter.Scope, ctx.Asker, people, ct);
            return list.Count == 0
                ? (null, null, "I don't know who you are, so I can't tell which items are yours or your team's. Ask about a team by name instead.")
                : (list, label, null);
        }

        if (filter.Owner is { } owner)
        {
            var (list, label) = await owners.ResolveAsync(owner, ct);
            return list.Count > 0 ? (list, label, null) : (null, null, null);
        }

        return (null, null, null);
    }

    private async Task<List<TrackedItem>> CandidatesAsync(ItemFilter filter, Mode mode, DateRange? due, IReadOnlyList<string>? owners, AskContext ctx, CancellationToken ct)
    {
        var openOnly = filter.Status is StatusFilter.Default or StatusFilter.Open or StatusFilter.NotStarted or StatusFilter.InProgress && filter.On != DateField.Completed;
        if (owners is not null)
        {
            return [.. (await items.ByOwnerAsync(owners, openOnly && mode != Mode.Due, 0, MaxScan, ct)).Items];
        }

        if (mode == Mode.Overdue)
        {
            return [.. (await items.OverdueAsync(ctx.Today, 0, MaxScan, ct)).Items];
        }

        if (mode == Mode.Due && due is not null)
        {
            return [.. (await items.DueBetweenAsync(due.Start, due.End, openOnly && due.End >= ctx.Today, 0, MaxScan, ct)).Items];
        }

        if (filter.On == DateField.Completed && filter.Range is { } r)
        {
            return [.. await items.ClosedBetweenAsync(r.Start, r.End, ct)];
        }

        var all = new List<TrackedItem>();
        await foreach (var item in items.AllAsync(ct))
        {
            all.Add(item);
            if (all.Count >= MaxScan)
            {
                break;
            }
        }

        return all;
    }

    private static bool Keep(TrackedItem i, ItemFilter f, Mode mode, DateRange? due, DateOnly today)
    {
        if (f.Kind is { } k && i.Kind != k)
        {
            return false;
        }

        if (f.SubKind is { } sk && !string.Equals(i.SubKind, sk, StringComparison.OrdinalIgnoreCase) && !(i.Reference ?? "").StartsWith(sk, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (mode == Mode.Overdue && !i.IsOverdue(today))
        {
            return false;
        }

        if (mode == Mode.Due && (i.Due is not { } d || due is null || !due.Contains(d) || (due.End >= today && !i.IsOpen && f.Status == StatusFilter.Default)))
        {
            return false;
        }

        var status = f.Status == StatusFilter.Default && mode == Mode.List ? (f.On == DateField.Completed ? StatusFilter.Done : StatusFilter.Open) : f.Status;
        var statusOk = status switch
        {
            StatusFilter.Open => i.IsOpen,
            StatusFilter.NotStarted => i.Status == ItemStatus.Open,
            StatusFilter.InProgress => i.Status == ItemStatus.InProgress,
            StatusFilter.Done => i.Status == ItemStatus.Done,
            StatusFilter.NotAccepted => i.Status == ItemStatus.NotAccepted,
            StatusFilter.Withdrawn => i.Status == ItemStatus.Withdrawn,
            _ => true,
        };
        if (!statusOk)
        {
            return false;
        }

        if (f.Rag is { } rag && Rag(i, today) != rag)
        {
            return false;
        }

        return f.Range is not { } r || mode != Mode.List || (f.On switch
        {
            DateField.Completed => i.Closed is { } c && r.Contains(c),
            DateField.Opened => (i.Opened ?? i.Source.Date) is var o && r.Contains(o),
            _ => i.Due is { } dd && r.Contains(dd),
        });
    }

    /// <summary>Red: overdue; amber: open and due within 30 days; green: open and on track.</summary>
    public static RagColour? Rag(TrackedItem i, DateOnly today) =>
        !i.IsOpen ? null
        : i.IsOverdue(today) ? RagColour.Red
        : i.Due is { } d && d.DayNumber - today.DayNumber <= 30 ? RagColour.Amber
        : RagColour.Green;

    private static void Sort(List<TrackedItem> list, Mode mode, ItemFilter filter)
    {
        if (filter.On == DateField.Completed)
        {
            list.Sort((a, b) => Nullable.Compare(b.Closed, a.Closed) is var c && c != 0 ? c : string.CompareOrdinal(a.Id, b.Id));
            return;
        }

        list.Sort((a, b) => (a.Due ?? DateOnly.MaxValue).CompareTo(b.Due ?? DateOnly.MaxValue) is var c && c != 0 ? c : IdOrder(a.Id, b.Id));
    }

    public static int IdOrder(string a, string b)
    {
        var pa = a.Split('-');
        var pb = b.Split('-');
        var c = string.CompareOrdinal(pa[0], pb[0]);
        return c != 0 || pa.Length < 2 || pb.Length < 2 || !int.TryParse(pa[1], out var na) || !int.TryParse(pb[1], out var nb) ? c : na.CompareTo(nb);
    }

    private static string? Note(TrackedItem i, ItemFilter f) =>
        f.On == DateField.Completed && i.Closed is { } c ? $"completed {Say.Date(c)}" : null;

    private static List<string> Terms(ItemFilter f) =>
        [.. SearchTerms.ForQuery(string.Join(' ', new[] { f.Source, f.Theme }.Where(s => s is not null)))];

    private async Task<bool> AnyMatchAsync(List<string> words, CancellationToken ct)
    {
        await foreach (var item in items.AllAsync(ct))
        {
            if (ItemText.Matches(item, words))
            {
                return true;
            }
        }

        return false;
    }
}
