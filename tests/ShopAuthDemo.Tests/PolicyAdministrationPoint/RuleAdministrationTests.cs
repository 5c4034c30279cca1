using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShopAuthDemo.Tests.PolicyAdministrationPoint.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.PolicyAdministrationPoint;

// An admin's changes: each one a new version (and ETag) and an audit entry saying who changed what.
public sealed class RuleAdministrationTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly PolicyApiHost policy = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => policy.DisposeAsync();

    private static object StepUp(decimal amountAbove, int maxAgeMinutes, bool enabled = true) => new
    {
        name = "Huge orders need a very recent sign-in",
        kind = "StepUp",
        enabled,
        parameters = new { amountAbove, maxAgeMinutes },
    };

    [Fact]
    public async Task First_start_seeds_the_five_rules_as_version_1()
    {
        var (document, etag) = await policy.As(PolicyTokens.OrdersService).GetRulesAsync();

        Assert.Equal("\"1\"", etag);
        Assert.Equal(1, document.GetProperty("version").GetInt64());
        var rules = document.GetProperty("rules").EnumerateArray().ToList();
        Assert.Equal(["StepUp", "Location", "Time", "Group", "Company"], rules.Select(r => r.GetProperty("kind").GetString()));
        Assert.Equal([true, true, false, true, false], rules.Select(r => r.GetProperty("enabled").GetBoolean()));
        Assert.Equal(["orders.place", "orders.place", "prices.change", "prices.change", "orders.place"],
            rules.Select(r => r.GetProperty("action").GetString()));
        var time = rules[2].GetProperty("parameters");
        Assert.Equal(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"], time.GetProperty("weekdays").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("07:00:00", time.GetProperty("from").GetString());
        Assert.Equal("19:00:00", time.GetProperty("until").GetString());
        Assert.Equal("Europe/Berlin", time.GetProperty("timeZone").GetString());
        Assert.Equal(100m, rules[0].GetProperty("parameters").GetProperty("amountAbove").GetDecimal());
        Assert.Equal(["US"], rules[1].GetProperty("parameters").GetProperty("countries").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("pricing-leads", rules[3].GetProperty("parameters").GetProperty("group").GetString());
        Assert.Equal(["Northwind Traders"], rules[4].GetProperty("parameters").GetProperty("companies").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("Grinders", rules[4].GetProperty("parameters").GetProperty("category").GetString());
    }

    [Fact]
    public async Task Admin_creates_a_rule_and_the_version_etag_and_audit_record_it()
    {
        using var carol = policy.As(PolicyTokens.Carol);

        var created = await carol.SendJsonAsync(HttpMethod.Post, "/api/rules", StepUp(500m, 1), HttpStatusCode.Created);

        Assert.Equal(6, created.GetProperty("id").GetInt32());
        Assert.Equal(500m, created.GetProperty("parameters").GetProperty("amountAbove").GetDecimal());
        var (document, etag) = await policy.As(PolicyTokens.OrdersService).GetRulesAsync();
        Assert.Equal(2, document.GetProperty("version").GetInt64());
        Assert.Equal("\"2\"", etag);
        Assert.Equal(6, document.GetProperty("rules").GetArrayLength());

        var entry = Assert.Single((await carol.AuditAsync()).EnumerateArray());
        Assert.Equal("created", entry.GetProperty("change").GetString());
        Assert.Equal(6, entry.GetProperty("ruleId").GetInt32());
        Assert.Equal("carol", entry.GetProperty("who").GetString());
        Assert.Equal(PolicyTokens.Carol.Subject, entry.GetProperty("whoSub").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("before").ValueKind);
        Assert.Equal(1, entry.GetProperty("after").GetProperty("parameters").GetProperty("maxAgeMinutes").GetInt32());
        Assert.InRange(entry.GetProperty("at").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Admin_creates_a_company_rule_that_services_read_as_stored_and_the_audit_records_it()
    {
        using var carol = policy.As(PolicyTokens.Carol);
        string[] companies = ["Northwind Traders", "Contoso"];

        var created = await carol.SendJsonAsync(HttpMethod.Post, "/api/rules",
            new { name = "Espresso machines for the trade", kind = "Company", enabled = true, parameters = new { companies, category = "Espresso" } },
            HttpStatusCode.Created);

        var served = await policy.As(PolicyTokens.OrdersService).RuleAsync(created.GetProperty("id").GetInt32());
        Assert.Equal("Company", served.GetProperty("kind").GetString());
        Assert.Equal("orders.place", served.GetProperty("action").GetString());
        Assert.Equal(companies, served.GetProperty("parameters").GetProperty("companies").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal("Espresso", served.GetProperty("parameters").GetProperty("category").GetString());
        var after = Assert.Single((await carol.AuditAsync()).EnumerateArray()).GetProperty("after");
        Assert.Equal("Company", after.GetProperty("kind").GetString());
        Assert.Equal(companies, after.GetProperty("parameters").GetProperty("companies").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public async Task Admin_edits_a_rule_and_the_audit_keeps_before_and_after()
    {
        using var carol = policy.As(PolicyTokens.Carol);

        var changed = await carol.SendJsonAsync(HttpMethod.Put, "/api/rules/1",
            new { name = "Large orders need a recent sign-in", kind = "StepUp", enabled = true, parameters = new { amountAbove = 250m, maxAgeMinutes = 10 } },
            HttpStatusCode.OK);

        Assert.Equal(250m, changed.GetProperty("parameters").GetProperty("amountAbove").GetDecimal());
        Assert.Equal(250m, (await policy.As(PolicyTokens.OrdersService).RuleAsync(1)).GetProperty("parameters").GetProperty("amountAbove").GetDecimal());
        Assert.Equal("\"2\"", (await carol.GetRulesAsync()).ETag);
        var entry = Assert.Single((await carol.AuditAsync()).EnumerateArray());
        Assert.Equal("changed", entry.GetProperty("change").GetString());
        Assert.Equal(1, entry.GetProperty("ruleId").GetInt32());
        Assert.Equal(100m, entry.GetProperty("before").GetProperty("parameters").GetProperty("amountAbove").GetDecimal());
        Assert.Equal(5, entry.GetProperty("before").GetProperty("parameters").GetProperty("maxAgeMinutes").GetInt32());
        Assert.Equal(250m, entry.GetProperty("after").GetProperty("parameters").GetProperty("amountAbove").GetDecimal());
        Assert.Equal(10, entry.GetProperty("after").GetProperty("parameters").GetProperty("maxAgeMinutes").GetInt32());
    }

    [Fact]
    public async Task Admin_disables_and_enables_a_rule_each_a_new_version_newest_audit_entry_first()
    {
        using var carol = policy.As(PolicyTokens.Carol);

        var disabled = await carol.SendJsonAsync(HttpMethod.Put, "/api/rules/2/enabled", new { enabled = false }, HttpStatusCode.OK);
        Assert.False(disabled.GetProperty("enabled").GetBoolean());
        Assert.Equal("\"2\"", (await carol.GetRulesAsync()).ETag);
        Assert.False((await carol.RuleAsync(2)).GetProperty("enabled").GetBoolean());

        var enabled = await carol.SendJsonAsync(HttpMethod.Put, "/api/rules/2/enabled", new { enabled = true }, HttpStatusCode.OK);
        Assert.True(enabled.GetProperty("enabled").GetBoolean());
        Assert.Equal("\"3\"", (await carol.GetRulesAsync()).ETag);

        var audit = (await carol.AuditAsync()).EnumerateArray().ToList();
        Assert.Equal(["enabled", "disabled"], audit.Select(e => e.GetProperty("change").GetString()));
        Assert.True(audit[1].GetProperty("before").GetProperty("enabled").GetBoolean());
        Assert.False(audit[1].GetProperty("after").GetProperty("enabled").GetBoolean());
        Assert.False(audit[0].GetProperty("before").GetProperty("enabled").GetBoolean());
        Assert.True(audit[0].GetProperty("after").GetProperty("enabled").GetBoolean());
        Assert.True(audit[0].GetProperty("id").GetInt64() > audit[1].GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task A_change_that_changes_nothing_keeps_the_version_and_writes_no_audit_entry()
    {
        using var carol = policy.As(PolicyTokens.Carol);
        var rule = await carol.RuleAsync(1);

        await carol.SendJsonAsync(HttpMethod.Put, "/api/rules/1/enabled", new { enabled = true }, HttpStatusCode.OK);
        await carol.SendJsonAsync(HttpMethod.Put, "/api/rules/1",
            new { name = rule.GetProperty("name").GetString(), kind = "StepUp", enabled = true, parameters = new { amountAbove = 100, maxAgeMinutes = 5 } },
            HttpStatusCode.OK);

        Assert.Equal("\"1\"", (await carol.GetRulesAsync()).ETag);
        Assert.Empty((await carol.AuditAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Unknown_rule_is_a_404_problem_and_changes_nothing()
    {
        using var carol = policy.As(PolicyTokens.Carol);

        using var edit = await carol.PutAsync("/api/rules/99", System.Net.Http.Json.JsonContent.Create(StepUp(1, 1)), Ct);
        using var enable = await carol.PutAsync("/api/rules/99/enabled", System.Net.Http.Json.JsonContent.Create(new { enabled = true }), Ct);
        using var read = await carol.GetAsync("/api/rules/99", Ct);

        foreach (var response in new[] { edit, enable, read })
        {
            var problem = await response.AssertProblemDetailsAsync(HttpStatusCode.NotFound);
            Assert.Contains("99", problem.Detail);
        }
        Assert.Equal("\"1\"", (await carol.GetRulesAsync()).ETag);
    }

    [Fact]
    public async Task Changes_survive_a_restart_and_the_seed_does_not_come_back()
    {
        using (var carol = policy.As(PolicyTokens.Carol))
        {
            await carol.SendJsonAsync(HttpMethod.Put, "/api/rules/4/enabled", new { enabled = false }, HttpStatusCode.OK);
        }

        await policy.RestartAsync();

        using var again = policy.As(PolicyTokens.Carol);
        var (document, etag) = await again.GetRulesAsync();
        Assert.Equal("\"2\"", etag);
        Assert.Equal(5, document.GetProperty("rules").GetArrayLength());
        Assert.False((await again.RuleAsync(4)).GetProperty("enabled").GetBoolean());
        Assert.Single((await again.AuditAsync()).EnumerateArray());
    }

    // The seed is written only into a new database: a demo database from before migrations (and before the
    // company rule) is rebuilt to show it.
    [Fact]
    public async Task A_database_from_before_migrations_is_rebuilt_with_the_company_rule()
    {
        await policy.QueryAsync(async db =>
        {
            await db.Rules.Where(r => r.Id == SeededAccessRules.CompanyId).ExecuteDeleteAsync(Ct);
            return await db.Database.ExecuteSqlRawAsync("DROP TABLE __EFMigrationsHistory", Ct);
        });

        await policy.RestartAsync();

        var (document, _) = await policy.As(PolicyTokens.OrdersService).GetRulesAsync();
        var company = document.GetProperty("rules").EnumerateArray().Single(r => r.GetProperty("kind").GetString() == "Company");
        Assert.Equal(SeededAccessRules.CompanyId, company.GetProperty("id").GetInt32());
        Assert.False(company.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Every_change_is_logged_with_the_admins_sub_and_never_the_token()
    {
        var token = policy.Tokens.CreateToken(PolicyTokens.Carol);
        using var carol = policy.Anonymous().WithBearer(token);

        await carol.SendJsonAsync(HttpMethod.Put, "/api/rules/3/enabled", new { enabled = true }, HttpStatusCode.OK);

        var line = Assert.Single(policy.Logs.Messages, m => m.Contains("Access rule 3", StringComparison.Ordinal));
        Assert.Contains("enabled", line);
        Assert.Contains(PolicyTokens.Carol.Subject, line);
        Assert.Contains("version 2", line);
        Assert.DoesNotContain(policy.Logs.Messages, m => m.Contains(token, StringComparison.Ordinal) || m.Contains(token.Split('.')[2], StringComparison.Ordinal));
    }

    [Fact]
    public async Task Concurrent_changes_each_get_their_own_version()
    {
        using var carol = policy.As(PolicyTokens.Carol);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            carol.SendJsonAsync(HttpMethod.Post, "/api/rules", StepUp(100 + i, 5), HttpStatusCode.Created)));

        Assert.Equal("\"9\"", (await carol.GetRulesAsync()).ETag);
        var versions = await policy.QueryAsync(db => db.Audit.Select(e => e.Version).ToListAsync(Ct));
        Assert.Equal(Enumerable.Range(2, 8).Select(v => (long)v), versions.Order());
    }
}
