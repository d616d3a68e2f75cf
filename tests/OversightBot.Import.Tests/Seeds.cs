using OversightBot.Import.Drafting;
using OversightBot.Import.Reading;

namespace OversightBot.Import.Tests;

/// <summary>The five seed documents, which CI lays in shared/seeds beside the repository (../shared/seeds).</summary>
public static class Seeds
{
    public const string Letter = "000_06f59070e715694e.txt";
    public const string Report = "001_9d26240cf835772e.txt";
    public const string Governance = "002_83b1de7998879439.txt";
    public const string Introduction = "003_eb7540135b31aa09.txt";
    public const string MemberLetter = "004_ed125cb47e07102e.txt";

    public static readonly string[] All = [Letter, Report, Governance, Introduction, MemberLetter];

    public static string Folder { get; } = Find();

    public static string PathOf(string name) => Path.Combine(Folder, name);

    public static string Text(string name) => File.ReadAllText(PathOf(name));

    public static FileDrafts Draft(string name, string kind = "auto") => DraftEngine.Draft(InputFile.Load(PathOf(name)), kind);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OversightBot.sln")))
            {
                var beside = Path.Combine(dir.FullName, "..", "shared", "seeds");
                if (Directory.Exists(beside))
                {
                    return Path.GetFullPath(beside);
                }
            }

            var candidate = Path.Combine(dir.FullName, "shared", "seeds");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("The seed documents are not beside the repository (../shared/seeds); CI lays them there.");
    }
}
