namespace OversightBot.Core.Language.Dates;

/// <summary>Quantities of time: "3 days", "an hour and a half", "few weeks", "3.5years", "more than 2 hours".</summary>
internal sealed partial class DateScanner
{
    private static char UnitOf(string w) => w switch
    {
        "year" or "years" or "yr" or "yrs" or "y" => 'Y',
        "month" or "months" => 'M',
        "week" or "weeks" or "wk" or "wks" or "w" => 'W',
        "fortnight" or "fortnights" => 'F',
        "day" or "days" or "night" or "nights" or "d" => 'D',
        "hour" or "hours" or "hr" or "hrs" or "h" => 'H',
        "minute" or "minutes" or "min" or "mins" => 'N',
        "second" or "seconds" or "sec" or "secs" or "s" => 'S',
        _ => '\0',
    };

    private static decimal SecondsPer(char u) => u switch
    {
        'Y' => 31_536_000, 'M' => 2_592_000, 'W' => 604_800, 'D' or 'B' => 86_400, 'H' => 3600, 'N' => 60, _ => 1,
    };

    private static string Iso8601(decimal n, char u) => u switch
    {
        'H' => $"PT{Tx.Num(n)}H", 'N' => $"PT{Tx.Num(n)}M", 'S' => $"PT{Tx.Num(n)}S", 'B' => $"P{Tx.Num(n)}BD", _ => $"P{Tx.Num(n)}{u}",
    };

    /// <summary>A number written in digits or words: 3, 3.5, a, few, several, twenty-four, twenty and four, one and a half.</summary>
    private bool Amount(int i, out decimal n, out int end)
    {
        n = 0;
        end = i;
        if (i >= N)
        {
            return false;
        }

        var t = _t[i].Text;
        if (IsNum(i) && _t[i].Text.Length <= 6)
        {
            n = Num(i);
            end = i + 1;
            if (P(end, ".") && Adj(end) && IsNum(end + 1) && Adj(end + 1) && _t[end + 1].Text.Length <= 4)
            {
                n += Num(end + 1) / (decimal)Math.Pow(10, _t[end + 1].Text.Length);
                end += 2;
            }
        }
        else if (t == "½")
        {
            n = 0.5m;
            end = i + 1;
        }
        else if ((t is "a" or "an") && (W(i + 1, "few") || W(i + 1, "couple")))
        {
            n = W(i + 1, "few") ? 3 : 2;
            end = W(i + 2, "of") ? i + 3 : i + 2;
        }
        else if (Lexicon.Tens.TryGetValue(t, out var tens))
        {
            n = tens;
            end = i + 1;
            var k = P(end, "-") ? end + 1 : W(end, "and") ? end + 1 : end;
            if (k < N && Lexicon.Units.TryGetValue(_t[k].Text, out var u) && u is >= 1 and <= 9 && _t[k].Text is not ("a" or "an" or "few" or "some" or "several" or "couple"))
            {
                n += u;
                end = k + 1;
            }
        }
        else if (Lexicon.Units.TryGetValue(t, out var unit))
        {
            n = unit;
            end = t == "couple" && W(i + 1, "of") ? i + 2 : i + 1;
        }
        else
        {
            return false;
        }

        if (W(end, "and") && (W(end + 1, "a") && (W(end + 2, "half") || W(end + 2, "quarter")) || W(end + 1, "half")))
        {
            var half = W(end + 1, "half") || W(end + 2, "half");
            n += half ? 0.5m : 0.25m;
            end += W(end + 1, "a") ? 3 : 2;
        }

        return true;
    }

    /// <summary>An amount and a unit; 'F' fortnights come back as 2 weeks, 'B' is business/working days.</summary>
    private bool Quantity(int i, out decimal n, out char unit, out int end)
    {
        unit = '\0';
        end = i;
        if (!Amount(i, out n, out var k))
        {
            return false;
        }

        if ((W(k, "business") || W(k, "working")) && (W(k + 1, "days") || W(k + 1, "day")))
        {
            unit = 'B';
            end = k + 2;
            return true;
        }

        if (k >= N || _t[k].Kind != TokKind.Word)
        {
            return false;
        }

        unit = UnitOf(_t[k].Text);
        var letterUnit = _t[k].Text.Length == 1;
        if (unit == '\0' || (letterUnit && (!Adj(k) || !IsNum(i))) || (unit == 'S' && _t[i].Text == "a") || (_t[i].Text == "some" && unit is 'Y' or 'M'))
        {
            return false;
        }

        end = k + 1;
        if (unit == 'F')
        {
            unit = 'W';
            n *= 2;
        }

        if (W(end, "and") && (W(end + 1, "a") && (W(end + 2, "half") || W(end + 2, "quarter")) || W(end + 1, "half")))
        {
            n += W(end + 1, "half") || W(end + 2, "half") ? 0.5m : 0.25m;
            end += W(end + 1, "a") ? 3 : 2;
        }

        return true;
    }

    private Node? Duration(int i, out int end)
    {
        end = i;
        var j = i;
        string? mod = null;
        if ((W(j, "more") || W(j, "less")) && W(j + 1, "than"))
        {
            mod = W(j, "more") ? "more" : "less";
            j += 2;
        }

        if ((W(j, "all") || W(j, "another")) && j + 1 < N && UnitOf(_t[j + 1].Text) is var u0 and ('Y' or 'M' or 'W' or 'D') && _t[j + 1].Text.Length > 1)
        {
            end = j + 2;
            return new Node { Type = "duration", Timex = $"P1{u0}", Seconds = SecondsPer(u0), Mod = mod };
        }

        if (Amount(j, out var nwe, out var wee) && W(wee, "weekends") && _t[j].Text is not ("a" or "an"))
        {
            end = wee + 1;
            return new Node { Type = "duration", Timex = $"P{Tx.Num(nwe)}WE", Seconds = nwe * 2 * 86_400, Mod = mod };
        }

        if (!Quantity(j, out var n, out var unit, out var e))
        {
            return null;
        }

        if (mod is not null && unit is 'Y' or 'M' or 'W' or 'D' && (W(e, "before") || W(e, "after")) && Anchor(e + 1, out var anchor, out var ae))
        {
            end = ae;
            var before = W(e, "before");
            var edge = Add(anchor, unit, n, before ? -1 : 1);
            if (mod == "less" && !before)
            {
                return Node.Range(anchor, edge, Tx.Span(anchor, edge, Iso8601(n, unit)), 'O');
            }

            return before
                ? new Node { Type = "daterange", Timex = Tx.D(edge), End = edge, Mod = "before", Grain = 'O' }
                : new Node { Type = "daterange", Timex = Tx.D(edge), Start = edge, Mod = "after", Grain = 'O' };
        }

        var seconds = n * SecondsPer(unit);
        var timex = Iso8601(n, unit);
        if (W(e, "and") && unit == 'H' && Quantity(e + 1, out var n2, out var u2, out var e2) && u2 == 'N')
        {
            seconds += n2 * 60;
            timex = $"PT{Tx.Num(n)}H{Tx.Num(n2)}M";
            e = e2;
        }

        end = e;
        return new Node { Type = "duration", Timex = timex, Seconds = seconds, Mod = mod };
    }
}
