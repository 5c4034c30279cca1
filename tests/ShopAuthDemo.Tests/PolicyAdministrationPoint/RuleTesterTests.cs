using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.Tests.PolicyAdministrationPoint.Support;
using Xunit;

namespace ShopAuthDemo.Tests.PolicyAdministrationPoint;

// "Test a request": each rule kind grants and refuses through the tester, at its boundary, with the same
// decision code the services run; a user's country and groups come from the directory unless typed.
public sealed class RuleTesterTests(RuleTesterHost tester) : IClassFixture<RuleTesterHost>
{
    private const string PlaceOrder = "orders.place";
    private const string ChangePrice = "prices.change";

    // Monday 2 June 2025; Berlin is UTC+2 in summer.
    private static readonly DateTimeOffset MondayMorningInBerlin = new(2025, 6, 2, 10, 0, 0, TimeSpan.FromHours(2));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateTimeOffset Berlin(int day, int hour, int minute) => new(2025, 6, day, hour, minute, 0, TimeSpan.FromHours(2));

    [Fact]
    public async Task Step_up_an_order_of_exactly_the_amount_needs_no_fresh_sign_in()
    {
        var result = await tester.TestAsync(PlaceOrder, "user", "alice", new { amount = 100m, time = MondayMorningInBerlin });

        Assert.Equal("Permit", result.Outcome());
        Assert.Null(result.RuleId());
        Assert.Equal("100 (WhatIf)", result.Attribute("order.total"));
    }

    [Fact]
    public async Task Step_up_a_cent_above_the_amount_asks_for_a_sign_in_within_5_minutes()
    {
        var result = await tester.TestAsync(PlaceOrder, "user", "alice", new { amount = 100.01m, time = MondayMorningInBerlin });

        Assert.Equal("StepUp", result.Outcome());
        Assert.Equal(1, result.RuleId());
        Assert.Equal(300, result.GetProperty("maxAgeSeconds").GetInt32());
        Assert.Equal("none (Absent)", result.Attribute("user.auth_time"));
        // The tester has no token, so it cannot know the real last sign-in, and says so.
        Assert.Contains("cannot know when alice last signed in", result.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Step_up_a_sign_in_exactly_5_minutes_old_counts_and_one_second_older_does_not()
    {
        var recent = await tester.TestAsync(PlaceOrder, "user", "alice",
            new { amount = 150m, time = MondayMorningInBerlin, lastSignIn = MondayMorningInBerlin.AddMinutes(-5) });
        var stale = await tester.TestAsync(PlaceOrder, "user", "alice",
            new { amount = 150m, time = MondayMorningInBerlin, lastSignIn = MondayMorningInBerlin.AddMinutes(-5).AddSeconds(-1) });

        Assert.Equal("Permit", recent.Outcome());
        Assert.Equal("2025-06-02 07:55:00Z (WhatIf)", recent.Attribute("user.auth_time"));
        Assert.Equal("StepUp", stale.Outcome());
        Assert.Equal(1, stale.RuleId());
    }

    [Fact]
    public async Task Location_a_user_in_the_US_cannot_order_grinders_and_the_country_comes_from_the_directory()
    {
        var grinder = await tester.TestAsync(PlaceOrder, "user", "bob", new { categories = new[] { "Coffee", "Grinders" } });
        var coffee = await tester.TestAsync(PlaceOrder, "user", "bob", new { categories = new[] { "Coffee" } });

        Assert.Equal("Deny", grinder.Outcome());
        Assert.Equal(2, grinder.RuleId());
        Assert.Equal("US (UserDirectory)", grinder.Attribute("user.country"));
        Assert.Contains("cannot be ordered from US", grinder.GetProperty("reason").GetString());
        Assert.Equal("Permit", coffee.Outcome());
    }

    [Fact]
    public async Task Location_a_user_in_Germany_may_order_grinders_unless_a_what_if_country_says_otherwise()
    {
        var real = await tester.TestAsync(PlaceOrder, "user", "alice", new { categories = new[] { "Grinders" } });
        var whatIf = await tester.TestAsync(PlaceOrder, "user", "alice", new { categories = new[] { "Grinders" }, country = "us" });
        var carol = await tester.TestAsync(PlaceOrder, "user", "carol", new { categories = new[] { "Grinders" } });

        Assert.Equal("Permit", real.Outcome());
        Assert.Equal("DE (UserDirectory)", real.Attribute("user.country"));
        Assert.Equal("Deny", whatIf.Outcome());
        Assert.Equal("US (WhatIf)", whatIf.Attribute("user.country"));
        // The directory's "de" is read as the ISO code DE.
        Assert.Equal("DE (UserDirectory)", carol.Attribute("user.country"));
    }

    [Theory]
    [InlineData(2, 7, 0, "Permit")]   // Monday, the first minute of the window
    [InlineData(2, 6, 59, "Deny")]    // the minute before it
    [InlineData(2, 18, 59, "Permit")] // the last minute of the window
    [InlineData(2, 19, 0, "Deny")]    // the minute after it
    [InlineData(6, 12, 0, "Permit")]  // Friday noon
    [InlineData(7, 12, 0, "Deny")]    // Saturday noon
    public async Task Time_price_changes_only_on_weekdays_from_7_to_19_Berlin_time(int day, int hour, int minute, string expected)
    {
        var at = Berlin(day, hour, minute);

        var result = await tester.TestAsync(ChangePrice, "user", "carol", new { time = at, priceChangePercent = 5m });

        Assert.Equal(expected, result.Outcome());
        Assert.Equal(expected == "Deny" ? 3 : null, result.RuleId());
        Assert.Equal($"{at.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z (WhatIf)", result.Attribute("context.now"));
    }

    [Fact]
    public async Task Group_a_change_of_exactly_the_percentage_needs_no_group_and_more_needs_pricing_leads()
    {
        var exactly = await tester.TestAsync(ChangePrice, "user", "alice", new { time = MondayMorningInBerlin, priceChangePercent = 20m });
        var above = await tester.TestAsync(ChangePrice, "user", "alice", new { time = MondayMorningInBerlin, priceChangePercent = 20.01m });

        Assert.Equal("Permit", exactly.Outcome());
        Assert.Equal("Deny", above.Outcome());
        Assert.Equal(4, above.RuleId());
        Assert.Equal(" (UserDirectory)", above.Attribute("user.groups"));
        Assert.Contains("pricing-leads", above.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Group_a_pricing_lead_from_the_directory_may_make_a_big_change_unless_what_if_groups_say_otherwise()
    {
        var real = await tester.TestAsync(ChangePrice, "user", "carol", new { time = MondayMorningInBerlin, priceChangePercent = 50m });
        var whatIf = await tester.TestAsync(ChangePrice, "user", "carol", new { time = MondayMorningInBerlin, priceChangePercent = 50m, groups = Array.Empty<string>() });

        Assert.Equal("Permit", real.Outcome());
        Assert.Equal("pricing-leads (UserDirectory)", real.Attribute("user.groups"));
        Assert.Equal("admin, default-roles-shop, staff (UserDirectory)", real.Attribute("user.roles"));
        Assert.Equal("Deny", whatIf.Outcome());
        Assert.Equal(" (WhatIf)", whatIf.Attribute("user.groups"));
    }

    [Fact]
    public async Task A_client_caller_has_no_user_attributes_and_is_not_looked_up()
    {
        var calls = tester.Policy.Directory.Calls.Count;

        var result = await tester.TestAsync(PlaceOrder, "client", "partner-acme", new { categories = new[] { "Grinders" }, amount = 500m });

        Assert.Equal("none (Absent)", result.Attribute("user.country"));
        Assert.Equal("none (Absent)", result.Attribute("user.auth_time"));
        // No country is an unknown country: the location rule refuses grinders rather than guess (deny wins over step-up).
        Assert.Equal("Deny", result.Outcome());
        Assert.Equal(calls, tester.Policy.Directory.Calls.Count);
        Assert.DoesNotContain(result.GetProperty("attributes").EnumerateArray(), a => a.GetProperty("name").GetString() == "user.roles");
    }

    [Fact]
    public async Task The_tester_changes_no_rules_and_writes_no_audit_entry()
    {
        await tester.TestAsync(PlaceOrder, "user", "bob", new { categories = new[] { "Grinders" } });

        Assert.Equal(2, await tester.Policy.QueryAsync(db => db.Versions.Select(v => v.Version).SingleAsync(Ct)));
        Assert.Equal(["enabled"], await tester.Policy.QueryAsync(db => db.Audit.Select(e => e.Change).ToListAsync(Ct)));
    }

    [Fact]
    public async Task Users_are_looked_up_with_policy_apis_own_token_through_keycloaks_admin_api()
    {
        await tester.TestAsync(PlaceOrder, "user", "bob");

        var calls = tester.Policy.Directory.Calls.ToList();
        Assert.Contains(calls, c => c.StartsWith("GET identity.test/admin/realms/shop/users?username=bob&exact=true&briefRepresentation=false Bearer directory-token-", StringComparison.Ordinal));
        Assert.Contains(calls, c => c.StartsWith("GET identity.test/admin/realms/shop/users/1e7b-bob/groups Bearer directory-token-", StringComparison.Ordinal));
        Assert.Contains(calls, c => c.StartsWith("GET identity.test/admin/realms/shop/users/1e7b-bob/role-mappings/realm/composite Bearer directory-token-", StringComparison.Ordinal));
        // Client credentials as policy-api, asking for no scope: its default scopes carry the view-users role.
        var form = Assert.Single(tester.Policy.Directory.TokenRequests);
        Assert.Equal("grant_type=client_credentials", form);
    }
}
