using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ShopAuthDemo.Catalog.Api.Apis;
using ShopAuthDemo.Catalog.Api.Infrastructure;
using ShopAuthDemo.Catalog.Api.PolicyInformationPoint;
using ShopAuthDemo.ServiceDefaults.Policies.PolicyInformationPoint;
using ShopAuthDemo.ServiceDefaults.Policies.Rules;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Catalog;

/// <summary>
/// The price rules on catalog-api's real endpoint: big changes need a pricing lead (seeded, enabled), and
/// the office-hours window (seeded disabled; enabled here) on a fake clock.
/// </summary>
public sealed class PriceChangeRuleTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // An admin who does not lead pricing.
    private static readonly TestToken Dave = TestToken.Admin with { Subject = "a87ff679-dave", PreferredUsername = "dave", Groups = [] };

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient admin, int productId, decimal price) =>
        admin.PutAsJsonAsync($"/api/products/{productId}/price", new { price }, Ct);

    private static async Task<decimal> PriceAsync(CatalogApiHost catalog, int productId) =>
        (await catalog.Anonymous().GetFromJsonAsync<ProductResponse>($"/api/products/{productId}", Ct))!.Price;

    [Fact]
    public async Task Change_of_exactly_twenty_percent_needs_no_pricing_lead()
    {
        await using var catalog = new CatalogApiHost();

        // 24.90 to 29.88 is 20 % exactly.
        using var response = await ChangeAsync(catalog.As(Dave), 1, 29.88m);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(29.88m, await PriceAsync(catalog, 1));
    }

    [Fact]
    public async Task Change_just_above_twenty_percent_is_refused_to_an_admin_outside_the_group()
    {
        await using var catalog = new CatalogApiHost();

        // 39.00 to 46.81 is 20.03 %.
        using var response = await ChangeAsync(catalog.As(Dave), 2, 46.81m);

        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.Forbidden);
        Assert.Equal("Big price changes need a pricing lead", ((JsonElement)problem.Extensions["rule"]!).GetString());
        Assert.Contains("pricing-leads", problem.Detail);
        Assert.Equal(39.00m, await PriceAsync(catalog, 2));
    }

    [Fact]
    public async Task Pricing_lead_makes_a_big_change()
    {
        await using var catalog = new CatalogApiHost();

        using var response = await ChangeAsync(catalog.As(TestToken.Admin), 2, 80.00m);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData(7, 0, HttpStatusCode.OK)]
    [InlineData(6, 59, HttpStatusCode.Forbidden)]
    [InlineData(18, 59, HttpStatusCode.OK)]
    [InlineData(19, 0, HttpStatusCode.Forbidden)]
    public async Task Office_hours_rule_allows_the_first_and_last_minute_of_the_window_in_Berlin(int hour, int minute, HttpStatusCode expected)
    {
        var rules = new AccessRulesStub();
        rules.Change(SeededAccessRules.TimeId, rule => rule with { Enabled = true });
        // Monday 2 March 2026 in Berlin (CET, UTC+1).
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, hour, minute, 0, TimeSpan.FromHours(1)));
        await using var catalog = CatalogApiHost.WithRules(rules, services => services.AddSingleton<TimeProvider>(clock));

        using var response = await ChangeAsync(catalog.As(TestToken.Admin), 1, 25.00m);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(expected == HttpStatusCode.OK ? 25.00m : 24.90m, await PriceAsync(catalog, 1));
    }

    [Fact]
    public async Task Catalog_that_never_loaded_its_rules_refuses_price_changes_with_503_and_says_so_in_its_health()
    {
        await using var catalog = CatalogApiHost.WithRules(new AccessRulesStub { Down = true });

        using var response = await ChangeAsync(catalog.As(TestToken.Admin), 1, 25.00m);

        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Access rules are not loaded yet", problem.Title);
        Assert.Equal(24.90m, await PriceAsync(catalog, 1));
        using var health = await catalog.Anonymous().GetAsync("/health", Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        Assert.Equal("Unhealthy", await health.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Price_changed_by_someone_else_after_the_decision_is_not_overwritten()
    {
        // Another admin's change lands between the decision and the update: the step decided on is gone.
        await using var catalog = CatalogApiHost.WithServices(services =>
            services.AddKeyedScoped<IResourceAttributeSource>(AccessActions.ChangePrice, (provider, _) =>
                new ChangedMeanwhile(new PriceChangeSource(provider.GetRequiredService<CatalogContext>()), provider.GetRequiredService<CatalogContext>())));

        using var response = await ChangeAsync(catalog.As(TestToken.Admin), 1, 25.00m);

        var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.Conflict);
        Assert.Equal("The price changed meanwhile.", problem.Title);
        Assert.Equal(99.00m, await PriceAsync(catalog, 1));
    }

    private sealed class ChangedMeanwhile(PriceChangeSource decided, CatalogContext catalog) : IResourceAttributeSource
    {
        public async ValueTask<ResourceAttributes> ReadAsync(HttpContext httpContext, CancellationToken cancellationToken)
        {
            var attributes = await decided.ReadAsync(httpContext, cancellationToken);
            await catalog.Database.ExecuteSqlRawAsync("UPDATE Products SET Price = 9900 WHERE Id = 1", cancellationToken);
            return attributes;
        }
    }
}
