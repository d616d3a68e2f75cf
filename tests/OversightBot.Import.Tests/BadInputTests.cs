using System.Text;
using OversightBot.Import.Drafting;
using OversightBot.Import.Importing;
using OversightBot.Import.Reading;
using OversightBot.Storage.LiteDb;
using OversightBot.Testing;

namespace OversightBot.Import.Tests;

/// <summary>Every bad input is a clear error, and an import that meets one stores nothing.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void EmptyFile_IsRefusedAsEmpty() => AssertRefused("empty.txt", [], "empty");

    [Fact]
    public void BinaryFile_IsRefusedAsBinary() => AssertRefused("notes.txt", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0x13, 0x37], "binary");

    [Fact]
    public void WindowsEncodedText_IsRefusedAndAsksForUtf8() =>
        AssertRefused("letter.txt", Encoding.Latin1.GetBytes("Recommendation: the caf\u00e9 should reply within four weeks."), "UTF-8");

    [Fact]
    public void Utf16TextWithByteOrderMark_IsRead()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(SeedDraftTests.Inspection)).ToArray();
        Assert.Equal(4, DraftEngine.Draft(InputFile.FromBytes("peel.txt", bytes)).Drafts.Count);
    }

    [Fact]
    public void ImageOnlyPdf_IsRefusedAsHavingNoTextLayer() => AssertRefused("scan.pdf", TestDocuments.ImageOnlyPdf(), "no text layer");

    [Fact]
    public void EncryptedPdf_IsRefusedAsEncrypted() => AssertRefused("locked.pdf", EncryptedPdf(), "encrypted");

    [Fact]
    public void PdfNamedFileWithOtherContent_IsRefused() => AssertRefused("letter.pdf", Encoding.UTF8.GetBytes("just text"), "not a .pdf file");

    [Fact]
    public void FiftyMegabyteFile_IsRefusedBeforeItIsRead()
    {
        using var folder = new TempFolder();
        var path = folder.File("huge.txt");
        using (var stream = File.Create(path))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        var error = Assert.Throws<ImportException>(() => InputFile.Load(path));
        Assert.Contains("50 MB is larger than the 20 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SpreadsheetWithoutATitleColumn_IsRefusedNamingTheColumns() =>
        AssertRefused("tracker.csv", Encoding.UTF8.GetBytes("Owner,Due\nPartnership Team,03/02/2023\n"), "needs a Title column");

    [Fact]
    public void SpreadsheetWithFormulas_IsRefusedListingTheCells()
    {
        var xlsx = TestSheets.Xlsx(["Title", "Owner", "Due"], ["Publish minutes", "Partnership Team", "=TODAY()+28"]);
        AssertRefused("tracker.xlsx", xlsx, "formulas (C2)");
    }

    [Fact]
    public async Task Import_WithOneBadFile_StoresNothing()
    {
        using var folder = new TempFolder();
        using var store = new LiteDbStore(folder.File("t.db"));
        var importer = new Importer(store, TimeProvider.System);
        var good = InputFile.Load(Seeds.PathOf(Seeds.Letter));
        var bad = InputFile.FromBytes("scan.pdf", TestDocuments.ImageOnlyPdf());
        await Assert.ThrowsAsync<ImportException>(() => importer.PlanAsync([good, bad], "auto", CancellationToken.None));
        Assert.Equal(0, await store.CountAsync(CancellationToken.None));
    }

    private static void AssertRefused(string name, byte[] bytes, string expected)
    {
        var error = Assert.Throws<ImportException>(() => DraftEngine.Draft(InputFile.FromBytes(name, bytes)));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(name, error.Message, StringComparison.Ordinal);
    }

    /// <summary>A PDF whose trailer names a standard security handler whose password check fails for the empty password.</summary>
    private static byte[] EncryptedPdf()
    {
        var text = Encoding.Latin1.GetString(TestDocuments.Pdf("Recommendation: MOPAC should reply within four weeks."));
        var at = text.LastIndexOf("trailer", StringComparison.Ordinal);
        var open = text.IndexOf("<<", at, StringComparison.Ordinal) + 2;
        var hex = new string('A', 64);
        var encrypt = $" /Encrypt << /Filter /Standard /V 1 /R 2 /O <{hex}> /U <{hex}> /P -44 >> /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]";
        return Encoding.Latin1.GetBytes(text[..open] + encrypt + text[open..]);
    }
}
