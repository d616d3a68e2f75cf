using System.Text.RegularExpressions;

namespace OversightBot.Core.Language;

/// <summary>The phrasing behind each intent, as non-backtracking patterns over the lower-cased utterance.</summary>
internal static class IntentRules
{
    private const RegexOptions Opts = RegexOptions.NonBacktracking | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    public static readonly Regex Help = new(@"^\?+$|^(help|commands|menu|what can you do|what do you do|how do (i|you) (use|work)|how does this work|what can i ask|who are you|hi|hello|hey|start)\b[\s\w]*[?!.]*$|\bhelp\b", Opts);
    public static readonly Regex More = new(@"^(more|show more|more please|next page|next|continue|keep going|and the rest|the rest|see more|load more|more results|show me more|anything else\?)[\s!.?]*$", Opts);
    public static readonly Regex Unsubscribe = new(@"\b(unsubscribe|opt out|stop (sending|the|my|emailing|messaging)|no more (digests|summaries|updates)|turn off|cancel (my|the) (digest|subscription|summary)|don't send)\b", Opts);
    public static readonly Regex Subscribe = new(@"\b(subscribe|sign me up|opt in|send me (a|the|my)? ?(weekly|daily|monday|friday)? ?(digest|summary|round-?up|update)s? (every|each|on|at|weekly|daily)|(every|each) (monday|tuesday|wednesday|thursday|friday|morning|week)\b.*\b(digest|summary|round-?up)|(digest|summary|round-?up) (every|each) )", Opts);
    public static readonly Regex Snooze = new(@"\b(snooze|mute|remind me (about|of|on)|remind me|hold off|defer reminders?|silence|ping me (about|again))\b", Opts);
    public static readonly Regex Digest = new(@"\b(digest|summary|summarise|summarize|round-?up|overview|brief me|briefing|catch me up|what's new|whats new|state of play|headlines|weekly report)\b", Opts);
    public static readonly Regex Boards = new(@"\b(boards?|board page|board's|published|publication|publish|web ?page|page up to date|website)\b", Opts);
    public static readonly Regex Overdue = new(@"\b(overdue|over due|late|past (their|its|the|our)? ?(deadline|due date)s?|missed|missing (their|its|the)? ?deadlines?|behind schedule|slipped|lapsed|out of date|beyond (their|the)? ?deadline|not been done on time|running behind|red)\b", Opts);
    public static readonly Regex Due = new(@"\b(due|deadlines?|coming up|upcoming|expire|expiring|expires|falls due|fall due|need to be done|needs doing|next few|on the horizon|diary|in the pipeline|what's next|whats next)\b", Opts);
    public static readonly Regex OwnerWords = new(@"\b(my plate|my actions|my items|my recommendations|my deadlines|my list|my work|mine|assigned to me|do i own|am i responsible|i own|i'm responsible|owned by|assigned to|responsible for|who owns|own\??$|'s (actions|items|recommendations|deadlines|work|list))\b", Opts);
    public static readonly Regex StatusWords = new(@"\b(status|progress|where are we|what's happening|whats happening|how is|how's|latest on|news on|update on|what about|tell me about|details|show me)\b", Opts);
    public static readonly Regex UpdateVerb = new(@"^(please )?(mark|set|change|update|move|push|extend|add|note|log|record|close|complete|reopen|re-open|progress on)\b|\b(new (due )?date|new deadline|note on|note for|add evidence|evidence:?|mark(ed)? as|is now|has been|now (done|complete|in progress)|revised (date|deadline)|to be moved)\b", Opts);
    public static readonly Regex Question = new(@"^(is|are|was|were|has|have|did|does|do|what|when|who|which|how|where|why|can|could|any)\b|\?\s*$", Opts);
    public static readonly Regex SubscribeTime = new(@"\bat (\d{1,2})(?::(\d{2}))? ?(am|pm)?\b", Opts);
}
