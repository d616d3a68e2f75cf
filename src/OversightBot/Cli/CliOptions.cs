using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace OversightBot.Cli;

/// <summary>Options shared by several verbs, each parsed strictly: a bad value is a usage error before anything runs.</summary>
public static class CliOptions
{
    /// <summary>A <c>YYYY-MM-DD</c> option; impossible dates ("2023-02-31") and other forms are refused.</summary>
    public static Option<DateOnly?> Date(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "YYYY-MM-DD",
        CustomParser = result =>
        {
            var raw = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return d;
            }

            result.AddError($"{name} '{raw}' is not a real date in the form YYYY-MM-DD.");
            return null;
        },
    };

    /// <summary>
    /// Free words (a question, a text): any number of them, joined by spaces. A word that looks like an option
    /// (<c>--as-off</c>) is refused with a suggestion rather than read as part of the text.
    /// </summary>
    public static Argument<string[]> Words(string name, string description)
    {
        var words = new Argument<string[]>(name) { Description = description, Arity = ArgumentArity.ZeroOrMore };
        words.Validators.Add(result =>
        {
            var command = (result.Parent as CommandResult)?.Command;
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith("--", StringComparison.Ordinal) && t.Value.Length > 2))
            {
                var guess = command is null ? [] : TypoSuggestions.For(token.Value, command).Select(s => $"'{s}'").ToList();
                result.AddError($"Unknown option '{token.Value}'." + (guess.Count > 0 ? $" Did you mean {string.Join(" or ", guess)}?" : ""));
            }
        });
        return words;
    }

    /// <summary>A whole number option (0 or more) with a default.</summary>
    public static Option<int> Count(string name, int fallback, string description) => new(name)
    {
        Description = description,
        HelpName = "N",
        DefaultValueFactory = _ => fallback,
        CustomParser = result => ParseCount(result, name),
    };

    /// <summary><c>--json</c>: machine-readable output instead of text.</summary>
    public static Option<bool> Json(string description = "print JSON instead of text") => new("--json") { Description = description };

    private static int ParseCount(ArgumentResult result, string name)
    {
        var raw = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        if (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        result.AddError($"{name} '{raw}' is not a whole number.");
        return 0;
    }
}
