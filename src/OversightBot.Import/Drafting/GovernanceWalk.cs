using OversightBot.Core.Domain;
using OversightBot.Core.Language;

namespace OversightBot.Import.Drafting;

/// <summary>The paragraph-by-paragraph state of drafting a governance statement.</summary>
internal sealed class GovernanceWalk(DraftSource source, IReadOnlyList<string> documentWarnings)
{
    private sealed record Action(Para Para, string Owner, string Section, DateOnly? Due, string Rule, bool Assumed)
    {
        public List<string> Children { get; } = [];
    }

    private readonly List<Action> _actions = [];
    private string _section = "";
    private DateOnly? _focusDue;
    private string _focusRule = "";
    private string? _listOwner;
    private Action? _nestParent;

    /// <summary>Takes one paragraph; false once the statement's summary table (which repeats section 5) is reached.</summary>
    public bool Step(Para p)
    {
        if (!p.Bullet && GovernanceDrafter.SubSection().Match(p.Text) is { Success: true } sub)
        {
            (_section, _focusDue, _listOwner, _nestParent) = (sub.Groups[3].Value.Trim(), null, null, null);
            return true;
        }

        if (!p.Bullet && GovernanceDrafter.TopSection().IsMatch(p.Text) && _actions.Count > 0)
        {
            return false;
        }

        if (!p.Bullet && GovernanceDrafter.FocusHeading().IsMatch(p.Text))
        {
            (_focusDue, _focusRule, _listOwner, _nestParent) = (GovernanceDrafter.FinancialYearEnd(p.Text), p.Text, null, null);
            return true;
        }

        if (_focusDue is null)
        {
            return true;
        }

        if (p.Text is "Our arrangements" || p.StartsWith("Actions and key developments"))
        {
            _focusDue = null;
            return true;
        }

        if (p.Bullet)
        {
            Bullet(p);
        }
        else
        {
            Prose(p);
        }

        return true;
    }

    private void Prose(Para p)
    {
        _nestParent = null;
        var text = p.Text.TrimEnd();
        if ((text.EndsWith(':') || text.EndsWith('-')) && text.Contains(" will", StringComparison.Ordinal))
        {
            _listOwner = Bodies.SubjectOf(text) ?? source.Issuer;
            return;
        }

        _listOwner = null;
        if (GovernanceDrafter.IsImperative(text))
        {
            _actions.Add(new Action(p, source.Issuer, _section, _focusDue, _focusRule, Assumed: true));
        }
    }

    private void Bullet(Para p)
    {
        if (_listOwner is null || GovernanceDrafter.IsPastAchievement(p.Text))
        {
            return;
        }

        if ((p.Level > 0 || _nestParent is not null) && (_nestParent ?? _actions.LastOrDefault()) is { } parent)
        {
            parent.Children.Add(p.Text);
            return;
        }

        var owner = Bodies.SubjectOf(p.Text) ?? _listOwner;
        var action = new Action(p, owner, _section, _focusDue, _focusRule, Assumed: false);
        _actions.Add(action);
        _nestParent = p.Text.TrimEnd().EndsWith("will:", StringComparison.Ordinal) ? action : null;
    }

    public IReadOnlyList<Draft> Drafts()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var drafts = new List<Draft>();
        foreach (var a in _actions)
        {
            var hash = DraftIds.Hash("governance", source.Document, a.Para.Text);
            if (seen.Add(hash))
            {
                drafts.Add(ToDraft(a, hash));
            }
        }

        return drafts;
    }

    private Draft ToDraft(Action a, string hash)
    {
        var warnings = new List<string>(documentWarnings);
        var (due, rule) = (a.Due, a.Rule);
        if (ExplicitDeadline(a.Para.Text) is { } stated && source.Date is { } date && DeadlineResolver.Resolve(stated, date).Due is { } d)
        {
            (due, rule) = (d, stated);
        }

        if (a.Assumed)
        {
            warnings.Add($"stands outside a '… will:' list: owner assumed to be {a.Owner}; confirm it");
        }

        var lead = a.Para.Text.StartsWith("In addition, ", StringComparison.Ordinal) ? Titles.AfterModal(a.Para.Text) : a.Para.Text;
        var text = a.Children.Count == 0 ? a.Para.Text : a.Para.Text + "\n" + string.Join("\n", a.Children.Select(c => "- " + c));
        return new Draft
        {
            Id = DraftIds.FromHash(ItemKind.ImprovementAction, hash),
            Kind = ItemKind.ImprovementAction,
            SubKind = "AGS",
            Title = Titles.From(lead),
            Text = text,
            Owner = a.Owner,
            Due = due,
            DuePrecision = due is null ? null : "day",
            DueRule = rule,
            Section = a.Section,
            Opened = source.Date,
            Source = source with { Quote = a.Para.Text },
            Warnings = warnings,
            ContentHash = hash,
        };
    }

    private static string? ExplicitDeadline(string text)
    {
        foreach (var marker in new[] { " by ", " within ", " during ", " by the end of " })
        {
            var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at >= 0)
            {
                return text[(at + 1)..];
            }
        }

        return null;
    }
}
