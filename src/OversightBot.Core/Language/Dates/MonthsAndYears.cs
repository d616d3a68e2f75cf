namespace OversightBot.Core.Language.Dates;

/// <summary>Months and years as periods: "March 2023", "Dec-2018", "2017 April", "in May", "2021", "the 1990s", "year 2008".</summary>
internal sealed partial class DateScanner
{
    private static Node MonthRange(int year, int month, bool partial)
    {
        var s = new DateOnly(year, month, 1);
        return new Node { Type = "daterange", Grain = 'M', Start = s, End = s.AddMonths(1), Timex = partial ? $"XXXX-{month:D2}" : Tx.M(year, month), Partial = partial, Month = month };
    }

    private Node? MonthYear(int i, out int end)
    {
        end = i;
        var m = Lexicon.Month(_t[i]);
        if (m > 0)
        {
            var k = i + 1;
            if (P(k, ".") && Adj(k) && IsAbbrev(k - 1))
            {
                k++;
            }

            if (P(k, ",") || P(k, "-") || P(k, "/"))
            {
                k++;
            }

            if (W(k, "of") || W(k, "in"))
            {
                k++;
            }

            if (IsNum(k) && _t[k].Text.Length == 4 && Num(k) is >= 1000 and <= 2999)
            {
                end = k + 1;
                return MonthRange(Num(k), m, false);
            }

            if ((SpokenYear(k, out var swe) is var sw and > 0) || (TwoDigitYearAfterOf(i + 1, out swe) is var tw and > 0 && (sw = tw) > 0))
            {
                end = swe;
                return MonthRange(sw, m, false);
            }

            var lead = (i > 0 && _t[i - 1].Kind == TokKind.Word && MonthLeads.Contains(_t[i - 1].Text) && (_t[i].Cap || _t[i].Text != "may" || _t[i - 1].Text is "in" or "since" or "until" or "during"))
                || ((P(i + 1, "-") || W(i + 1, "to") || W(i + 1, "through") || W(i + 1, "until")) && Lexicon.Month(_t[i + 2]) > 0);
            if (_t[i].Text is "may" or "mar" or "jan" or "dec" or "jun" or "jul" or "sep" or "oct" or "nov" or "aug" or "feb" or "apr" && !lead)
            {
                return null;
            }

            end = P(i + 1, ".") && Adj(i + 1) && IsAbbrev(i) ? i + 2 : i + 1;
            return _gb ? MonthRange(_ref.Year, m, false) : MonthRange(_ref.Year, m, true);
        }

        if (IsNum(i) && _t[i].Text.Length == 4 && i + 1 < N && Lexicon.Month(_t[i + 1]) is var m2 and > 0 && !(IsNum(i + 2) && Num(i + 2) <= 31))
        {
            end = i + 2;
            return MonthRange(Num(i), m2, false);
        }

        return null;
    }

    private Node? YearExpr(int i, out int end)
    {
        end = i;
        var j = i;
        if (W(j, "year") || ((W(j, "calendar") || W(j, "cy")) && (W(j + 1, "year") || IsNum(j + 1) || IsNum(j + 1))))
        {
            j += W(j, "calendar") && W(j + 1, "year") ? 2 : 1;
            if (W(i, "cy") && IsNum(j) && _t[j].Text.Length == 2 && Adj(j))
            {
                end = j + 1;
                return YearRange(2000 + Num(j));
            }
        }

        if (i > 0 && _t[i - 1].Text is "in" or "since" or "from" or "until" or "of" && SpokenYear(j, out var spe) is var spy and > 0)
        {
            end = spe;
            return YearRange(spy);
        }

        if (IsNum(j) && _t[j].Text.Length == 4 && Num(j) is >= 1900 and <= 2099)
        {
            if ((P(j + 1, "-") && IsNum(j + 2) && _t[j + 2].Text.Length != 4) || (j >= 2 && P(j - 1, "-") && IsNum(j - 2) && _t[j - 2].Text.Length != 4))
            {
                return null;
            }

            end = j + 1;
            if (end < N && Adj(end) && _t[end].Kind == TokKind.Word && _t[end].Text != "s")
            {
                return null;
            }

            if (W(end, "s"))
            {
                var y0 = Num(j) / 10 * 10;
                end++;
                return Node.Range(new DateOnly(y0, 1, 1), new DateOnly(y0 + 10, 1, 1), Tx.Span(new DateOnly(y0, 1, 1), new DateOnly(y0 + 10, 1, 1), "P10Y"), 'O');
            }

            return YearRange(Num(j));
        }

        return null;
    }

    private static Node YearRange(int y) =>
        new() { Type = "daterange", Grain = 'Y', Start = new DateOnly(y, 1, 1), End = new DateOnly(y + 1, 1, 1), Timex = Tx.Y(y) };
}
