using OversightBot.Core.Ports;
using OversightBot.Testing;

namespace OversightBot.Core.Tests.Storage;

/// <summary>The in-memory fake passes the same store suite as the real store.</summary>
public sealed class FakeStoreContractTests : StoreContractTests
{
    protected override (IItemStore Items, IBoardStore Boards, IPersonStore People, IStoreAdmin Admin) CreateStore()
    {
        var store = new FakeStore();
        return (store, store, store, store);
    }
}
