using System.Net;
using Microsoft.AspNetCore.Http;
using OversightBot.Web;

namespace OversightBot.Tests;

/// <summary>The web chat lets its user pick an identity, so it answers only this machine unless allowed.</summary>
public sealed class LoopbackOnlyFilterTests
{
    [Theory]
    [InlineData("127.0.0.1", false, true)]
    [InlineData("::1", false, true)]
    [InlineData("10.1.2.3", false, false)]
    [InlineData("203.0.113.9", false, false)]
    [InlineData("203.0.113.9", true, true)]
    public async Task WebChat_FromAddress_IsAnsweredOnlyWhenLoopbackOrAllowed(string address, bool allowRemote, bool answered)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(address);
        var reached = false;

        var result = await new LoopbackOnlyFilter(allowRemote).InvokeAsync(
            new DefaultEndpointFilterInvocationContext(http),
            _ =>
            {
                reached = true;
                return ValueTask.FromResult<object?>(Results.Ok());
            });

        Assert.Equal(answered, reached);
        if (!answered)
        {
            var status = Assert.IsAssignableFrom<IStatusCodeHttpResult>(result);
            Assert.Equal(StatusCodes.Status403Forbidden, status.StatusCode);
        }
    }
}
