using OversightBot.Core.Domain;

namespace OversightBot.Core.Ports;

public interface IBoardStore
{
    Task<Board?> GetBoardAsync(string id, CancellationToken ct);

    /// <summary>The board whose id, name or alias matches, case-insensitively.</summary>
    Task<Board?> FindBoardAsync(string nameOrAlias, CancellationToken ct);

    Task<IReadOnlyList<Board>> BoardsAsync(CancellationToken ct);

    Task UpsertBoardAsync(Board board, CancellationToken ct);
}
