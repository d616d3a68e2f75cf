using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json.Nodes;
using OversightBot.Channels.Teams.Tests.Fakes;
using OversightBot.Testing;

namespace OversightBot.Channels.Teams.Tests;

/// <summary>manifests/teams and the upload zip, validated offline against the schema bundled in @microsoft/app-manifest.</summary>
public sealed class ManifestTests : IDisposable
{
    private static readonly Guid AppId = Guid.Parse("3f2504e0-4f89-11d3-9a0c-0305e82c3301");
    private readonly TempFolder _folder = new();

    [PeerFact]
    public async Task The_checked_in_manifest_is_valid_against_its_schema()
    {
        var (code, output) = await NodePeers.RunAsync("validate-manifest.js", Path.Combine(NodePeers.RepoRoot, "manifests", "teams", "manifest.json"));

        Assert.True(code == 0, output);
        Assert.Contains("\"schema\":\"v1.22\"", output, StringComparison.Ordinal);
    }

    [PeerFact]
    public async Task The_packaged_manifest_with_a_real_app_id_is_valid_against_its_schema()
    {
        var file = _folder.File("manifest.json");
        await File.WriteAllTextAsync(file, TeamsAppPackage.Manifest(AppId).ToJsonString());

        var (code, output) = await NodePeers.RunAsync("validate-manifest.js", file);

        Assert.True(code == 0, output);
    }

    [PeerFact]
    public async Task The_validator_does_refuse_a_broken_manifest()
    {
        var manifest = TeamsAppPackage.Manifest(AppId);
        manifest["name"]!["short"] = new string('n', 31);
        manifest.Remove("developer");
        var file = _folder.File("broken.json");
        await File.WriteAllTextAsync(file, manifest.ToJsonString());

        var (code, output) = await NodePeers.RunAsync("validate-manifest.js", file);

        Assert.Equal(1, code);
        Assert.Contains("developer", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_package_zips_manifest_and_icons_at_its_root_with_the_app_id_filled_in()
    {
        using var buffer = new MemoryStream();
        TeamsAppPackage.Write(buffer, AppId);
        buffer.Position = 0;
        using var zip = new ZipArchive(buffer, ZipArchiveMode.Read);

        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var manifest = JsonNode.Parse(reader.ReadToEnd())!;
        Assert.Equal(AppId.ToString(), manifest["id"]!.GetValue<string>());
        Assert.Equal(AppId.ToString(), manifest["bots"]![0]!["botId"]!.GetValue<string>());
        Assert.Equal(6, manifest["bots"]![0]!["commandLists"]![0]!["commands"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void The_icons_have_the_sizes_Teams_requires(string name, int size)
    {
        var bytes = File.ReadAllBytes(Path.Combine(NodePeers.RepoRoot, "manifests", "teams", name));

        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        Assert.Equal(size, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
        Assert.Equal(6, bytes[25]); // RGBA: the outline's background is transparent
    }

    public void Dispose() => _folder.Dispose();
}
