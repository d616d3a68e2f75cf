namespace OversightBot.Core.Language.Dates;

/// <summary>
/// Forms from the datetimeV2 spec: "Monday 21", "on the 18th", "15th century", "the third month of 2021",
/// "for 3 days from today", and (spec conventions only) US-style "fiscal year 2008" / "school year" labels.
/// </summary>
internal sealed partial class DateScanner
{
    private Node? SpecForms(int i, out int end)
    {
        end = i;

        // "Monday 21": the nearest month in which the 21st is a Monday
        if (Lexicon.Weekday(_t[i]) is { } wd && IsNum(i + 1) && _t[i + 1].Text.Length <= 2 && Num(i + 1) is >= 1 and <= 31
            && !(Lexicon.Month(_t[i + 2]) > 0) && !(P(i + 2, "/") || P(i + 2, "-") || P(i + 2, ":") || P(i + 2, ".")))
        {
            var day = Num(i + 1);
            end = Adj(i + 2) && Lexicon.IsOrdinalSuffix(_t[i + 2].Text) ? i + 3 : i + 2;
            if (Tx.Make(_ref.Year, _ref.Month, day) is { } here && here.DayOfWeek == wd)
            {
                return here == _ref ? Node.OnDay(here) : new Node { Value = here, Timex = $"XXXX-WXX-{Iso(wd)}", Partial = true };
            }

            var m = new DateOnly(_ref.Year, _ref.Month, 1);
            for (var k = 1; k <= 24; k++)
            {
                var mk = m.AddMonths(k);
                if (Tx.Make(mk.Year, mk.Month, day) is { } d && d.DayOfWeek == wd)
                {
                    return new Node { Value = d, Timex = $"XXXX-WXX-{Iso(wd)}", Partial = true };
                }
            }

            return null;
        }

        // "on the 18th": a day of this month
        if (W(i, "the") && i > 0 && _t[i - 1].Text == "on" && DayNum(i + 1, false, out var de) is var dd and > 0 && !W(de, "of") && !W(de, "day") && Lexicon.Month(_t[de]) == 0
            && Tx.Make(_ref.Year, _ref.Month, dd) is { } dm)
        {
            end = de;
            return new Node { Value = dm, Timex = $"XXXX-XX-{dd:D2}", Partial = true, Day = dd };
        }

        // "15th century", "21st century"
        if (DayNum(i, false, out var ce) is var c and > 0 && W(ce, "century"))
        {
            end = ce + 1;
            var s = new DateOnly(((c - 1) * 100) + 1 == 1 ? 1 : (c - 1) * 100, 1, 1);
            var e = new DateOnly(c * 100, 1, 1);
            return Node.Range(s, e, Tx.Span(s, e, "P100Y"), 'O');
        }

        // "the third month of 2021", "the 9th month of next year"
        var j = W(i, "the") ? i + 1 : i;
        if (DayNum(j, false, out var me) is var mo and >= 1 and <= 12 && W(me, "month") && W(me + 1, "of") && Simple(me + 2, out var ye) is { Grain: 'Y', Start: { } ys })
        {
            end = ye;
            return MonthRange(ys.Year, mo, false);
        }

        // "for 3 days from today", "for 1 week, from 20th dec"
        if (W(i, "for") && Quantity(i + 1, out var n, out var unit, out var qe) && unit is 'Y' or 'M' or 'W' or 'D')
        {
            var k = P(qe, ",") ? qe + 1 : qe;
            if (W(k, "from") && Simple(k + 1, out var fe) is { Type: "date", Value: { } from })
            {
                end = fe;
                var to = Add(from, unit, n, 1);
                return Node.Range(from, to, Tx.Span(from, to, Iso8601(n, unit)), 'O');
            }
        }

        return _gb ? null : UsFiscal(i, out end);
    }

    /// <summary>datetimeV2 labels for US fiscal and school years, which it leaves unresolved.</summary>
    private Node? UsFiscal(int i, out int end)
    {
        end = i;
        var j = i;
        var shift = j < N ? Shift(_t[j].Text) : null;
        if (shift is not null && !W(j, "the"))
        {
            j++;
        }

        string? label = W(j, "fiscal") && W(j + 1, "year") ? "FY" : W(j, "school") && W(j + 1, "year") ? "SY" : null;
        var k = j + 2;
        if (label is null && (W(j, "sy") || W(j, "fy")))
        {
            label = W(j, "sy") ? "SY" : "FY";
            k = j + 1;
            if (IsNum(k) && _t[k].Text.Length == 2 && Adj(k))
            {
                end = k + 1;
                return new Node { Type = "daterange", Timex = $"{label}{2000 + Num(k)}", Grain = 'O' };
            }
        }

        if (label is null)
        {
            return null;
        }

        if (shift is { } s && !W(i, "the"))
        {
            end = k;
            var fy = label == "FY" ? (_ref.Month >= 10 ? _ref.Year + 1 : _ref.Year) : (_ref.Month >= 8 ? _ref.Year + 1 : _ref.Year);
            return new Node { Type = "daterange", Timex = $"{label}{fy + s}", Grain = 'O' };
        }

        if (IsNum(k) && _t[k].Text.Length == 4)
        {
            end = k + 1;
            return new Node { Type = "daterange", Timex = $"{label}{Num(k)}", Grain = 'O' };
        }

        end = k;
        return new Node { Type = "daterange", Timex = $"{label}XXXX", Grain = 'O' };
    }
}
