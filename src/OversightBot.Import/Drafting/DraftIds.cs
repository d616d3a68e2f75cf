using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using OversightBot.Core.Domain;

namespace OversightBot.Import.Drafting;

/// <summary>
/// Stable ids from content: the same sentence of the same document always gets the same id ("R-482913"), whatever
/// format the document arrived in, so re-importing it finds the items it made before.
/// </summary>
public static class DraftIds
{
    public static string Prefix(ItemKind kind) => kind switch
    {
        ItemKind.Recommendation => "R",
        ItemKind.ImprovementAction => "A",
        ItemKind.StatutoryDuty => "S",
        _ => "Q",
    };

    /// <summary>Lower-case letters and digits only, single-spaced: survives PDF and Word round trips and typographic quotes.</summary>
    public static string Normalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Normalize(NormalizationForm.FormKD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else if (!space && sb.Length > 0 && (char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c)))
            {
                sb.Append(' ');
                space = true;
            }
        }

        return sb.ToString().TrimEnd();
    }

    public static string Hash(params string?[] parts)
    {
        var joined = string.Join("\u001f", parts.Select(p => Normalise(p ?? "")));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)));
    }

    /// <summary>The id a content hash asks for: the kind's letter and six digits (100000-999999), then the next free ones.</summary>
    public static string FromHash(ItemKind kind, string hash, int probe = 0)
    {
        var n = ulong.Parse(hash[..15], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var number = 100_000 + (int)((n + (ulong)probe) % 900_000);
        return $"{Prefix(kind)}-{number.ToString(CultureInfo.InvariantCulture)}";
    }
}
