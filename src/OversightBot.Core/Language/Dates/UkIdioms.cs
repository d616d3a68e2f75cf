namespace OversightBot.Core.Language.Dates;

/// <summary>
/// Working UK idioms: "EOD", "COB", "COP Thursday", "close of play"; quarters and halves of a named financial year
/// ("Q4 of this financial year", "the first quarter of next financial year", "the second half of the financial year");
/// calendar halves ("the second half of next year"); "the 2025 to 2026 financial year".
/// </summary>
internal sealed partial class DateScanner
{
    private Node? UkIdiom(int i, out int end)
    {
        end = i;
        if (EndOfDay(i, out var de))
        {
            var k = W(de, "on") ? de + 1 : de;
            if (Simple(k, out var ke) is { Type: "date" } day && ke > k)
            {
                end = ke;
                return day;
            }

            end = de;
            return Node.OnDay(_ref);
        }

        return SpelledFinancialYear(i, out end) ?? PartOfYear(i, out end);
    }

    /// <summary>"eod", "cob", "cop", "close of play/business", "end of (the) (working) day".</summary>
    private bool EndOfDay(int i, out int end)
    {
        end = i + 1;
        if (W(i, "eod") || W(i, "cob") || W(i, "cop"))
        {
            return true;
        }

        if (W(i, "close") && W(i + 1, "of") && (W(i + 2, "play") || W(i + 2, "business")))
        {
            end = i + 3;
            return true;
        }

        var k = W(i + 2, "the") ? i + 3 : i + 2;
        k = W(k, "working") ? k + 1 : k;
        if (W(i, "end") && W(i + 1, "of") && W(k, "day"))
        {
            end = k + 1;
            return true;
        }

        return false;
    }

    /// <summary>"2025 to 2026 financial year", "financial year 2025 to 2026".</summary>
    private Node? SpelledFinancialYear(int i, out int end)
    {
        end = i;
        var lead = YearWords(i, out var taxLead, out var le);
        var j = lead ? le : i;
        if (!IsNum(j) || _t[j].Text.Length != 4 || !(W(j + 1, "to") || W(j + 1, "and") || P(j + 1, "–")) || !IsNum(j + 2) || Num(j + 2) != Num(j) + 1)
        {
            return null;
        }

        if (lead)
        {
            end = j + 3;
            return FinancialYear(Num(j), taxLead);
        }

        if (!YearWords(j + 3, out var tax, out var e))
        {
            return null;
        }

        end = e;
        return FinancialYear(Num(j), tax);
    }

    /// <summary>A quarter or half of a financial year named by shift or years, or a half of a calendar year.</summary>
    private Node? PartOfYear(int i, out int end)
    {
        end = i;
        int part;
        int e;
        var half = false;
        if ((W(i, "last") || W(i, "final")) && (W(i + 1, "quarter") || W(i + 1, "half")) && W(i + 2, "of"))
        {
            half = W(i + 1, "half");
            part = half ? 2 : 4;
            e = i + 2;
        }
        else if (i < N && Lexicon.Ordinals.TryGetValue(_t[i].Text, out var o) && o <= 2 && W(i + 1, "half"))
        {
            part = o;
            half = true;
            e = i + 2;
        }
        else
        {
            part = QuarterNumber(i, out e, out half);
        }

        if (part == 0)
        {
            return null;
        }

        var k = W(e, "of") || W(e, "in") ? e + 1 : e;
        k = W(k, "the") ? k + 1 : k;
        if (FinancialYearStart(k, out var fe) is { } fy)
        {
            end = fe;
            var months = half ? 6 : 3;
            var s = new DateOnly(fy, 4, 1).AddMonths(months * (part - 1));
            return Node.Range(s, s.AddMonths(months), Tx.Span(s, s.AddMonths(months), $"P{months}M"), 'Q');
        }

        if (!half || k >= N)
        {
            return null;
        }

        var year = Shift(_t[k].Text) is { } shift && W(k + 1, "year") ? _ref.Year + shift : W(k, "year") && e < k ? _ref.Year : 0;
        var ye = year == 0 ? k : W(k, "year") ? k + 1 : k + 2;
        if (year == 0 && IsNum(k) && _t[k].Text.Length == 4)
        {
            year = Num(k);
            ye = k + 1;
        }

        if (year == 0)
        {
            return null;
        }

        end = ye;
        return CalendarQuarter(year, part, true, false);
    }

    /// <summary>"this/next/last financial year", "financial year 2023/24", "2023/24", "FY 2023/24": the first year.</summary>
    private int? FinancialYearStart(int k, out int end)
    {
        end = k;
        if (k < N && Shift(_t[k].Text) is { } s && YearWords(k + 1, out _, out var e1) && (W(k + 1, "financial") || _gb))
        {
            end = e1;
            return CurrentFyStart + s;
        }

        if (YearWords(k, out _, out var e2))
        {
            if (YearPair(e2, out var e3) is > 0 and var y)
            {
                end = e3;
                return y;
            }

            end = e2;
            return CurrentFyStart;
        }

        var j = W(k, "fy") ? k + 1 : k;
        if (YearPair(j, out var e4) is > 0 and var y2)
        {
            end = e4;
            return y2;
        }

        return null;
    }

    /// <summary>
    /// Vague timing that names no date: "after the party conference season", "when parliamentary time allows",
    /// "at a later date", "in the fullness of time", "as soon as possible", "in the coming months", "shortly".
    /// </summary>
    private bool VaguePhrase(int i, out int end)
    {
        end = i;
        var prep = W(i, "before") || W(i, "after") || W(i, "during") || W(i, "by") || W(i, "until") || W(i, "following");
        var j = prep ? i + 1 : i;
        j = W(j, "the") ? j + 1 : j;
        var k = j;
        while (k < N && k < j + 2 && _t[k].Text is "party" or "political" or "autumn" or "spring" or "annual")
        {
            k++;
        }

        if (W(k, "conference") || W(k, "conferences"))
        {
            end = W(k + 1, "season") ? k + 2 : k + 1;
            return prep;
        }

        if (W(i, "when") && (W(i + 1, "parliamentary") || W(i + 1, "time")) && (W(i + 2, "time") || W(i + 2, "allows") || W(i + 2, "permits")))
        {
            end = W(i + 3, "allows") || W(i + 3, "permits") ? i + 4 : i + 3;
            return true;
        }

        if (W(i, "at") && W(i + 1, "a") && W(i + 2, "later") && W(i + 3, "date") || W(i, "in") && W(i + 1, "the") && W(i + 2, "fullness") && W(i + 3, "of") && W(i + 4, "time"))
        {
            end = W(i + 1, "a") ? i + 4 : i + 5;
            return true;
        }

        if (W(i, "as") && W(i + 1, "soon") && W(i + 2, "as") && (W(i + 3, "possible") || W(i + 3, "practicable")))
        {
            end = i + 4;
            return true;
        }

        if (W(i, "in") && W(i + 1, "the") && (W(i + 2, "coming") || W(i + 2, "near")) && (W(i + 3, "months") || W(i + 3, "future")))
        {
            end = i + 4;
            return true;
        }

        end = i + 1;
        return W(i, "asap") || W(i, "shortly") || (W(i, "soon") && i > 0 && !W(i - 1, "as"));
    }
}
