using OversightBot.Core.Domain;
using OversightBot.Core.DemoData;
using OversightBot.Core.Language;
using Xunit.Abstractions;

namespace OversightBot.Core.Tests.Language;

/// <summary>The demo dataset states each deadline as document wording plus a document date: the resolver must agree with it.</summary>
public class DemoDeadlineTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_demo_item_whose_due_rule_is_understood_resolves_to_its_due_date()
    {
        var items = DemoDataSet.LoadEmbedded().Items.Where(i => !string.IsNullOrWhiteSpace(i.DueRule)).ToList();
        var understood = 0;
        var wrong = new List<string>();
        foreach (var item in items)
        {
            var d = DeadlineResolver.Resolve(item.DueRule, item.Source.Date);
            if (d.Due is not { } due)
            {
                output.WriteLine($"not understood: {item.Id} \"{item.DueRule}\"");
                continue;
            }

            understood++;
            var expected = item.Due ?? PartsDue(items, item.Id);
            if (expected != due)
            {
                wrong.Add($"{item.Id} \"{item.DueRule}\" from {item.Source.Date:yyyy-MM-dd}: resolved {due:yyyy-MM-dd}, dataset {expected:yyyy-MM-dd}");
            }
        }

        output.WriteLine($"{understood} of {items.Count} due rules understood");
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
        Assert.True(understood > 0, "no due rule was understood");
    }

    /// <summary>A recommendation in parts has no date of its own: its rule gives the date all of its parts share.</summary>
    private static DateOnly? PartsDue(IReadOnlyList<TrackedItem> items, string parentId)
    {
        var dues = items.Where(i => i.ParentId == parentId).Select(i => i.Due).Distinct().ToList();
        return dues.Count == 1 ? dues[0] : null;
    }
}
