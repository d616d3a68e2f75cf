using LiteDB;
using OversightBot.Core.Domain;
using OversightBot.Core.Ports;

namespace OversightBot.Storage.LiteDb;

public sealed partial class LiteDbStore : IBoardStore
{
    internal const string BoardsName = "boards";

    private ILiteCollection<Board> Boards => _db.GetCollection<Board>(BoardsName);

    public Task<Board?> GetBoardAsync(string id, CancellationToken ct) => Task.FromResult<Board?>(Boards.FindById(id));

    public Task<Board?> FindBoardAsync(string nameOrAlias, CancellationToken ct)
    {
        var wanted = nameOrAlias.Trim();
        return Task.FromResult(Boards.FindById(wanted.ToLowerInvariant()) ?? Boards.FindAll().FirstOrDefault(b => b.Matches(wanted)));
    }

    public Task<IReadOnlyList<Board>> BoardsAsync(CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Board>>(Boards.FindAll().OrderBy(b => b.Name, StringComparer.OrdinalIgnoreCase).ToList());

    public Task UpsertBoardAsync(Board board, CancellationToken ct)
    {
        Boards.Upsert(board);
        Changed();
        return Task.CompletedTask;
    }
}
