namespace OversightBot.Core.Language.Dates;

/// <summary>
/// Open-ended and deadline forms: before/after/since/until X, "by X" (deadline), "by the end of X", "no later than X",
/// "by close of play Friday", "X or later"; and phrases that must get no date ("in due course", seasons).
/// </summary>
internal sealed partial class DateScanner
{
    private Node? Modified(int i, out int end)
    {
        end = i;
        var t = _t[i].Text;
        if (Unresolvable(i, out var ue) is { } u)
        {
            end = ue;
            return u;
        }

        string? mod = null;
        var j = i + 1;
        var deadline = false;
        switch (t)
        {
            case "before" or "earlier" when t == "before" || W(i + 1, "than"):
                mod = "before";
                j = t == "earlier" ? i + 2 : i + 1;
                break;
            case "prior" when W(i + 1, "to"):
                mod = "before";
                j = i + 2;
                break;
            case "by":
                mod = "before";
                deadline = true;
                break;
            case "no" or "not" when W(i + 1, "later") && W(i + 2, "than"):
                mod = "before";
                deadline = true;
                j = i + 3;
                break;
            case "after" or "later" when t == "after" || W(i + 1, "than"):
                mod = "after";
                j = t == "later" ? i + 2 : i + 1;
                break;
            case "since":
                mod = "since";
                break;
            case "starting" or "beginning":
                mod = "since";
                j = W(i + 1, "on") || W(i + 1, "from") ? i + 2 : i + 1;
                break;
            case "as" when (W(i + 1, "early") || W(i + 1, "late")) && W(i + 2, "as"):
                mod = W(i + 1, "early") ? "since" : "until";
                j = i + 3;
                break;
            case "until" or "till":
                mod = "until";
                break;
        }

        if (mod is null)
        {
            return Suffixed(i, out end);
        }

        if ((W(j, "close") && W(j + 1, "of") && (W(j + 2, "play") || W(j + 2, "business"))) || W(j, "cob") || W(j, "cop"))
        {
            j += W(j, "close") ? 3 : 1;
            if (W(j, "on"))
            {
                j++;
            }
        }

        if (W(j, "end") && W(j + 1, "of"))
        {
            j--;
        }

        if ((W(j, "the") || W(j + 1, "end")) && W(j + 1, "end") && W(j + 2, "of") && mod is "before" or "until")
        {
            var inner0 = Simple(j + 3, out var ie0) ?? Simple(j + 4, out ie0);
            if (inner0?.End is { } e0 && inner0.Type == "daterange")
            {
                end = ie0;
                return new Node { Type = "daterange", Timex = inner0.Timex, End = e0, Mod = "before-end", Grain = 'O' };
            }
        }

        if (W(j, "the") && W(j + 1, "year") && IsNum(j + 2))
        {
            j++;
        }

        if (W(j, "the") && (W(j + 1, "end") || W(j + 1, "beginning") || W(j + 1, "start") || W(j + 1, "middle")))
        {
            j++;
        }

        var inner = RangeExpr(j, out var ie) ?? Simple(j, out ie);
        if (inner is null || inner.Type is not ("date" or "daterange"))
        {
            return null;
        }

        if (inner.Mod is "start" or "mid" or "end")
        {
            end = ie;
            var edged = new Node { Type = "daterange", Timex = inner.Timex, Mod = $"{mod}-{inner.Mod}", Grain = 'O', Partial = inner.Partial };
            switch (mod)
            {
                case "before" or "until":
                    edged.End = inner.Start;
                    break;
                case "after":
                    edged.Start = inner.Mod == "start" ? inner.Start : inner.End;
                    break;
                default:
                    edged.Start = inner.Start;
                    break;
            }

            return edged;
        }

        if (inner.Mod is not null)
        {
            return null;
        }

        end = ie;
        var n = new Node { Type = "daterange", Timex = inner.Timex, Mod = mod, Grain = 'O', Partial = inner.Partial };
        switch (mod)
        {
            case "before":
                n.End = inner.Value ?? inner.Start;
                n.Deadline = deadline;
                break;
            case "until":
                n.End = inner.Value ?? inner.End;
                n.Deadline = true;
                break;
            case "after":
                n.Start = inner.Value ?? inner.End;
                break;
            default:
                n.Start = inner.First;
                break;
        }

        return n.Start is null && n.End is null ? null : n;
    }

    /// <summary>"2018 or later", "1/1/2016 and after", "year 2016 and greater".</summary>
    private Node? Suffixed(int i, out int end)
    {
        end = i;
        var inner = Simple(i, out var e);
        if (inner is null || inner.Type is not ("date" or "daterange") || !(W(e, "or") || W(e, "and")) || !(W(e + 1, "later") || W(e + 1, "after") || W(e + 1, "greater")))
        {
            return null;
        }

        end = e + 2;
        return new Node { Type = "daterange", Timex = inner.Timex, Mod = "since", Start = inner.First, Grain = 'O' };
    }

    /// <summary>Phrases that name a time without fixing a date: reported, never resolved.</summary>
    private Node? Unresolvable(int i, out int end)
    {
        end = i;
        if (W(i, "in") && W(i + 1, "due") && W(i + 2, "course"))
        {
            end = i + 3;
            return new Node { Type = "unresolved", Grain = 'O' };
        }

        var j = W(i, "by") || W(i, "before") || W(i, "this") || W(i, "next") || W(i, "last") ? i + 1 : i;
        if (j < N && _t[j].Text is "spring" or "summer" or "autumn" or "fall" or "winter")
        {
            var code = _t[j].Text switch { "spring" => "SP", "summer" => "SU", "winter" => "WI", _ => "FA" };
            end = j + 1;
            var year = IsNum(end) && _t[end].Text.Length == 4 ? Num(end) : W(i, "next") ? _ref.Year + 1 : W(i, "last") ? _ref.Year - 1 : W(i, "this") ? _ref.Year : 0;
            if (IsNum(end) && _t[end].Text.Length == 4)
            {
                end++;
            }

            if (W(j + 1, "recess"))
            {
                end = j + 2;
                return new Node { Type = "unresolved", Grain = 'O' };
            }

            return new Node { Type = "daterange", Timex = year > 0 ? $"{Tx.Y(year)}-{code}" : code, Grain = 'O' };
        }

        if (VaguePhrase(i, out var ve))
        {
            end = ve;
            return new Node { Type = "unresolved", Grain = 'O' };
        }

        if ((W(i, "before") || W(i, "after")) && W(i + 1, "the") && i + 2 < N && _t[i + 2].Text is "pre" or "election" or "recess" or "summer")
        {
            end = i + 3;
            while (end < N && end < i + 6 && (P(end, "-") || _t[end].Text is "election" or "period" or "recess"))
            {
                end++;
            }

            return new Node { Type = "unresolved", Grain = 'O' };
        }

        return null;
    }
}
