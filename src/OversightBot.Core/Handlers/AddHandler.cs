using System.Text;
using OversightBot.Core.Conversation;
using OversightBot.Core.Domain;
using OversightBot.Core.Language;
using OversightBot.Core.Ports;
using OversightBot.Core.Replies;

namespace OversightBot.Core.Handlers;

/// <summary>
/// "Add a new item: reply to Caroline Russell's letter by 1 December, owner Secretariat": clerks, managers and
/// admins create items from chat. It echoes what it understood; when the title, owner or deadline is missing it
/// asks for them and creates nothing.
/// </summary>
public sealed class AddHandler(IItemStore items, OwnerHandler owners, ItemWriteGate gate)
{
    public Task<Reply> HandleAsync(AddItem add, AskContext ctx, CancellationToken ct) => gate.RunAsync(() => AddAsync(add, ctx, ct), ct);

    private async Task<Reply> AddAsync(AddItem add, AskContext ctx, CancellationToken ct)
    {
        if (ctx.Asker is not { Role: Role.Clerk or Role.Manager or Role.Admin } asker)
        {
            return Refusal.Because(add.Name, ctx.Asker is null
                ? "I don't know who you are, so I can't add items. Ask an admin to add you."
                : "Only clerks, managers and admins add items. Ask your clerk, or say what to track and I'll tell you who can add it.");
        }

        var (ownerList, _) = add.Owner is { } o ? await owners.ResolveAsync(o, ct) : ([], "");
        var owner = ownerList.Count == 1 ? ownerList[0] : add.Owner is { } typed && typed.Contains('@', StringComparison.Ordinal) ? typed.ToLowerInvariant() : null;
        var kind = add.Kind ?? Guess(add.Title);
        var missing = new List<string>();
        if (add.Title is null)
        {
            missing.Add("what the item is (a short title)");
        }

        if (owner is null)
        {
            missing.Add(add.Owner is null ? "who owns it (\"owner Secretariat\")" : $"who owns it — \"{add.Owner}\" is not an owner I know");
        }

        if (add.Due is null && add.DueRule is null)
        {
            missing.Add("when it is due (\"by 1 December 2023\", or \"in due course\")");
        }

        if (add.Due is { } d && d < ctx.Today.AddYears(-5))
        {
            missing.Add($"a due date that is not {Say.Date(d)}");
        }

        if (missing.Count > 0)
        {
            return Ask(add, owner, kind, missing);
        }

        var prefix = kind switch { ItemKind.Recommendation => "R", ItemKind.ImprovementAction => "A", ItemKind.StatutoryDuty => "S", _ => "Q" };
        var item = new TrackedItem
        {
            Id = await items.NextIdAsync(prefix, ct),
            Kind = kind,
            SubKind = add.SubKind,
            Title = add.Title!,
            Text = add.Text,
            Owner = owner!,
            Due = add.Due,
            DueRule = add.Due is null ? add.DueRule : null,
            Status = ItemStatus.Open,
            Opened = ctx.Today,
            Source = new SourceRef { Document = add.Source ?? "Added in chat", Issuer = add.Source ?? asker.Name, Date = ctx.Today, Quote = add.Text },
        };
        item.History.Add(new HistoryEntry { At = ctx.Now, By = asker.Email, What = "created", Note = add.Text });
        await items.UpsertAsync(item, ct);
        var due = item.Due is { } dd ? Say.Date(dd) : $"no date ({item.DueRule})";
        return new Reply
        {
            Intent = add.Name,
            Heading = $"Added {item.Id}",
            Text = $"Added {item.Id}: {item.Title} — {Say.Kind(kind)}{(add.SubKind is { } sk ? $" ({sk})" : "")}, owner {item.Owner}, due {due}, source {item.Source.Document}.",
            Facts = [new("Id", item.Id), new("Title", item.Title), new("Kind", Say.Kind(kind)), new("Owner", item.Owner), new("Due", due), new("Source", item.Source.Document)],
            Items = [ReplyItems.From(item, ctx.Today)],
            Total = 1,
            Shown = 1,
            FollowUps = [$"status {item.Id}", $"history {item.Id}"],
        };
    }

    private static Reply Ask(AddItem add, string? owner, ItemKind kind, List<string> missing)
    {
        var sb = new StringBuilder("I haven't added anything yet. I understood:").AppendLine();
        sb.Append("  Title: ").AppendLine(add.Title ?? "—");
        sb.Append("  Kind: ").AppendLine(Say.Kind(kind) + (add.SubKind is { } sk ? $" ({sk})" : ""));
        sb.Append("  Owner: ").AppendLine(owner ?? add.Owner ?? "—");
        sb.Append("  Due: ").AppendLine(add.Due is { } d ? Say.Date(d) : add.DueRule ?? "—");
        if (add.Source is { } s)
        {
            sb.Append("  Source: ").AppendLine(s);
        }

        sb.AppendLine().Append("Please tell me ").Append(Say.List(missing)).Append('.');
        var example = $"add a new item: {add.Title ?? "TITLE"}, owner {owner ?? add.Owner ?? "OWNER"}, due {(add.Due is { } dd ? Say.LongDate(dd) : add.DueRule ?? "DATE")}";
        sb.AppendLine().Append("For example: \"").Append(example).Append("\".");
        return new Reply
        {
            Intent = add.Name,
            Heading = "What else do I need?",
            Text = sb.ToString(),
            Facts = [new("Missing", Say.List(missing))],
            IsError = true,
            FollowUps = [example],
        };
    }

    private static ItemKind Guess(string? title)
    {
        var t = (title ?? "").ToLowerInvariant();
        return t.StartsWith("reply", StringComparison.Ordinal) || t.StartsWith("answer", StringComparison.Ordinal) || t.StartsWith("respond", StringComparison.Ordinal)
            || t.Contains("letter", StringComparison.Ordinal) || t.Contains("question", StringComparison.Ordinal) || t.Contains("request", StringComparison.Ordinal)
            ? ItemKind.Question
            : ItemKind.ImprovementAction;
    }
}
