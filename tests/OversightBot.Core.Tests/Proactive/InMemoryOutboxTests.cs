using OversightBot.Core.Ports;
using OversightBot.Core.Proactive;
using OversightBot.Testing;

namespace OversightBot.Core.Tests.Proactive;

/// <summary>The outbox suite on the in-memory outbox used by <c>simulate</c>.</summary>
public sealed class InMemoryOutboxTests : OutboxContractTests
{
    protected override IOutboxStore CreateOutbox() => new InMemoryOutboxStore();
}
