using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ShopAuthDemo.Testing.AppHost;
using ShopAuthDemo.EndToEnd.Policies.Support;
using ShopAuthDemo.Testing.AppHost.Browser;
using static Microsoft.Playwright.Assertions;

namespace ShopAuthDemo.EndToEnd.Web;

/// <summary>
/// The Policy Administration Point in the back office: carol changes rules on the page and every service
/// decides with them within seconds; the tester gives the decision the real request gets; a malformed rule is
/// refused field by field and nothing typed is lost; only admins get in.
/// </summary>
public sealed class AccessRulesPageTests(LocalIdentityAppHost appHost, Chromium chromium) : IClassFixture<Chromium>
{
    private const int Grinder = 3;
    private const int TastingCups = 6;
    private const string LocationRuleName = "No grinders to the US";

    /// <summary>The promise: a change on the page is in force in every service within 10 s.</summary>
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(10);

    private readonly WebApps _web = new(appHost);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    // Scope profile: the country comes from userinfo, which serves it for that scope only.
    private async Task<HttpClient> OrdersAsAsync(string user) =>
        appHost.CreateHttpClient("orders-api").WithBearer(await appHost.SignInAsync(user, "openid profile orders", Cancellation));

    private static async Task<RefusedRequest> OrderAsync(HttpClient orders, int productId)
    {
        using var response = await orders.PostOrderAsync(Cancellation, (productId, 1));
        return await RefusedRequest.ReadAsync(response);
    }

    [Fact]
    public async Task A_rule_changed_on_the_page_takes_effect_in_orders_api_and_catalog_api_within_10_seconds()
    {
        await using var rules = await PolicyRules.AsCarolAsync(appHost);
        rules.WillRestore(await rules.FindAsync(PolicyRules.Location));
        rules.WillRestore(await rules.FindAsync(PolicyRules.Time));
        using var bob = await OrdersAsAsync("bob");
        var refused = await OrderAsync(bob, Grinder);
        Assert.True(refused is { Status: HttpStatusCode.Forbidden, Rule: LocationRuleName }, $"Before the change: {refused}");

        var page = await AccessRulesPage.OpenAsync(_web, await chromium.NewPageAsync());
        await page.SetEnabledAsync(PolicyRules.Location, enabled: false);
        var ordersTook = await PolicyRules.WithinAsync(Propagation,
            async () => (await OrderAsync(bob, Grinder)).Status == HttpStatusCode.Created, "bob may order a grinder in orders-api");

        // The time rule with a window that excludes now (UTC, every day), so carol's price change is refused.
        var (from, until) = DateTimeOffset.UtcNow.Hour < 12 ? ("20:00", "21:00") : ("02:00", "03:00");
        await page.EditAsync(PolicyRules.Time);
        foreach (var day in Enum.GetNames<DayOfWeek>())
            if (!await page.Page.IsCheckedAsync($"#rule-weekday-{day}")) await page.Page.CheckAsync($"#rule-weekday-{day}");
        await page.Page.FillAsync("#rule-from", from);
        await page.Page.FillAsync("#rule-until", until);
        await page.Page.FillAsync("#rule-time-zone", "Etc/UTC");
        if (!await page.Page.IsCheckedAsync("#rule-enabled")) await page.Page.CheckAsync("#rule-enabled");
        await page.SaveAsync();
        await Expect(page.Page.GetByTestId("rule-saved")).ToBeVisibleAsync();
        await Expect(await page.StateOfAsync(PolicyRules.Time)).ToHaveTextAsync("enabled");
        await Screenshots.SaveAsync(page.Page, "backoffice-access-rules");

        using var catalog = appHost.CreateHttpClient("catalog-api")
            .WithBearer(await appHost.SignInToBackofficeAsync("carol", "openid catalog", Cancellation));
        var price = await CurrentPriceAsync(catalog, TastingCups);
        RefusedRequest? priceChange = null;
        var catalogTook = await PolicyRules.WithinAsync(Propagation, async () =>
        {
            using var response = await catalog.PutAsJsonAsync($"/api/products/{TastingCups}/price", new { price }, Cancellation);
            priceChange = await RefusedRequest.ReadAsync(response);
            return priceChange.Status == HttpStatusCode.Forbidden;
        }, "catalog-api refuses carol's price change outside the window");
        TestContext.Current.TestOutputHelper?.WriteLine($"in force: orders-api after {ordersTook.TotalSeconds:0.0} s, catalog-api after {catalogTook.TotalSeconds:0.0} s");
        Assert.Equal(await page.TextAsync($"rule-name-{await page.IdOfAsync(PolicyRules.Time)}"), priceChange!.Rule);
        Assert.Contains("Prices can be changed only", priceChange.Reason);

        // The Prices page tells carol the same.
        await page.Page.ClickAsync("#nav-prices");
        await WebApps.WaitUntilInteractiveAsync(page.Page);
        await page.Page.FillAsync($"#price-input-{TastingCups}", price.ToString("0.00", CultureInfo.InvariantCulture));
        await page.Page.ClickAsync($"#save-price-{TastingCups}");
        await Expect(page.Page.GetByTestId("problem")).ToContainTextAsync("Prices can be changed only");
        await Screenshots.SaveAsync(page.Page, "backoffice-price-refused-by-rule");

        // The audit log names carol and both changes.
        await page.Page.ClickAsync("#nav-access-rules");
        await Expect(page.Page.GetByTestId("audit-entry").First).ToBeVisibleAsync();
        await Expect(page.Page.GetByTestId("audit-log")).ToContainTextAsync("carol");
        await Expect(page.Page.Locator("[data-testid=audit-entry]", new() { HasText = "disabled" }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Test_a_request_gives_the_decision_the_real_request_gets()
    {
        var page = await AccessRulesPage.OpenAsync(_web, await chromium.NewPageAsync());

        await page.TestAsync("orders.place", "user:bob", categories: "Grinders");

        await Expect(page.Page.GetByTestId("test-outcome")).ToHaveTextAsync("Deny");
        await Expect(page.Page.GetByTestId("test-rule")).ToHaveTextAsync(LocationRuleName);
        var countryRow = page.Page.Locator("[data-testid=test-attribute][data-name='user.country']");
        await Expect(countryRow.GetByTestId("test-attribute-value")).ToHaveTextAsync("US");
        await Expect(countryRow.GetByTestId("test-attribute-source")).ToHaveTextAsync("UserDirectory");
        var testedReason = await page.TextAsync("test-reason");
        await Screenshots.SaveAsync(page.Page, "backoffice-rule-tester");

        using var bob = await OrdersAsAsync("bob");
        var real = await OrderAsync(bob, Grinder);
        Assert.True(real.Status == HttpStatusCode.Forbidden, $"bob's grinder order: {real}");
        Assert.Equal(LocationRuleName, real.Rule);
        // The same words; the tester may add a note on what it cannot know (the caller's last sign-in).
        Assert.StartsWith(real.Reason!, testedReason);

        // And the other way round: alice (DE) may order one, in the tester and for real.
        await page.TestAsync("orders.place", "user:alice", categories: "Grinders");
        await Expect(page.Page.GetByTestId("test-outcome")).ToHaveTextAsync("Permit");
        using var alice = await OrdersAsAsync("alice");
        var permitted = await OrderAsync(alice, Grinder);
        Assert.True(permitted.Status == HttpStatusCode.Created, $"alice's grinder order: {permitted}");
    }

    [Fact]
    public async Task Malformed_rule_input_shows_the_errors_next_to_the_fields_and_keeps_what_was_typed()
    {
        await using var rules = await PolicyRules.AsCarolAsync(appHost);
        var stepUp = await rules.FindAsync(PolicyRules.StepUp);
        var ruleCount = await rules.CountAsync();
        var page = await AccessRulesPage.OpenAsync(_web, await chromium.NewPageAsync());

        await page.EditAsync(PolicyRules.StepUp);
        await page.Page.FillAsync("#rule-amount-above", "-5");
        await page.Page.FillAsync("#rule-max-age-minutes", "0");
        await page.SaveAsync();

        await Expect(page.Page.GetByTestId("rule-not-saved")).ToBeVisibleAsync();
        await Expect(page.Page.GetByTestId("error-parameters.amountAbove")).ToBeVisibleAsync();
        await Expect(page.Page.GetByTestId("error-parameters.maxAgeMinutes")).ToBeVisibleAsync();
        await Expect(page.Page.Locator("#rule-amount-above")).ToHaveValueAsync("-5");
        await Expect(page.Page.Locator("#rule-max-age-minutes")).ToHaveValueAsync("0");
        await Expect(page.Page.Locator("#rule-name")).ToHaveValueAsync(stepUp["name"]!.GetValue<string>());
        await Screenshots.SaveAsync(page.Page, "backoffice-rule-field-errors");

        // A new rule: no name, a country that is not a two-letter code, no category.
        await page.Page.ClickAsync("#cancel-rule");
        await page.Page.ClickAsync("#new-rule");
        await page.Page.SelectOptionAsync("#rule-kind", "Location");
        await page.Page.FillAsync("#rule-countries", "USA, D");
        await page.SaveAsync();

        await Expect(page.Page.GetByTestId("error-name")).ToBeVisibleAsync();
        await Expect(page.Page.GetByTestId("error-parameters.countries")).ToBeVisibleAsync();
        await Expect(page.Page.GetByTestId("error-parameters.category")).ToBeVisibleAsync();
        await Expect(page.Page.Locator("#rule-countries")).ToHaveValueAsync("USA, D");
        await Expect(page.Page.Locator("#rule-kind")).ToHaveValueAsync("Location");

        // Nothing was stored.
        var unchanged = await rules.FindAsync(PolicyRules.StepUp);
        Assert.Equal(stepUp["parameters"]!.ToJsonString(), unchanged["parameters"]!.ToJsonString());
        Assert.Equal(ruleCount, await rules.CountAsync());
    }

    [Fact]
    public async Task A_customer_signed_in_to_the_back_office_cannot_open_the_access_rules_page()
    {
        var page = await chromium.NewPageAsync();
        await _web.SignInAsync(page, WebApps.Shop, "alice", "/orders");

        await page.GotoAsync(WebApps.Backoffice + "/access-rules");

        await Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("denied-user")).ToHaveTextAsync("alice");
        await Expect(page.GetByTestId("rules")).Not.ToBeVisibleAsync();
        await Expect(page.GetByTestId("rule-tester")).Not.ToBeVisibleAsync();
    }

    private static async Task<decimal> CurrentPriceAsync(HttpClient catalog, int productId)
    {
        var products = await catalog.GetFromJsonAsync<JsonArray>("/api/products", Cancellation);
        return products!.OfType<JsonObject>().Single(p => (int)p["id"]! == productId)["price"]!.GetValue<decimal>();
    }
}
