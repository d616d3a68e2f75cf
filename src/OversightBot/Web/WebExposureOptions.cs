using System.Net;

namespace OversightBot.Web;

/// <summary>Settings section "Web": how the host is reached.</summary>
public sealed class WebExposureOptions
{
    public const string Section = "Web";

    /// <summary>
    /// Reverse proxies (IP addresses or CIDR networks, e.g. "127.0.0.1" or "10.0.0.0/24") whose
    /// X-Forwarded-For/-Proto/-Host headers are believed. Empty: forwarded headers are never believed.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>The entries as networks (a single address is a /32 or /128); problems for entries that are neither.</summary>
    public (IReadOnlyList<IPNetwork> Networks, IReadOnlyList<string> Problems) Parse()
    {
        var networks = new List<IPNetwork>();
        var problems = new List<string>();
        foreach (var entry in TrustedProxies.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => e.Trim()))
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                networks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                networks.Add(new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
            }
            else
            {
                problems.Add($"Web:TrustedProxies: '{entry}' is not an IP address or a CIDR network.");
            }
        }

        return (networks, problems);
    }
}
