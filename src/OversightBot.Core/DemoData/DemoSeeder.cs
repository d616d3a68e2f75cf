using OversightBot.Core.Ports;

namespace OversightBot.Core.DemoData;

/// <summary>Loads the demo dataset into an empty store on first start; never touches a store that has data.</summary>
public static class DemoSeeder
{
    public static async Task<bool> SeedIfEmptyAsync(IStoreAdmin admin, IItemStore items, IBoardStore boards, IPersonStore people, CancellationToken ct)
    {
        if (!await admin.IsEmptyAsync(ct))
        {
            return false;
        }

        var demo = DemoDataSet.LoadEmbedded();
        foreach (var person in demo.People)
        {
            await people.UpsertPersonAsync(person, ct);
        }

        foreach (var board in demo.Boards)
        {
            await boards.UpsertBoardAsync(board, ct);
        }

        await items.UpsertManyAsync(demo.Items, ct);
        if (items is IStatisticStore statistics)
        {
            foreach (var statistic in demo.Statistics)
            {
                await statistics.UpsertStatisticAsync(statistic, ct);
            }
        }

        return true;
    }
}
