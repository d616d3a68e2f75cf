using System.Text.RegularExpressions;

namespace OversightBot.Core.Language;

/// <summary>
/// The phrasing behind each intent, as source-generated patterns over the lower-cased utterance. They are
/// alternations of literals (no nested quantifiers, so no catastrophic backtracking) and carry a match timeout
/// as a second guard; <see cref="Hit"/> treats a timeout as "no match".
/// </summary>
internal static partial class IntentRules
{
    private const RegexOptions Opts = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const int TimeoutMs = 200;

    public static readonly Regex Help = HelpRegex();
    public static readonly Regex More = MoreRegex();
    public static readonly Regex Unsubscribe = UnsubscribeRegex();
    public static readonly Regex Subscribe = SubscribeRegex();
    public static readonly Regex Snooze = SnoozeRegex();
    public static readonly Regex Digest = DigestRegex();
    public static readonly Regex Boards = BoardsRegex();
    public static readonly Regex Overdue = OverdueRegex();
    public static readonly Regex Due = DueRegex();
    public static readonly Regex OwnerWords = OwnerWordsRegex();
    public static readonly Regex StatusWords = StatusWordsRegex();
    public static readonly Regex UpdateVerb = UpdateVerbRegex();
    public static readonly Regex Question = QuestionRegex();
    public static readonly Regex SubscribeTime = SubscribeTimeRegex();

    /// <summary>A match that never throws: a timed-out match counts as no match.</summary>
    public static bool Hit(this Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    public static Match SafeMatch(this Regex regex, string text)
    {
        try
        {
            return regex.Match(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return Match.Empty;
        }
    }

    [GeneratedRegex(@"^\?+$|^(help|commands|menu|what can you do|what do you do|how do (i|you) (use|work)|how does this work|what can i ask|who are you|hi|hello|hey|start)\b[\s\w]*[?!.]*$|\bhelp\b", Opts, TimeoutMs)]
    private static partial Regex HelpRegex();

    [GeneratedRegex(@"^(more|show more|more please|next page|next|continue|keep going|and the rest|the rest|see more|load more|more results|show me more|anything else\?)[\s!.?]*$", Opts, TimeoutMs)]
    private static partial Regex MoreRegex();

    [GeneratedRegex(@"\b(unsubscribe|opt out|stop (sending|the|my|emailing|messaging)|no more (digests|summaries|updates)|turn off|cancel (my|the) (digest|subscription|summary)|don't send)\b", Opts, TimeoutMs)]
    private static partial Regex UnsubscribeRegex();

    [GeneratedRegex(@"\b(subscribe|sign me up|opt in|send me (a|the|my)? ?(weekly|daily|monday|friday)? ?(digest|summary|round-?up|update)s? (every|each|on|at|weekly|daily)|(every|each) (monday|tuesday|wednesday|thursday|friday|morning|week)\b.*\b(digest|summary|round-?up)|(digest|summary|round-?up) (every|each) )", Opts, TimeoutMs)]
    private static partial Regex SubscribeRegex();

    [GeneratedRegex(@"\b(snooze|mute|remind me (about|of|on)|remind me|hold off|defer reminders?|silence|ping me (about|again))\b", Opts, TimeoutMs)]
    private static partial Regex SnoozeRegex();

    [GeneratedRegex(@"\b(digest|summary|summarise|summarize|round-?up|overview|brief me|briefing|catch me up|what's new|whats new|state of play|headlines|weekly report)\b", Opts, TimeoutMs)]
    private static partial Regex DigestRegex();

    [GeneratedRegex(@"\b(boards?|board page|board's|published|publication|publish|web ?page|page up to date|website)\b", Opts, TimeoutMs)]
    private static partial Regex BoardsRegex();

    [GeneratedRegex(@"\b(overdue|over due|late|slipping|slipped behind|past (their|its|the|our)? ?(deadline|due date)s?|missed|missing (their|its|the)? ?deadlines?|behind schedule|slipped|lapsed|out of date|beyond (their|the)? ?deadline|not been done on time|running behind|red)\b", Opts, TimeoutMs)]
    private static partial Regex OverdueRegex();

    [GeneratedRegex(@"\b(due|deadlines?|coming up|upcoming|expire|expiring|expires|falls due|fall due|need to be done|needs doing|next few|on the horizon|diary|in the pipeline|what's next|whats next)\b", Opts, TimeoutMs)]
    private static partial Regex DueRegex();

    [GeneratedRegex(@"\b(my plate|my actions|my items|my recommendations|my deadlines|my list|my work|mine|assigned to me|do i own|am i responsible|i own|i'm responsible|owned by|assigned to|responsible for|who owns|own\??$|'s (actions|items|recommendations|deadlines|work|list))\b", Opts, TimeoutMs)]
    private static partial Regex OwnerWordsRegex();

    [GeneratedRegex(@"\b(status|progress|where are we|what's happening|whats happening|how is|how's|latest on|news on|update on|what about|tell me about|details|show me)\b", Opts, TimeoutMs)]
    private static partial Regex StatusWordsRegex();

    [GeneratedRegex(@"^(please )?(mark|set|change|update|move|push|extend|add|note|log|record|close|complete|reopen|re-open|progress on)\b|\b(new (due )?date|new deadline|note on|note for|add evidence|evidence:?|mark(ed)? as|is now|has been|now (done|complete|in progress)|revised (date|deadline)|to be moved)\b", Opts, TimeoutMs)]
    private static partial Regex UpdateVerbRegex();

    [GeneratedRegex(@"^(is|are|was|were|has|have|did|does|do|what|when|who|which|how|where|why|can|could|any)\b|\?\s*$", Opts, TimeoutMs)]
    private static partial Regex QuestionRegex();

    [GeneratedRegex(@"\bat ([0-9]{1,2})(?::([0-9]{2}))? ?(am|pm)?\b", Opts, TimeoutMs)]
    private static partial Regex SubscribeTimeRegex();
}
