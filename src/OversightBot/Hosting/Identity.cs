using OversightBot.Core.Domain;
using OversightBot.Core.Ports;

namespace OversightBot.Hosting;

/// <summary>Who is asking on the terminal and the web chat: an email from --as or the request.</summary>
public static class Identity
{
    public sealed record Result(Person? Person, string? Warning);

    public static async Task<Result> ResolveAsync(IPersonStore people, string? email, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return new Result(null, null);
        }

        var person = await people.GetPersonAsync(email, ct);
        return person is null
            ? new Result(null, $"(No person with email {email.Trim()} is known: answering read-only.)")
            : new Result(person, null);
    }
}
