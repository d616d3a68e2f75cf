using System.IO.Compression;
using System.Text.Json.Nodes;

namespace OversightBot.Channels.Teams;

/// <summary>
/// The Teams app package: manifests/teams (embedded at build time) with the placeholder ids replaced, zipped
/// with the two icons at the root, ready to upload in Teams (Apps → Manage your apps → Upload an app).
/// </summary>
public static class TeamsAppPackage
{
    public const string PlaceholderId = "00000000-0000-0000-0000-000000000000";
    public static readonly string[] Files = ["manifest.json", "color.png", "outline.png"];

    /// <summary>The manifest with <paramref name="appId"/> as the app id and bot id (<paramref name="botId"/> when they differ).</summary>
    public static JsonObject Manifest(Guid appId, Guid? botId = null, string? version = null)
    {
        var manifest = JsonNode.Parse(Resource("manifest.json"))!.AsObject();
        manifest["id"] = appId.ToString();
        foreach (var bot in manifest["bots"]!.AsArray())
        {
            bot!["botId"] = (botId ?? appId).ToString();
        }

        if (version is not null)
        {
            manifest["version"] = version;
        }

        return manifest;
    }

    public static void Write(Stream output, Guid appId, Guid? botId = null, string? version = null)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var manifest = zip.CreateEntry("manifest.json", CompressionLevel.Optimal);
        using (var writer = new StreamWriter(manifest.Open()))
        {
            writer.Write(Manifest(appId, botId, version).ToJsonString(new() { WriteIndented = true }));
        }

        foreach (var icon in Files.Skip(1))
        {
            using var source = Open(icon);
            using var target = zip.CreateEntry(icon, CompressionLevel.Optimal).Open();
            source.CopyTo(target);
        }
    }

    private static string Resource(string name)
    {
        using var reader = new StreamReader(Open(name));
        return reader.ReadToEnd();
    }

    private static Stream Open(string name) =>
        typeof(TeamsAppPackage).Assembly.GetManifestResourceStream("TeamsManifest/" + name)
        ?? throw new InvalidOperationException($"The Teams manifest file {name} is not embedded in this build.");
}
