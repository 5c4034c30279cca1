using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ShopAuthDemo.Testing.AppHost.Browser;

/// <summary>The back office's Access rules page, as carol uses it: rows by rule kind, the rule form, the tester.</summary>
public sealed class AccessRulesPage(IPage page)
{
    public IPage Page { get; } = page;

    /// <summary>Signs carol in to the back office on the way to the page.</summary>
    public static async Task<AccessRulesPage> OpenAsync(WebApps web, IPage page, string username = "carol")
    {
        await web.SignInAsync(page, WebApps.Backoffice, username, "/access-rules");
        await Expect(page.GetByTestId("rules")).ToBeVisibleAsync();
        return new AccessRulesPage(page);
    }

    public ILocator Row(string kind) => Page.Locator($"[data-testid=rule-row][data-rule-kind={kind}]");

    public async Task<int> IdOfAsync(string kind) => int.Parse((await Row(kind).GetAttributeAsync("data-rule-id"))!);

    public async Task<ILocator> StateOfAsync(string kind) => Page.GetByTestId($"rule-state-{await IdOfAsync(kind)}");

    /// <summary>Enables or disables the rule with its button in the list, and waits for the list to say so.</summary>
    public async Task SetEnabledAsync(string kind, bool enabled)
    {
        var state = await StateOfAsync(kind);
        var wanted = enabled ? "enabled" : "disabled";
        if (await state.TextContentAsync() == wanted) return;
        await Page.ClickAsync($"#toggle-rule-{await IdOfAsync(kind)}");
        await Expect(Page.GetByTestId("rule-saved")).ToBeVisibleAsync();
        await Expect(state).ToHaveTextAsync(wanted);
    }

    public async Task EditAsync(string kind)
    {
        await Page.ClickAsync($"#edit-rule-{await IdOfAsync(kind)}");
        await Expect(Page.GetByTestId("rule-editor")).ToBeVisibleAsync();
    }

    public Task SaveAsync() => Page.ClickAsync("#save-rule");

    /// <summary>Runs "Test a request" and waits for a decision (assert its text with retries: an earlier one may still show).</summary>
    /// <param name="caller">"user:bob", "client:orders-api".</param>
    public async Task TestAsync(string action, string caller, string? categories = null, string? amount = null, string? priceChangePercent = null)
    {
        await Page.SelectOptionAsync("#test-action", action);
        await Page.SelectOptionAsync("#test-caller", caller);
        await Page.FillAsync("#test-categories", categories ?? "");
        await Page.FillAsync("#test-amount", amount ?? "");
        await Page.FillAsync("#test-price-change", priceChangePercent ?? "");
        await Page.ClickAsync("#run-test");
        await Expect(Page.GetByTestId("test-outcome")).ToBeVisibleAsync();
    }

    public async Task<string> TextAsync(string testId) => (await Page.GetByTestId(testId).TextContentAsync())?.Trim() ?? "";
}
