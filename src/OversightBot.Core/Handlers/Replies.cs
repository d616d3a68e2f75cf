using OversightBot.Core.Replies;

namespace OversightBot.Core.Handlers;

/// <summary>Small replies shared by handlers: refusals and errors that change nothing.</summary>
public static class Refusal
{
    public static Reply Because(string intent, string why, params string[] followUps) => new()
    {
        Intent = intent,
        Heading = "Nothing changed",
        Text = why,
        IsError = true,
        FollowUps = followUps,
    };
}
