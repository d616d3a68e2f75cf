using Microsoft.Extensions.Options;

namespace OversightBot.Channels.Teams;

/// <summary>
/// Where the bot may send its Connector token. A serviceUrl comes from the inbound activity; only hosts on
/// <see cref="TeamsOptions.AllowedServiceUrlHosts"/> (https) are trusted, plus loopback in development mode.
/// </summary>
public sealed class ServiceUrlPolicy(IOptions<TeamsOptions> options)
{
    private readonly TeamsOptions _options = options.Value;

    public bool IsAllowed(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) || !string.IsNullOrEmpty(uri.UserInfo))
        {
            return false;
        }

        if (uri.IsLoopback && _options.IsDevelopmentMode)
        {
            return uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps;
        }

        if (!HostListed(uri.IdnHost))
        {
            return false;
        }

        // Plain http only for a loopback host that is listed explicitly (tests, a local fake connector).
        return TeamsOptions.SecureOrLoopback(uri);
    }

    private bool HostListed(string host)
    {
        foreach (var entry in _options.EffectiveServiceUrlHosts)
        {
            var pattern = entry.Trim().ToLowerInvariant();
            if (pattern.StartsWith("*.", StringComparison.Ordinal)
                ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase) && host.Length > pattern.Length - 1
                : string.Equals(host, pattern, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
