namespace OversightBot.Core.Language.Dates;

/// <summary>
/// UK financial years (1 April – 31 March: "2023/24", "FY2023-24", "last financial year"), tax years (6 April),
/// fiscal quarters ("Q3 2023/24" = Oct–Dec 2023) and calendar quarters and halves ("Q1 2019", "2019 H2").
/// </summary>
internal sealed partial class DateScanner
{
    private static Node FinancialYear(int startYear, bool tax)
    {
        var s = new DateOnly(startYear, 4, tax ? 6 : 1);
        return new Node { Type = "daterange", Grain = 'F', Start = s, End = s.AddYears(1), Timex = Tx.Span(s, s.AddYears(1), "P1Y") };
    }

    private int CurrentFyStart => _ref.Month >= 4 ? _ref.Year : _ref.Year - 1;

    /// <summary>"2023/24", "2023-24", "2023/2024" at i: the first year, or 0.</summary>
    private int YearPair(int i, out int end)
    {
        end = i;
        if (!IsNum(i) || _t[i].Text.Length != 4 || !(P(i + 1, "/") || P(i + 1, "-")) || !Adj(i + 1) || !IsNum(i + 2) || !Adj(i + 2))
        {
            return 0;
        }

        var y = Num(i);
        var second = Num(i + 2);
        var ok = _t[i + 2].Text.Length == 2 ? second == (y + 1) % 100 : _t[i + 2].Text.Length == 4 && second == y + 1 && P(i + 1, "/");
        if (!ok || (IsNum(i + 4) && P(i + 3, _t[i + 1].Text) && Adj(i + 3)))
        {
            return 0;
        }

        end = i + 3;
        return y;
    }

    private bool YearWords(int i, out bool tax, out int end)
    {
        tax = W(i, "tax");
        end = i + 2;
        return (W(i, "financial") || (W(i, "fiscal") && _gb) || tax) && W(i + 1, "year");
    }

    private Node? Fiscal(int i, out int end)
    {
        end = i;
        if (W(i, "the") && YearWords(i + 1, out var taxThe, out var eThe))
        {
            end = eThe;
            return FinancialYear(CurrentFyStart, taxThe);
        }

        var j = i;
        var fy = W(j, "fy");
        if (fy)
        {
            j++;
        }

        var y = YearPair(j, out var e);
        if (y == 0 && fy && IsNum(j) && _t[j].Text.Length == 4)
        {
            y = Num(j) - 1;
            e = j + 1;
        }

        if (y > 0)
        {
            var tax = false;
            if (YearWords(e, out tax, out var e2))
            {
                e = e2;
            }

            end = e;
            return FinancialYear(y, tax);
        }

        if (j < N && Shift(_t[j].Text) is { } s && YearWords(j + 1, out var tax2, out var e3))
        {
            end = e3;
            return FinancialYear(CurrentFyStart + s, tax2);
        }

        if (W(i, "year") && W(i + 1, "ending") && Absolute(i + 2, out var e4) is { Value: { } ye })
        {
            end = e4;
            var after = ye.AddDays(1);
            return Node.Range(after.AddYears(-1), after, Tx.Span(after.AddYears(-1), after, "P1Y"), 'F');
        }

        // "three years to March 2023"
        if (Amount(i, out var n, out var ae) && W(ae, "years") && W(ae + 1, "to") && MonthYear(ae + 2, out var e5) is { Partial: false, End: { } me })
        {
            end = e5;
            var from = me.AddYears(-(int)n);
            return Node.Range(from, me, Tx.Span(from, me, $"P{(int)n}Y"), 'O');
        }

        return Quarter(i, out end);
    }

    private int QuarterNumber(int i, out int end, out bool half)
    {
        end = i;
        half = false;
        if ((W(i, "q") || W(i, "h")) && IsNum(i + 1) && Adj(i + 1) && Num(i + 1) is >= 1 and <= 4)
        {
            half = W(i, "h");
            end = i + 2;
            return half && Num(i + 1) > 2 ? 0 : Num(i + 1);
        }

        if (i < N && Lexicon.Ordinals.TryGetValue(_t[i].Text, out var o) && o <= 4 && W(i + 1, "quarter"))
        {
            end = i + 2;
            return o;
        }

        if (IsNum(i) && Num(i) is >= 1 and <= 4 && Adj(i + 1) && Lexicon.IsOrdinalSuffix(_t[i + 1].Text) && W(i + 2, "quarter"))
        {
            end = i + 3;
            return Num(i);
        }

        return 0;
    }

    private Node? Quarter(int i, out int end)
    {
        end = i;
        var j = i;
        var q = QuarterNumber(j, out var e, out var half);
        if (q > 0)
        {
            var k = W(e, "of") ? e + 1 : P(e, "-") ? e + 1 : e;
            if (YearPair(k, out var fe) is var fyStart and > 0 && !half)
            {
                end = fe;
                var fs = new DateOnly(fyStart, 4, 1).AddMonths(3 * (q - 1));
                return Node.Range(fs, fs.AddMonths(3), Tx.Span(fs, fs.AddMonths(3), "P3M"), 'Q');
            }

            if (IsNum(k) && _t[k].Text.Length == 4)
            {
                end = k + 1;
                return CalendarQuarter(Num(k), q, half, false);
            }

            end = e;
            return half ? null : CalendarQuarter(_ref.Year, q, false, !_gb);
        }

        if (IsNum(i) && _t[i].Text.Length == 4)
        {
            var k = P(i + 1, "-") && Adj(i + 1) ? i + 2 : i + 1;
            var q2 = QuarterNumber(k, out var e2, out var half2);
            if (q2 > 0)
            {
                end = e2;
                return CalendarQuarter(Num(i), q2, half2, false);
            }
        }

        return null;
    }

    private static Node CalendarQuarter(int year, int q, bool half, bool partial)
    {
        var months = half ? 6 : 3;
        var s = new DateOnly(year, (q - 1) * months + 1, 1);
        var e = s.AddMonths(months);
        var timex = partial ? Tx.Span($"XXXX-{s.Month:D2}-01", $"XXXX-{e.Month:D2}-01", $"P{months}M") : Tx.Span(s, e, $"P{months}M");
        return new Node { Type = "daterange", Grain = 'Q', Start = s, End = e, Timex = timex, Partial = partial, Month = s.Month };
    }
}
