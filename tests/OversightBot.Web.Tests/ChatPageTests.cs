using Microsoft.Playwright;

namespace OversightBot.Web.Tests;

/// <summary>The web chat at / in a real Chromium, against the real host with the demo data.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChatPageTests(BrowserFixture web)
{
    [Fact]
    public async Task Chat_AskingWhatsOverdue_ShowsTheSeedsOverdueItems()
    {
        var page = await web.NewPageAsync();
        await page.GotoAsync("/");

        await page.GetByPlaceholder("Ask").FillAsync("what's overdue?");
        await page.Keyboard.PressAsync("Enter");

        var reply = page.Locator("[data-intent=overdue]");
        await reply.WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "chat-overdue");
        Assert.Contains("6 Feb 2023", await reply.InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
