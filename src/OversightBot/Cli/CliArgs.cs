using System.Globalization;

namespace OversightBot.Cli;

/// <summary>A verb's arguments: positional words and --options (with or without a value).</summary>
public sealed class CliArgs
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _flags;

    public CliArgs(IReadOnlyList<string> args, IEnumerable<string> flags)
    {
        _flags = [.. flags];
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2)
            {
                var eq = a.IndexOf('=', StringComparison.Ordinal);
                if (eq > 0)
                {
                    _options[a[..eq]] = a[(eq + 1)..];
                }
                else if (_flags.Contains(a) || i + 1 >= args.Count)
                {
                    _options[a] = null;
                }
                else
                {
                    _options[a] = args[++i];
                }
            }
            else
            {
                Positional.Add(a);
            }
        }
    }

    public List<string> Positional { get; } = [];

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Get(string name) => _options.TryGetValue(name, out var v) ? v : null;

    public IEnumerable<string> OptionNames => _options.Keys;

    /// <summary>Parses a YYYY-MM-DD option; throws <see cref="UsageException"/> with a clear message otherwise.</summary>
    public DateOnly? GetDate(string name)
    {
        var raw = Get(name);
        if (raw is null)
        {
            return Has(name) ? throw new UsageException($"{name} needs a date (YYYY-MM-DD).") : null;
        }

        return DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
            ? d
            : throw new UsageException($"{name} '{raw}' is not a real date in the form YYYY-MM-DD.");
    }

    public int GetInt(string name, int fallback)
    {
        var raw = Get(name);
        if (raw is null)
        {
            return fallback;
        }

        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0
            ? n
            : throw new UsageException($"{name} '{raw}' is not a whole number.");
    }

    /// <summary>Refuses options the verb does not know, so typos are not silently ignored.</summary>
    public void AllowOnly(params string[] known)
    {
        var unknown = _options.Keys.Where(k => !known.Contains(k, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            throw new UsageException($"Unknown option {string.Join(", ", unknown)}.");
        }
    }
}

/// <summary>Bad command-line input: printed as one clear line, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
