namespace OversightBot.Web;

/// <summary>Settings section "WebChat".</summary>
public sealed class WebChatOptions
{
    public const string Section = "WebChat";

    /// <summary>
    /// The web chat lets its user pick who they are (a demo convenience with no sign-in), so by default it answers
    /// only callers on this machine (loopback). Set true only behind your own authentication.
    /// </summary>
    public bool AllowRemote { get; set; }
}
