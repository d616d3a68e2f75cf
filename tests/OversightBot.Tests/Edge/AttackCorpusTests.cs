using System.Text;

namespace OversightBot.Tests.Edge;

/// <summary>
/// Inputs that once answered 500. Each gets a clear 4xx, or 200 when the activity is safely ignored — never a 5xx,
/// and the host keeps answering afterwards.
/// </summary>
public sealed class AttackCorpusTests(EdgeHost host) : IClassFixture<EdgeHost>
{
    private const string A = EdgeHost.Envelope;
    private static readonly string Long = new('x', 2000);

    /// <summary>Fills the placeholders: ENV (the activity envelope), LONG (2,000 letters), WORD (a 5,000-letter word), CONV.</summary>
    private static string J(string json) => json
        .Replace("ENV", A, StringComparison.Ordinal)
        .Replace("LONG", Long, StringComparison.Ordinal)
        .Replace("WORD", new string('q', 5000), StringComparison.Ordinal)
        .Replace("CONV", "\"conversation\":\"shrink\"", StringComparison.Ordinal);

    public static TheoryData<string, string, int> Activities => new()
    {
        { "invoke, a lone surrogate in action.data.value", J("""{"type":"invoke","name":"adaptiveCard/action",ENV,"value":{"action":{"data":{"value":"\ud800"}}}}"""), 400 },
        { "message, entities [null]", J("""{"type":"message","text":"help",ENV,"entities":[null]}"""), 400 },
        { "conversationUpdate, membersAdded [null]", J("""{"type":"conversationUpdate",ENV,"membersAdded":[null]}"""), 400 },
        { "conversationUpdate, membersRemoved [null]", J("""{"type":"conversationUpdate",ENV,"membersRemoved":[null]}"""), 400 },
        { "message, attachments [null]", J("""{"type":"message","text":"help",ENV,"attachments":[null]}"""), 400 },
        { "message, from.aadObjectId 2000 characters", J("""{"type":"message","text":"help",ENV,"from":{"id":"29:u","aadObjectId":"LONG"}}"""), 400 },
        { "message, conversation.id 2000 characters", J("""{"type":"message","text":"help","serviceUrl":"https://connector.invalid/","conversation":{"id":"LONG"},"from":{"id":"29:u"}}"""), 400 },
        { "message, from.id 2000 characters", J("""{"type":"message","text":"help",ENV,"from":{"id":"LONG"}}"""), 400 },
        { "message, a lone surrogate in the tenant id", J("""{"type":"message","text":"help",ENV,"channelData":{"tenant":{"id":"\udc00"}}}"""), 400 },
        { "message, a lone surrogate in the text", J("""{"type":"message","text":"what's \ud83d overdue",ENV}"""), 400 },
        { "message, a lone surrogate in a property name", J("""{"type":"message","text":"help",ENV,"channelData":{"\ud800":1}}"""), 400 },
        { "message, a surrogate pair is fine", J("""{"type":"message","text":"what's overdue? \ud83d\ude00",ENV}"""), 200 },
        { "message, text is a number", J("""{"type":"message","text":5,ENV}"""), 400 },
        { "message, entities is an object", J("""{"type":"message","text":"help",ENV,"entities":{}}"""), 400 },
        { "message, a mention of null", J("""{"type":"message","text":"help",ENV,"entities":[{"type":"mention","mentioned":null}]}"""), 200 },
        { "invoke, action data null", J("""{"type":"invoke","name":"adaptiveCard/action",ENV,"value":{"action":{"data":null}}}"""), 200 },
        { "nested 200 deep", "{\"type\":\"message\"," + A + ",\"value\":" + new string('[', 200) + new string(']', 200) + "}", 400 },
        { "type only", J("""{"type":"message"}"""), 200 },
        { "not an object", "[1,2,3]", 400 },
    };

    [Theory]
    [MemberData(nameof(Activities))]
    public async Task Activity_AttackInput_GetsAClearAnswer(string why, string json, int expected)
    {
        var status = await host.PostAsync("/api/messages", json);

        Assert.True(status == expected, $"{why}: {status}, expected {expected}");
    }

    [Fact]
    public async Task Activity_InvalidUtf8InTheTenantId_Is400()
    {
        var json = Encoding.UTF8.GetBytes(J("""{"type":"message","text":"help",ENV,"channelData":{"tenant":{"id":"?"}}}"""));
        json[Array.IndexOf(json, (byte)'?')] = 0xff;

        Assert.Equal(400, await host.PostBytesAsync("/api/messages", json));
    }

    [Theory]
    [InlineData("/api/messages")]
    [InlineData("/api/chat")]
    public async Task ChunkedBody_WithAChunkSizeThatOverflows_Is400(string path)
    {
        var status = await host.RawAsync(
            $"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\nffffffffffffffffff\r\n{{}}");

        Assert.Equal(400, status);
    }

    [Theory]
    [InlineData("/api/messages", "zz\r\n{}\r\n0\r\n\r\n")]
    [InlineData("/api/chat", "5\r\n{\"tex\r\n-1\r\n")]
    [InlineData("/api/chat", "4;ext=\"\r\n{}  \r\n0\r\n\r\n")]
    public async Task ChunkedBody_Malformed_Is400(string path, string chunks)
    {
        var status = await host.RawAsync(
            $"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n{chunks}");

        Assert.Equal(400, status);
    }

    public static TheoryData<string, string, int> ChatRequests => new()
    {
        { "asOf 0001-01-01", J("""{"text":"what's overdue?","asOf":"0001-01-01"}"""), 400 },
        { "asOf 9999-12-31, a clerk snoozes", J("""{"text":"snooze R-5 for a week","asOf":"9999-12-31","as":"colin.clerk@example.org"}"""), 400 },
        { "asOf 1899-12-31", J("""{"text":"what's overdue?","asOf":"1899-12-31"}"""), 400 },
        { "asOf 2199-12-31, a clerk snoozes", J("""{"text":"snooze R-5 for a week","asOf":"2199-12-31","as":"colin.clerk@example.org"}"""), 200 },
        { "a lone surrogate in the text", J("""{"text":"what's \udfff overdue?"}"""), 400 },
        { "a lone surrogate in as", J("""{"text":"what's overdue?","as":"\ud800@example.org"}"""), 400 },
        { "as 2000 characters", J("""{"text":"what's overdue?","as":"LONG@example.org"}"""), 400 },
        { "conversation 2000 characters", J("""{"text":"what's overdue?","conversation":"LONG"}"""), 400 },
        { "text is an array", J("""{"text":["a"]}"""), 400 },
        { "a date thousands of years away", J("""{"text":"snooze R-5 for 9000 years","as":"colin.clerk@example.org"}"""), 200 },
        { "what's due on 31/12/9999", J("""{"text":"what's due on 31/12/9999?"}"""), 200 },
        { "dashes only", J("""{"text":"--- -- -"}"""), 200 },
        { "a 5000-letter word", J("""{"text":"status WORD"}"""), 200 },
    };

    [Theory]
    [MemberData(nameof(ChatRequests))]
    public async Task Chat_AttackInput_GetsAClearAnswer(string why, string json, int expected)
    {
        var status = await host.PostAsync("/api/chat", json);

        Assert.True(status == expected, $"{why}: {status}, expected {expected}");
    }

    [Fact]
    public async Task Chat_MoreAfterTheListShrank_AnswersWithoutFailing()
    {
        Assert.Equal(200, await host.PostAsync("/api/chat", J("""{"text":"what's overdue?","asOf":"2024-06-01",CONV}""")));

        var status = await host.PostAsync("/api/chat", J("""{"text":"more","asOf":"2023-02-07",CONV}"""));

        Assert.Equal(200, status);
    }

    [Theory]
    [InlineData("/api/notifications?as=%ED%A0%80")]
    [InlineData("/api/notifications?as=")]
    public async Task Notifications_BadAs_Is4xx(string path)
    {
        using var res = await host.Http.GetAsync(path);

        Assert.InRange((int)res.StatusCode, 400, 499);
    }

    [Fact]
    public async Task Notifications_OversizedAs_Is400()
    {
        using var res = await host.Http.GetAsync("/api/notifications?as=" + Long + "@example.org");

        Assert.Equal(400, (int)res.StatusCode);
    }
}
