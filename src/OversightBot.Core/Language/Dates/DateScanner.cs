namespace OversightBot.Core.Language.Dates;

/// <summary>
/// Finds date expressions left to right over tokens; at each position the longest match wins. Every matcher looks
/// a bounded number of tokens ahead, so the whole scan is linear in the input.
/// </summary>
internal sealed partial class DateScanner
{
    private readonly Tok[] _t;
    private readonly DateOnly _ref;
    private readonly bool _gb;
    private const int Pad = 24;
    private (Node?, int)?[]? _memo;

    private DateScanner(Tok[] tokens, DateOnly reference, bool britishPeriods)
    {
        // Sentinel tokens after the end make every bounded look-ahead safe without a bounds check.
        _t = new Tok[tokens.Length + Pad];
        tokens.CopyTo(_t, 0);
        for (var k = tokens.Length; k < _t.Length; k++)
        {
            _t[k] = new Tok(0, 0, "", TokKind.Punct, true);
        }

        N = tokens.Length;
        _ref = reference;
        _gb = britishPeriods;
    }

    public static List<(int From, int To, Node Node)> Scan(Tok[] tokens, DateOnly reference, bool britishPeriods)
    {
        var s = new DateScanner(tokens, reference, britishPeriods);
        var found = new List<(int, int, Node)>();
        var i = 0;
        while (i < s.N)
        {
            if (s.Top(i, out var e) is { } node && e > i)
            {
                found.Add((i, e, node));
                i = e;
            }
            else
            {
                i++;
            }
        }

        return found;
    }

    public Tok this[int i] => _t[i];

    private int N { get; }

    private bool W(int i, string w) => i < _t.Length && _t[i].Kind == TokKind.Word && _t[i].Is(w);

    private bool W(int i, string a, string b) => W(i, a) || W(i, b);

    private bool P(int i, string p) => i < _t.Length && _t[i].Kind == TokKind.Punct && _t[i].Is(p);

    private bool Adj(int i) => i < _t.Length && !_t[i].SpaceBefore;

    private int Num(int i) => i < _t.Length ? _t[i].Value : -1;

    private bool IsNum(int i) => i < _t.Length && _t[i].Kind == TokKind.Number;

    private static Node? Longer(Node? best, ref int bestEnd, Node? candidate, int end)
    {
        if (candidate is not null && end > bestEnd)
        {
            bestEnd = end;
            return candidate;
        }

        return best;
    }

    private Node? Top(int i, out int end)
    {
        end = i;
        if (!Lexicon.CanStart(_t[i]) || NumericNeighbourhood(i))
        {
            return null;
        }

        Node? best = null;
        best = Longer(best, ref end, Modified(i, out var e1), e1);
        best = Longer(best, ref end, RangeExpr(i, out var e2), e2);
        best = Longer(best, ref end, Recurrence(i, out var e3), e3);
        best = Longer(best, ref end, Simple(i, out var e5), e5);
        best = Longer(best, ref end, Starting(i, out var e6), e6);
        best = Longer(best, ref end, Duration(i, out var e4), e4);
        if (best is not null && end < N && IsNum(end) && Adj(end))
        {
            return null;
        }

        if (best is not null && end + 1 < N && (P(end, "-") || P(end, "/")) && Adj(end) && IsNum(end + 1) && Adj(end + 1))
        {
            return null;
        }

        return best;
    }

    /// <summary>Part of a phone number or code: a digit run glued to another by - / + or letters.</summary>
    private bool NumericNeighbourhood(int i)
    {
        if (IsNum(i) && i > 0 && _t[i - 1].Text is "$" or "£" or "€" or "#")
        {
            return true;
        }

        if (!IsNum(i) || i == 0 || !Adj(i))
        {
            return false;
        }

        var prev = _t[i - 1];
        if (prev.Kind == TokKind.Word || (prev.Text == "-" && i >= 2 && _t[i - 2].Kind == TokKind.Word && _t[i - 2].Text.Length <= 3 && Adj(i - 1)))
        {
            return true;
        }

        if (prev.Kind == TokKind.Number)
        {
            return true;
        }

        return prev.Kind == TokKind.Punct && prev.Text is "-" or "+" or "/" or "." or ":" && i >= 2 && (IsNum(i - 2) && Adj(i - 1) || prev.Text is "+");
    }

    /// <summary>The longest single date, period or relative expression at <paramref name="i"/>.</summary>
    private Node? Simple(int i, out int end)
    {
        end = i;
        if (i >= N || !Lexicon.CanStart(_t[i]))
        {
            return null;
        }

        _memo ??= new (Node?, int)?[N];
        if (_memo[i] is { } hit)
        {
            end = hit.Item2;
            return hit.Item1;
        }

        var node = SimpleUncached(i, out end);
        _memo[i] = (node, end);
        return node;
    }

    private Node? SimpleUncached(int i, out int end)
    {
        end = i;

        Node? best = null;
        best = Longer(best, ref end, Fiscal(i, out var e1), e1);
        best = Longer(best, ref end, Absolute(i, out var e2), e2);
        best = Longer(best, ref end, Relative(i, out var e3), e3);
        best = Longer(best, ref end, Periods(i, out var e4), e4);
        best = Longer(best, ref end, Weeks(i, out var e5), e5);
        best = Longer(best, ref end, Holiday(i, out var e6), e6);
        best = Longer(best, ref end, SpecForms(i, out var e7), e7);
        best = Longer(best, ref end, UkIdiom(i, out var e8), e8);
        return best;
    }

    private bool Connector(int i, bool between, out int next)
    {
        next = i + 1;
        if (W(i, "to") || W(i, "till") || W(i, "until") || W(i, "through") || W(i, "thru") || P(i, "-") || P(i, "~") || P(i, "–"))
        {
            return true;
        }

        return between && W(i, "and");
    }

    private Node? RangeExpr(int i, out int end)
    {
        end = i;
        var j = i;
        var ja0 = i;
        var between = W(j, "between");
        if (between || W(j, "from"))
        {
            j++;
        }

        if (W(j, "the") && W(j + 1, "end") || W(j, "the") && W(j + 1, "beginning") || W(j, "the") && W(j + 1, "middle") || W(j, "the") && W(j + 1, "start"))
        {
            j++;
        }

        var a = W(j, "now") && between ? Node.OnDay(_ref) : Simple(j, out ja0);
        var ja = W(j, "now") && between ? j + 1 : ja0;
        if ((a is null || a.Type == "duration") && DayNum(W(j, "the") ? j + 1 : j, true, out var bde) is var bare and > 0 && !(Adj(bde) && IsNum(bde)))
        {
            a = new Node { BareDay = true, Day = bare };
            ja = bde;
        }

        if (a is null || a.Type is not ("date" or "daterange") || !Connector(ja, between, out var jb))
        {
            return null;
        }

        if (W(jb, "the") && (W(jb + 1, "end") || W(jb + 1, "beginning") || W(jb + 1, "middle") || W(jb + 1, "start")))
        {
            jb++;
        }

        var eb = jb + 1;
        var b = W(jb, "now") || (W(jb, "date") && !between) ? Node.OnDay(_ref) : Simple(jb, out eb);
        if ((b is null || eb <= jb + 1) && a.Type == "date" && a.Value is { } av && !a.BareDay
            && DayNum(W(jb, "the") ? jb + 1 : jb, true, out var de) is var bd and > 0 && Tx.Make(av.Year, av.Month, bd) is { } bdd && bdd > av)
        {
            b = new Node { Value = bdd, Timex = a.Partial ? $"XXXX-{bdd.Month:D2}-{bdd.Day:D2}" : Tx.D(bdd), Partial = a.Partial, Month = bdd.Month, Day = bdd.Day };
            eb = de;
        }
        if (b is null || b.Type is not ("date" or "daterange"))
        {
            return null;
        }

        var r = Combine(a, b);
        if (r is not null)
        {
            end = eb;
        }

        return r;
    }
}
