using System.Net;
using System.Net.Http.Headers;

namespace OversightBot.Channels.Teams.Tests;

/// <summary>What the interactive path retries inside a request, and what it leaves alone.</summary>
public sealed class ConnectorResilienceTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);

    [Theory]
    [InlineData(429, "POST", null, true)]
    [InlineData(412, "PUT", 2, true)]
    [InlineData(429, "POST", 120, false)]
    [InlineData(502, "POST", null, false)]
    [InlineData(504, "POST", null, false)]
    [InlineData(502, "PUT", null, true)]
    [InlineData(504, "GET", null, true)]
    [InlineData(500, "PUT", null, false)]
    [InlineData(403, "POST", null, false)]
    public void ShouldRetry_OnlyThrottlesThatFitTheBudget_AndGatewayErrorsOfIdempotentCalls(int status, string method, int? retryAfterSeconds, bool retried)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "https://smba.trafficmanager.net/teams/v3/conversations/a/activities");
        using var response = new HttpResponseMessage((HttpStatusCode)status) { RequestMessage = request };
        if (retryAfterSeconds is { } s)
        {
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(s));
        }

        Assert.Equal(retried, ConnectorResilience.ShouldRetry(response, Budget, TimeProvider.System));
    }

    [Fact]
    public void A_throttle_names_the_conversation_only_when_its_answer_does()
    {
        Assert.Equal(Core.Ports.ThrottleScope.Conversation, new ConnectorResult(429, "{\"error\":{\"message\":\"Thread is busy\"}}").Scope);
        Assert.Equal(Core.Ports.ThrottleScope.Workspace, new ConnectorResult(429, "{\"error\":{\"code\":\"Throttled\"}}").Scope);
        Assert.Equal(Core.Ports.ThrottleScope.Workspace, new ConnectorResult(429).Scope);
    }
}
