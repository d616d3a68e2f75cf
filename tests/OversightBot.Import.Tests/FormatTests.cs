using OversightBot.Import.Drafting;
using OversightBot.Import.Reading;

namespace OversightBot.Import.Tests;

/// <summary>Letters arrive as PDF and Word: the same document drafts the same items, ids and dates in every format.</summary>
public sealed class FormatTests
{
    [Theory]
    [InlineData(Seeds.Letter)]
    [InlineData(Seeds.Governance)]
    [InlineData(Seeds.MemberLetter)]
    public void Pdf_BuiltFromTheSeed_DraftsTheSameItemsAsTheText(string seed)
    {
        var fromText = Seeds.Draft(seed).Drafts;
        var pdf = DraftEngine.Draft(InputFile.FromBytes(seed + ".pdf", TestDocuments.Pdf(Seeds.Text(seed)))).Drafts;
        Assert.Equal(Summary(fromText), Summary(pdf));
    }

    [Theory]
    [InlineData(Seeds.Letter)]
    [InlineData(Seeds.Governance)]
    [InlineData(Seeds.MemberLetter)]
    public void Docx_BuiltFromTheSeed_DraftsTheSameItemsAsTheText(string seed)
    {
        var fromText = Seeds.Draft(seed).Drafts;
        var docx = DraftEngine.Draft(InputFile.FromBytes(seed + ".docx", TestDocuments.Docx(Seeds.Text(seed)))).Drafts;
        Assert.Equal(Summary(fromText), Summary(docx));
    }

    private static List<string> Summary(IEnumerable<Draft> drafts) =>
        [.. drafts.Select(d => $"{d.Id} {d.Due:yyyy-MM-dd} {d.Recurrence} {d.Owner} parts={d.Parts.Count}")];
}
