using System.Globalization;

namespace OversightBot.Core.Language.Dates;

/// <summary>
/// Weeks and parts of periods: "w/c 4 February", "the week of April 10th", "first week of 2015", "last week of July",
/// "week 31", "later this week", "earlier this year", "the 15th day of next month", "2 weeks starting May 20th".
/// </summary>
internal sealed partial class DateScanner
{
    private Node? Weeks(int i, out int end)
    {
        end = i;
        var j = W(i, "the") ? i + 1 : i;

        // w/c X, the week of X, the week beginning/commencing/starting (on) X
        var k = -1;
        if (W(j, "w") && P(j + 1, "/") && W(j + 2, "c"))
        {
            k = j + 3;
        }
        else if (W(j, "week") && (W(j + 1, "of") || W(j + 1, "beginning") || W(j + 1, "commencing") || W(j + 1, "starting")))
        {
            k = W(j + 2, "on") ? j + 3 : j + 2;
        }

        if (k > 0 && Simple(k, out var xe) is { Type: "date", Value: { } x } xn)
        {
            end = xe;
            var mon = Tx.MondayOf(x);
            return new Node { Type = "daterange", Timex = xn.Timex, Start = mon, End = mon.AddDays(7), Grain = 'O' };
        }

        // first/2nd/last week of 2015 | of Jan [2015]
        var ord = j < N && Lexicon.Ordinals.TryGetValue(_t[j].Text, out var o) ? o : IsNum(j) && Lexicon.IsOrdinalSuffix(_t[j + 1].Text) ? Num(j) : W(j, "last") ? -1 : 0;
        var wk = IsNum(j) && ord > 0 ? j + 2 : j + 1;
        if (ord != 0 && ord <= 5 && W(wk, "week") && W(wk + 1, "of"))
        {
            if (IsNum(wk + 2) && _t[wk + 2].Text.Length == 4)
            {
                var y = Num(wk + 2);
                var w = ord > 0 ? ord : ISOWeek.GetWeeksInYear(y);
                var mon = DateOnly.FromDateTime(ISOWeek.ToDateTime(y, w, DayOfWeek.Monday));
                end = wk + 3;
                return Node.Range(mon, mon.AddDays(7), $"{Tx.Y(y)}-W{w:D2}", 'O');
            }

            if ((W(wk + 2, "this") || W(wk + 2, "last") || W(wk + 2, "next")) && W(wk + 3, "month"))
            {
                var rm = new DateOnly(_ref.Year, _ref.Month, 1).AddMonths(W(wk + 2, "this") ? 0 : W(wk + 2, "last") ? -1 : 1);
                var rmon = WeekOfMonth(rm.Year, rm.Month, ord);
                end = wk + 4;
                return Node.Range(rmon, rmon.AddDays(7), $"{Tx.Y(rm.Year)}-{rm.Month:D2}-W{(ord > 0 ? ord : 5):D2}", 'O');
            }

            var m = Lexicon.Month(_t[wk + 2]);
            if (m > 0)
            {
                var ye = YearAfter(wk + 3, out var yEnd);
                end = ye > 0 ? yEnd : wk + 3;
                var year = ye > 0 ? ye : _ref.Year;
                var mon = WeekOfMonth(year, m, ord);
                var label = ord > 0 ? ord : 5;
                return Node.Range(mon, mon.AddDays(7), $"{(ye > 0 ? Tx.Y(ye) : "XXXX")}-{m:D2}-W{label:D2}", 'O');
            }
        }

        // week 31 [of 2027]
        if (W(i, "week") && IsNum(i + 1) && Num(i + 1) is >= 1 and <= 53)
        {
            var y = W(i + 2, "of") && IsNum(i + 3) && _t[i + 3].Text.Length == 4 ? Num(i + 3) : _ref.Year;
            end = W(i + 2, "of") && IsNum(i + 3) ? i + 4 : i + 2;
            var w = Math.Min(Num(i + 1), ISOWeek.GetWeeksInYear(y));
            var mon = DateOnly.FromDateTime(ISOWeek.ToDateTime(y, w, DayOfWeek.Monday));
            return Node.Range(mon, mon.AddDays(7), $"{Tx.Y(y)}-W{w:D2}", 'O');
        }

        return LaterEarlier(i, out end) ?? DayOfPeriod(i, out end);
    }

    /// <summary>The week of a month holding its Nth Thursday (or the last), as ISO weeks belong to months.</summary>
    private static DateOnly WeekOfMonth(int year, int month, int ordinal)
    {
        var first = new DateOnly(year, month, 1);
        var thursday = first;
        while (thursday.DayOfWeek != DayOfWeek.Thursday)
        {
            thursday = thursday.AddDays(1);
        }

        if (ordinal < 0)
        {
            var last = first.AddMonths(1).AddDays(-1);
            while (last.DayOfWeek != DayOfWeek.Thursday)
            {
                last = last.AddDays(-1);
            }

            return Tx.MondayOf(last);
        }

        return Tx.MondayOf(thursday.AddDays(7 * (ordinal - 1)));
    }

    /// <summary>"later this week", "earlier this month", "later in the year", "earlier in the week".</summary>
    private Node? LaterEarlier(int i, out int end)
    {
        end = i;
        if (!(W(i, "later") || W(i, "earlier")) || !(W(i + 1, "this") || (W(i + 1, "in") && W(i + 2, "the"))))
        {
            return null;
        }

        var u = W(i + 1, "this") ? i + 2 : i + 3;
        var unit = _t[u].Text switch { "week" => 'W', "month" => 'M', "year" => 'Y', _ => '\0' };
        if (unit == '\0')
        {
            return null;
        }

        end = u + 1;
        var p = PeriodAt(unit, 0);
        var (ps, pe) = (p.Start!.Value, p.End!.Value);
        var mid = unit switch { 'W' => ps.AddDays(3), 'M' => ps.AddDays(15), _ => new DateOnly(ps.Year, 7, 1) };
        return W(i, "later")
            ? Node.Range(_ref > mid ? _ref : mid, pe, p.Timex!, 'O')
            : Node.Range(ps, _ref < mid ? _ref : mid, p.Timex!, 'O');
    }

    /// <summary>"the 15th day of next month", "the twenty-sixth day of the month", "twenty third day of September".</summary>
    private Node? DayOfPeriod(int i, out int end)
    {
        end = i;
        var j = W(i, "the") ? i + 1 : i;
        var day = DayNum(j, false, out var k);
        if (day == 0 || !W(k, "day") || !W(k + 1, "of"))
        {
            return null;
        }

        var m = k + 2;
        DateOnly? d = null;
        string? timex = null;
        if (W(m, "the") && W(m + 1, "month") || W(m, "this") && W(m + 1, "month"))
        {
            d = Tx.Make(_ref.Year, _ref.Month, day);
            end = m + 2;
        }
        else if (W(m, "next") && W(m + 1, "month"))
        {
            var nm = _ref.AddMonths(1);
            d = Tx.Make(nm.Year, nm.Month, day);
            end = m + 2;
        }
        else if (m < N && Lexicon.Month(_t[m]) is var mo and > 0)
        {
            d = Tx.Make(_ref.Year, mo, day);
            timex = $"XXXX-{mo:D2}-{day:D2}";
            end = m + 1;
        }

        return d is { } dd ? new Node { Value = dd, Timex = timex ?? Tx.D(dd), Partial = timex is not null, Month = dd.Month, Day = dd.Day } : null;
    }

    /// <summary>"2 weeks starting May 20th", "a week starting tomorrow", "3 days starting from next Monday".</summary>
    private Node? Starting(int i, out int end)
    {
        end = i;
        if (!Quantity(i, out var n, out var unit, out var e) || unit is not ('Y' or 'M' or 'W' or 'D') || !W(e, "starting"))
        {
            return null;
        }

        var k = W(e + 1, "from") || W(e + 1, "on") ? e + 2 : e + 1;
        if (Simple(k, out var se) is not { Type: "date", Value: { } s })
        {
            return null;
        }

        end = se;
        var f = Add(s, unit, n, 1);
        return Node.Range(s, f, Tx.Span(s, f, Iso8601(n, unit)), 'O');
    }
}
