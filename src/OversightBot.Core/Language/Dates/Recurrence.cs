namespace OversightBot.Core.Language.Dates;

/// <summary>Recurrences (datetimeV2 "set"): quarterly, every Monday, each two days, once a week, each financial year.</summary>
internal sealed partial class DateScanner
{
    private static Node Set(string timex) => new() { Type = "set", Timex = timex, Grain = 'O' };

    private Node? Recurrence(int i, out int end)
    {
        end = i + 1;
        switch (_t[i].Text)
        {
            case "daily" or "everyday":
                return Set("P1D");
            case "weekly":
                return Set("P1W");
            case "fortnightly":
                return Set("P2W");
            case "monthly":
                return Set("P1M");
            case "quarterly":
                return Set("P3M");
            case "annually" or "yearly" or "annual":
                return Set("P1Y");
            case "semiannual" or "semiannually" or "biannually" or "biannual":
                return Set("P0.5Y");
            case "bimonthly":
                return Set("P2M");
            case "biweekly":
                return Set("P2W");
            case "weekends":
                return Set("P1WE");
            case "semi" or "bi" when P(i + 1, "-") && i + 2 < N:
                var set = _t[i + 2].Text switch
                {
                    "annually" or "annual" when W(i, "semi") => "P0.5Y",
                    "monthly" when W(i, "bi") => "P2M",
                    "weekly" when W(i, "bi") => "P2W",
                    _ => null,
                };
                end = i + 3;
                return set is null ? null : Set(set);
        }

        if (W(i, "any") && W(i + 1, "weekend"))
        {
            end = i + 2;
            return Set("P1WE");
        }

        if ((W(i, "once") || W(i, "one")) && W(i + 1, "a") && i + 2 < N && UnitOf(_t[i + 2].Text) is var u and ('Y' or 'M' or 'W' or 'D') && _t[i + 2].Text.Length > 1)
        {
            end = i + 3;
            return Set($"P1{u}");
        }

        if (!(W(i, "every") || W(i, "each")))
        {
            return null;
        }

        var k = i + 1;
        if (W(k, "other") && k + 1 < N && Lexicon.Weekday(_t[k + 1]) is { } wo)
        {
            end = k + 2;
            return Set($"XXXX-WXX-{Iso(wo)}");
        }

        if (k < N && Lexicon.Weekday(_t[k]) is { } wd)
        {
            end = k + 1;
            return Set($"XXXX-WXX-{Iso(wd)}");
        }

        if (YearWords(k, out _, out var fe))
        {
            end = fe;
            return Set("P1Y");
        }

        if (W(k, "weekday"))
        {
            end = k + 1;
            return Set("P1WD");
        }

        if (Amount(k, out var nw, out var we) && W(we, "weekends") && _t[k].Text is not ("a" or "an"))
        {
            end = we + 1;
            return Set($"P{Tx.Num(nw)}WE");
        }

        if (W(k, "quarter"))
        {
            end = k + 1;
            return Set("P3M");
        }

        if (k < N && UnitOf(_t[k].Text) is var u1 and not '\0' && _t[k].Text.Length > 1)
        {
            end = k + 1;
            return Set(u1 == 'F' ? "P2W" : Iso8601(1, u1));
        }

        if (Quantity(k, out var n, out var u2, out var qe) && _t[k].Text is not ("a" or "an"))
        {
            end = qe;
            return Set(Iso8601(n, u2));
        }

        return null;
    }
}
