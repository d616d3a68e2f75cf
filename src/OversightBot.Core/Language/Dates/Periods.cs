namespace OversightBot.Core.Language.Dates;

/// <summary>Relative periods: this/next/last week, month, quarter, year; "next 14 days"; "within four weeks"; "end of 2000".</summary>
internal sealed partial class DateScanner
{
    private static int? Shift(string w) => w switch
    {
        "this" or "current" or "the" => 0,
        "next" or "following" or "coming" or "upcoming" => 1,
        "last" or "previous" or "past" or "prior" => -1,
        _ => null,
    };

    private Node PeriodAt(char unit, int shift)
    {
        switch (unit)
        {
            case 'W':
                var mon = Tx.MondayOf(_ref).AddDays(7 * shift);
                return Node.Range(mon, mon.AddDays(7), Tx.Week(mon), 'W');
            case 'M':
                var m = new DateOnly(_ref.Year, _ref.Month, 1).AddMonths(shift);
                return new Node { Type = "daterange", Grain = 'M', Start = m, End = m.AddMonths(1), Timex = Tx.M(m.Year, m.Month), Month = m.Month };
            case 'Q':
                var q = new DateOnly(_ref.Year, (_ref.Month - 1) / 3 * 3 + 1, 1).AddMonths(3 * shift);
                return Node.Range(q, q.AddMonths(3), Tx.Span(q, q.AddMonths(3), "P3M"), 'Q');
            default:
                return YearRange(_ref.Year + shift);
        }
    }

    private Node? Periods(int i, out int end)
    {
        end = i;
        var t = _t[i].Text;

        // "next 14 days", "the next 30 days", "last 30 days", "past 5 years", "within 56 days", "within next 10 months"
        var j = i;
        var within = W(j, "within");
        var dir = within ? 0 : j < N ? Shift(_t[j].Text) ?? 99 : 99;
        if (within && (W(j + 1, "the") && W(j + 2, "next") || W(j + 1, "next")))
        {
            j += W(j + 1, "the") ? 1 : 0;
            j++;
        }

        if (dir != 99 && (within || dir != 0 || W(j, "coming")) && Quantity(j + 1, out var n, out var unit, out var e) && unit is 'Y' or 'M' or 'W' or 'D' or 'B')
        {
            end = e;
            return CountRange(within ? 0 : dir, n, unit);
        }

        // "last 2 quarters", "the following 2 quarters": whole calendar quarters either side of this one
        if (Shift(t) is { } qs and not 0 && Amount(i + 1, out var qn, out var qe) && W(qe, "quarters") && qn is >= 1 and <= 40)
        {
            end = qe + 1;
            var thisQ = new DateOnly(_ref.Year, (_ref.Month - 1) / 3 * 3 + 1, 1);
            var (qs0, qe0) = qs < 0 ? (thisQ.AddMonths(-3 * (int)qn), thisQ) : (thisQ.AddMonths(3), thisQ.AddMonths(3 + (3 * (int)qn)));
            return Node.Range(qs0, qe0, Tx.Span(qs0, qe0, $"P{3 * (int)qn}M"), 'O');
        }

        if (PartOfPeriod(i, out var pe) is { } part)
        {
            end = pe;
            return part;
        }

        if (t == "weekend" && !(i > 0 && _t[i - 1].Text is "the" or "this" or "next" or "last" or "that" or "any" or "of" or "a"))
        {
            end = i + 1;
            return PeriodAt('W', 0) is var w0 && w0.Start is { } mon ? Node.Range(mon.AddDays(5), mon.AddDays(7), Tx.Week(mon) + "-WE", 'O') : null;
        }

        if (t is "next" or "coming" && W(i + 1, "fortnight"))
        {
            end = i + 2;
            return CountRange(1, 2, 'W');
        }

        // "5 upcoming years", "2 next days", "10 previous weeks"
        if (Amount(i, out var n2, out var ae) && ae < N && Shift(_t[ae].Text) is { } d2 and not 0 && ae + 1 < N && UnitOf(_t[ae + 1].Text) is var u2 and ('Y' or 'M' or 'W' or 'D') && (n2 == 1 || _t[ae + 1].Text.EndsWith('s')))
        {
            end = ae + 2;
            return CountRange(d2, n2, u2);
        }

        if (t == "year" && W(i + 1, "to") && W(i + 2, "date"))
        {
            end = i + 3;
            return Node.Range(new DateOnly(_ref.Year, 1, 1), _ref, Tx.Y(_ref.Year), 'O');
        }

        if (Shift(t) is { } s && i + 1 < N)
        {
            var k = i + 1;
            if (t == "the" && k < N && Shift(_t[k].Text) is not null)
            {
                return null;
            }

            if (W(k, "calendar"))
            {
                k++;
            }

            if ((W(k, "working") && W(k + 1, "week")) || W(k, "workweek"))
            {
                end = W(k, "workweek") ? k + 1 : k + 2;
                var wk = PeriodAt('W', s);
                wk.End = wk.Start!.Value.AddDays(5);
                return wk;
            }

            var unit2 = _t[k].Text switch { "week" => 'W', "month" => 'M', "quarter" => 'Q', "year" => 'Y', "weekend" => 'E', _ => '\0' };
            if (unit2 == 'W' && W(k + 1, "after") && W(k + 2, "next"))
            {
                end = k + 3;
                return PeriodAt('W', 2);
            }

            if (unit2 == 'E')
            {
                var sat = Tx.MondayOf(_ref).AddDays(7 * s + 5);
                end = k + 1;
                return Node.Range(sat, sat.AddDays(2), Tx.Week(sat.AddDays(-5)) + "-WE", 'O');
            }

            if (unit2 != '\0' && !(t == "the" && k + 1 < N && (IsNum(k + 1) || W(k + 1, "of") || W(k + 1, "before") || W(k + 1, "after") || W(k + 1, "ending") || W(k + 1, "to"))))
            {
                end = k + 1;
                return PeriodAt(unit2, s);
            }

            if (t != "the" && k < N && Lexicon.Month(_t[k]) is var mo and > 0 && !(IsNum(k + 1) && Num(k + 1) <= 31) && (_t[k].Cap || _t[k].Text != "may"))
            {
                var y = s == 0 ? _ref.Year : s > 0 ? (mo > _ref.Month ? _ref.Year : _ref.Year + 1) : (mo < _ref.Month ? _ref.Year : _ref.Year - 1);
                end = k + 1;
                return MonthRange(y, mo, false);
            }
        }

        return EdgeOf(i, out end);
    }

    /// <summary>"the first 2 weeks of 2021", "the last 3 weeks of this year", "the last four months of 2021", "first ten days of last year".</summary>
    private Node? PartOfPeriod(int i, out int end)
    {
        end = i;
        var j = W(i, "the") ? i + 1 : i;
        var first = W(j, "first");
        if (!(first || W(j, "last")) || !Amount(j + 1, out var n, out var ae) || n < 1 || _t[j + 1].Text is "a" or "an")
        {
            return null;
        }

        var unit = UnitOf(_t[ae].Text);
        if (unit is not ('W' or 'M' or 'D') || !W(ae + 1, "of") || Simple(ae + 2, out var pe) is not { Grain: 'Y', Start: { } ys, End: { } ye })
        {
            return null;
        }

        end = pe;
        DateOnly s, e;
        if (unit == 'W')
        {
            var firstMonday = ys;
            while (firstMonday.DayOfWeek != DayOfWeek.Monday)
            {
                firstMonday = firstMonday.AddDays(1);
            }

            (s, e) = first ? (firstMonday, firstMonday.AddDays(7 * (int)n)) : (Tx.MondayOf(ye.AddDays(-1)).AddDays(-7 * (int)n), Tx.MondayOf(ye.AddDays(-1)));
        }
        else
        {
            (s, e) = first ? (ys, Add(ys, unit, n, 1)) : (Add(ye, unit, n, -1), ye);
        }

        return Node.Range(s, e, Tx.Span(s, e, Iso8601(n, unit)), 'O');
    }

    private Node CountRange(int dir, decimal n, char unit)
    {
        var dur = Iso8601(n, unit);
        if (dir < 0)
        {
            var s0 = Add(_ref, unit, n, -1);
            return Node.Range(s0, _ref, Tx.Span(s0, _ref, dur), 'O');
        }

        var s = dir == 0 ? _ref : _ref.AddDays(1);
        var e = unit == 'B' ? Add(_ref, unit, n, 1).AddDays(1) : Add(s, unit, n, 1);
        return Node.Range(s, e, Tx.Span(s, e, dur), 'O');
    }

    /// <summary>"end of 2000", "the end of the year", "mid 1989", "beginning of 2000", "end of month", "EOY".</summary>
    private Node? EdgeOf(int i, out int end)
    {
        end = i;
        var j = i;
        string? mod = _t.Length > j ? _t[j].Text switch
        {
            "end" => "end",
            "beginning" or "start" => "start",
            "middle" => "mid",
            "mid" => "mid",
            "early" => "start",
            "late" => "end",
            "eoy" => "eoy",
            _ => null,
        } : null;
        if (mod is null)
        {
            return null;
        }

        if (mod == "eoy")
        {
            end = j + 1;
            return new Node { Type = "daterange", Timex = Tx.Y(_ref.Year), Mod = "end", Start = new DateOnly(_ref.Year, 7, 1), End = new DateOnly(_ref.Year + 1, 1, 1), Grain = 'O' };
        }

        var k = W(j + 1, "of") ? j + 2 : j + 1;
        if (mod == "mid" && P(j + 1, "-"))
        {
            k = j + 2;
        }

        var relative = W(k, "the") || W(k, "this") ? k + 1 : k;
        if (W(relative, "year") || W(relative, "month"))
        {
            end = relative + 1;
            if (W(relative, "year"))
            {
                var sy = mod == "end" ? new DateOnly(_ref.Year, 7, 1) : mod == "start" ? new DateOnly(_ref.Year, 1, 1) : new DateOnly(_ref.Year, 4, 1);
                return new Node { Type = "daterange", Timex = Tx.Y(_ref.Year), Mod = mod, Start = sy, End = mod == "start" ? sy.AddMonths(6) : mod == "end" ? sy.AddMonths(6) : sy.AddMonths(6), Grain = 'O' };
            }

            var m1 = new DateOnly(_ref.Year, _ref.Month, 1);
            var (ms, me) = mod switch { "end" => (m1.AddDays(15), m1.AddMonths(1)), "start" => (m1, m1.AddDays(10)), _ => (m1.AddDays(9), m1.AddDays(20)) };
            return new Node { Type = "daterange", Timex = Tx.M(m1.Year, m1.Month), Mod = mod, Start = ms, End = me, Grain = 'O' };
        }

        if (IsNum(k) && _t[k].Text.Length == 4)
        {
            var y = Num(k);
            end = k + 1;
            var (s, e) = mod switch { "end" => (9, 13), "start" => (1, 5), _ => (5, 9) };
            return new Node { Type = "daterange", Timex = Tx.Y(y), Mod = mod, Start = new DateOnly(y, s, 1), End = new DateOnly(y, 1, 1).AddMonths(e - 1), Grain = 'O' };
        }

        if (k < N && Lexicon.Month(_t[k]) is var mo and > 0 && !(IsNum(k + 1) && _t[k + 1].Text.Length <= 2))
        {
            end = k + 1;
            var year = _ref.Year;
            var written = IsNum(k + 1) && _t[k + 1].Text.Length == 4 && Num(k + 1) is >= 1000 and <= 9998;
            if (written)
            {
                year = Num(k + 1);
                end = k + 2;
            }

            var m1 = new DateOnly(year, mo, 1);
            var (ms, me) = mod switch { "start" => (m1, m1.AddDays(15)), "end" => (m1.AddDays(15), m1.AddMonths(1)), _ => (m1.AddDays(9), m1.AddDays(20)) };
            return new Node { Type = "daterange", Timex = _gb || written ? Tx.M(year, mo) : $"XXXX-{mo:D2}", Mod = mod, Start = ms, End = me, Grain = 'O', Partial = !_gb && !written, Month = mo };
        }

        return null;
    }
}
