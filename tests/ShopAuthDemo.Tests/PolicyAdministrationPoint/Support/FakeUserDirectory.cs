using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Web;

namespace ShopAuthDemo.Tests.PolicyAdministrationPoint.Support;

/// <summary>
/// The identity provider as policy-api meets it: discovery, the token endpoint (client credentials for
/// policy-api) and the few calls of Keycloak's admin REST API the rule tester makes, answering with
/// Keycloak's JSON for the realm's dev users. Refuses admin calls without the token it issued.
/// </summary>
public sealed class FakeUserDirectory : HttpMessageHandler
{
    public const string PolicyApiSecret = "test-policy-api-secret";
    private const string Host = "identity.test";
    private const string Admin = "/admin/realms/shop/";

    private int issued;

    public sealed record User(string Id, string Username, string? Country, string[] Groups, string[] Roles, string? Company = null);

    public List<User> Users { get; } =
    [
        new("0f3a-alice", "alice", "DE", [], ["customer", "default-roles-shop"]),
        // Bob buys for his employer (as if signed in through Northwind Traders' identity provider).
        new("1e7b-bob", "bob", "US", [], ["customer", "default-roles-shop"], Company: " Northwind Traders"),
        new("2c9d-carol", "carol", "de", ["pricing-leads"], ["admin", "default-roles-shop", "staff"]),
    ];

    /// <summary>Every request: "GET identity.test/admin/realms/shop/users?… Bearer directory-token-1".</summary>
    public ConcurrentQueue<string> Calls { get; } = new();

    /// <summary>The token requests' forms, e.g. "grant_type=client_credentials" (and a scope, were one sent).</summary>
    public ConcurrentQueue<string> TokenRequests { get; } = new();

    /// <summary>Admin calls fail as if the identity provider were not running.</summary>
    public bool Down { get; set; }

    /// <summary>Admin calls answer this status instead (403: the service account lacks view-users).</summary>
    public HttpStatusCode? AdminStatus { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        Calls.Enqueue($"{request.Method} {uri.Host}{uri.PathAndQuery} {request.Headers.Authorization}");
        if (uri.Host != Host) return new HttpResponseMessage(HttpStatusCode.NotFound);

        if (uri.AbsolutePath == "/realms/shop/.well-known/openid-configuration")
            return Json(new { issuer = $"http://{Host}/realms/shop", token_endpoint = $"http://{Host}/realms/shop/protocol/openid-connect/token" });
        if (uri.AbsolutePath == "/realms/shop/protocol/openid-connect/token")
            return await IssueTokenAsync(request, cancellationToken);
        if (!uri.AbsolutePath.StartsWith(Admin, StringComparison.Ordinal))
            return new HttpResponseMessage(HttpStatusCode.NotFound);

        if (Down) throw new HttpRequestException("Connection refused (identity.test:80)");
        if (AdminStatus is { } status) return new HttpResponseMessage(status);
        if (request.Headers.Authorization is not { Scheme: "Bearer", Parameter: { } token } || !token.StartsWith("directory-token-", StringComparison.Ordinal))
            return new HttpResponseMessage(HttpStatusCode.Unauthorized);
        return AdminCall(uri.AbsolutePath[Admin.Length..], HttpUtility.ParseQueryString(uri.Query));
    }

    private HttpResponseMessage AdminCall(string path, System.Collections.Specialized.NameValueCollection query)
    {
        var segments = path.Split('/');
        switch (segments)
        {
            case ["users"] when query["exact"] == "true":
                return Json(Users.Where(u => string.Equals(u.Username, query["username"], StringComparison.OrdinalIgnoreCase))
                    .Select(u => new
                    {
                        id = u.Id,
                        username = u.Username,
                        enabled = true,
                        emailVerified = true,
                        createdTimestamp = 1700000000000,
                        attributes = Attributes(u),
                    }));
            case ["users"]:
                return Json(Users.Take(int.Parse(query["max"] ?? "100", System.Globalization.CultureInfo.InvariantCulture))
                    .Select(u => new { id = u.Id, username = u.Username, enabled = true }));
            case ["users", var id, "groups"] when Find(id) is { } user:
                return Json(user.Groups.Select(g => new { id = $"group-{g}", name = g, path = $"/{g}" }));
            case ["users", var id, "role-mappings", "realm", "composite"] when Find(id) is { } user:
                return Json(user.Roles.Select(r => new { id = $"role-{r}", name = r, composite = false, clientRole = false }));
            default:
                return new HttpResponseMessage(HttpStatusCode.NotFound);
        }
    }

    // Keycloak's user-profile attributes: each a list, absent when not set.
    private static Dictionary<string, string[]> Attributes(User user)
    {
        var attributes = new Dictionary<string, string[]>();
        if (user.Country is { } country) attributes["country"] = [country];
        if (user.Company is { } company) attributes["company"] = [company];
        return attributes;
    }

    private User? Find(string id) => Users.Find(u => u.Id == Uri.UnescapeDataString(id));

    private async Task<HttpResponseMessage> IssueTokenAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        TokenRequests.Enqueue(await request.Content!.ReadAsStringAsync(cancellationToken));
        var expected = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"policy-api:{PolicyApiSecret}"));
        if (request.Headers.Authorization is not { Scheme: "Basic" } basic || basic.Parameter != expected)
            return Json(new { error = "invalid_client" }, HttpStatusCode.Unauthorized);
        return Json(new { access_token = $"directory-token-{Interlocked.Increment(ref issued)}", expires_in = 300, token_type = "Bearer" });
    }

    private static HttpResponseMessage Json(object body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = JsonContent.Create(body) };
}
