using System.Text.Json;
using System.Text.Json.Nodes;

namespace OversightBot.Channels.Teams.Tests;

public sealed class RawJsonTests
{
    [Fact]
    public void An_attachment_read_from_the_wire_is_written_back_unchanged()
    {
        const string Inbound = """{"type":"message","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","body":[{"type":"TextBlock","text":"Café \u2014 \"quoted\""}],"n":[1,2.5,null,true]}}]}""";

        var activity = JsonSerializer.Deserialize<Activity>(Inbound, TeamsJson.Options)!;
        var written = JsonSerializer.Serialize(activity, TeamsJson.Options);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Inbound), JsonNode.Parse(written)));
        Assert.Equal("Café — \"quoted\"", activity.Attachments![0].Content!.ToElement().GetProperty("body")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void Text_that_is_not_one_json_value_is_refused()
    {
        Assert.ThrowsAny<JsonException>(() => RawJson.Parse("{\"a\":"));
        Assert.ThrowsAny<JsonException>(() => RawJson.Parse("{} {}"));
    }
}
