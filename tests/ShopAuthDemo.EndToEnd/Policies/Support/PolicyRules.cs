using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ShopAuthDemo.Testing.AppHost;

namespace ShopAuthDemo.EndToEnd.Policies.Support;

/// <summary>
/// policy-api as carol (role admin, scope policies, from the back office's client): read a seeded rule,
/// change it for a test, and put it back as it was when disposed, so the tests that follow see the seeded rules.
/// </summary>
public sealed class PolicyRules(AppHostFixture appHost) : IAsyncDisposable
{
    // The back office's tokens live 20 s in the test run (AppHostFixture.WebAccessTokenLifespan): a test that
    // outlasts one signs carol in again rather than being refused while it puts the rules back.
    private static readonly TimeSpan TokenReuse = TimeSpan.FromSeconds(10);

    private readonly HttpClient _policyApi = appHost.CreateHttpClient("policy-api");
    private DateTimeOffset _signedInAt = DateTimeOffset.MinValue;

    public const string StepUp = "StepUp";
    public const string Time = "Time";
    public const string Location = "Location";
    public const string Group = "Group";

    private readonly List<JsonObject> _changed = [];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public static Task<PolicyRules> AsCarolAsync(AppHostFixture appHost) => Task.FromResult(new PolicyRules(appHost));

    private async Task<HttpClient> PolicyApiAsync(CancellationToken cancellationToken)
    {
        if (DateTimeOffset.UtcNow - _signedInAt > TokenReuse)
        {
            _policyApi.WithBearer(await appHost.SignInToBackofficeAsync("carol", "openid policies", cancellationToken));
            _signedInAt = DateTimeOffset.UtcNow;
        }
        return _policyApi;
    }

    /// <summary>The first rule of a kind, as policy-api serves it.</summary>
    public async Task<JsonObject> FindAsync(string kind)
    {
        var document = await (await PolicyApiAsync(Cancellation)).GetFromJsonAsync<JsonObject>("/api/rules", Cancellation)
            ?? throw new InvalidOperationException("policy-api returned no rules document.");
        return document["rules"]!.AsArray().OfType<JsonObject>().FirstOrDefault(rule => (string?)rule["kind"] == kind)
            ?? throw new InvalidOperationException($"No {kind} rule in policy-api's rules.");
    }

    public async Task<int> CountAsync()
    {
        var document = await (await PolicyApiAsync(Cancellation)).GetFromJsonAsync<JsonObject>("/api/rules", Cancellation);
        return document!["rules"]!.AsArray().Count;
    }

    /// <summary>Changes the rule (PUT /api/rules/{id}); disposing puts it back.</summary>
    public async Task<JsonObject> ChangeAsync(JsonObject rule, bool? enabled = null, Action<JsonObject>? parameters = null)
    {
        if (!_changed.Exists(original => (int)original["id"]! == (int)rule["id"]!)) _changed.Add(rule.DeepClone().AsObject());
        var input = Input(rule);
        if (enabled is { } on) input["enabled"] = on;
        parameters?.Invoke(input["parameters"]!.AsObject());
        using var response = await (await PolicyApiAsync(Cancellation)).PutAsJsonAsync($"/api/rules/{(int)rule["id"]!}", input, Cancellation);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"PUT /api/rules/{rule["id"]}: {(int)response.StatusCode} {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Notes a rule a test changes another way (on the page), so that it is put back too.</summary>
    public void WillRestore(JsonObject rule)
    {
        if (!_changed.Exists(original => (int)original["id"]! == (int)rule["id"]!)) _changed.Add(rule.DeepClone().AsObject());
    }

    /// <summary>Every changed rule back as it was before the test.</summary>
    public async Task RestoreAsync()
    {
        foreach (var original in _changed)
        {
            using var response = await (await PolicyApiAsync(CancellationToken.None))
                .PutAsJsonAsync($"/api/rules/{(int)original["id"]!}", Input(original), CancellationToken.None);
            Assert.True(response.IsSuccessStatusCode,
                $"Could not put rule {original["id"]} back: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(CancellationToken.None)}");
        }
        _changed.Clear();
    }

    // AccessRuleInput: name, kind, enabled, parameters.
    private static JsonObject Input(JsonObject rule) => new()
    {
        ["name"] = rule["name"]!.DeepClone(),
        ["kind"] = rule["kind"]!.DeepClone(),
        ["enabled"] = rule["enabled"]!.DeepClone(),
        ["parameters"] = rule["parameters"]!.DeepClone(),
    };

    /// <summary>
    /// Polls until <paramref name="condition"/> holds and returns how long that took; fails after
    /// <paramref name="within"/>. The issue's promise is 10 s from a change on the page to every service.
    /// </summary>
    public static async Task<TimeSpan> WithinAsync(TimeSpan within, Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await condition()) return clock.Elapsed;
            Assert.True(clock.Elapsed < within, $"Not within {within.TotalSeconds:0} s: {what}");
            await Task.Delay(TimeSpan.FromMilliseconds(250), Cancellation);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RestoreAsync();
        }
        finally
        {
            _policyApi.Dispose();
        }
    }
}
