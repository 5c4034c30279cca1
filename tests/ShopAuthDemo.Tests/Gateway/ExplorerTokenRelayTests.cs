using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ShopAuthDemo.Gateway.ApiDocs;
using ShopAuthDemo.Tests.Gateway.Support;
using Xunit;

namespace ShopAuthDemo.Tests.Gateway;

/// <summary>
/// /identity/token relays only what the API explorer page needs: api-explorer's code and refresh grants and a
/// partner's client credentials. Everything else is an OAuth error at the gateway and never reaches the identity provider.
/// </summary>
public sealed class ExplorerTokenRelayTests(GatewayHost gateway) : IClassFixture<GatewayHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const string TokenEndpoint = "POST identity.test/realms/shop/protocol/openid-connect/token";

    private ForwardedRequest[] ForwardedSince(int before) => [.. gateway.Services.ToServices.Skip(before)];

    private async Task<(HttpResponseMessage Response, ForwardedRequest[] Forwarded)> PostAsync(HttpContent body, AuthenticationHeaderValue? authorization = null)
    {
        var before = gateway.Services.ToServices.Count();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/identity/token") { Content = body };
        request.Headers.Authorization = authorization;
        var response = await gateway.Anonymous().SendAsync(request, Ct);
        return (response, ForwardedSince(before));
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] parameters) =>
        new(parameters.Select(parameter => KeyValuePair.Create(parameter.Name, parameter.Value)));

    private static AuthenticationHeaderValue Basic(string clientId, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{clientId}:{secret}")));

    private static async Task AssertOAuthErrorAsync(HttpResponseMessage response, HttpStatusCode status, string error)
    {
        Assert.Equal(status, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("error_description").GetString()));
    }

    [Fact]
    public async Task The_explorers_code_grant_is_forwarded_byte_for_byte()
    {
        var form = Form(("grant_type", "authorization_code"), ("client_id", "api-explorer"), ("code", "a-code"),
            ("redirect_uri", GatewayHost.PublicUrl + "/scalar/"), ("code_verifier", "a-verifier"));
        var sent = await form.ReadAsStringAsync(Ct);

        var (response, forwarded) = await PostAsync(form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var relayed = Assert.Single(forwarded);
        Assert.Equal(TokenEndpoint, relayed.ToString());
        Assert.Equal(sent, relayed.Body);
    }

    [Fact]
    public async Task The_explorers_refresh_grant_is_forwarded()
    {
        var (response, forwarded) = await PostAsync(Form(("grant_type", "refresh_token"), ("client_id", "api-explorer"), ("refresh_token", "a-refresh-token")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(TokenEndpoint, Assert.Single(forwarded).ToString());
    }

    [Fact]
    public async Task A_partners_client_credentials_are_forwarded_with_the_secret_in_the_body_or_the_header()
    {
        var (inBody, forwardedFromBody) = await PostAsync(Form(("grant_type", "client_credentials"), ("client_id", "partner-acme"),
            ("client_secret", "s3cret"), ("scope", "shipping")));
        var (inHeader, forwardedFromHeader) = await PostAsync(Form(("grant_type", "client_credentials"), ("scope", "shipping")), Basic("partner-acme", "s3cret"));

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (inBody.StatusCode, inHeader.StatusCode));
        Assert.Single(forwardedFromBody);
        Assert.StartsWith("Basic ", Assert.Single(forwardedFromHeader).Headers["Authorization"]);
    }

    public static TheoryData<string, string, string> RefusedGrants => new()
    {
        // Password guessing through the edge, for any user, with any client's credentials.
        { "password grant", "grant_type=password&client_id=shop-web&client_secret=x&username=alice&password=guess", "unsupported_grant_type" },
        { "password grant as the explorer", "grant_type=password&client_id=api-explorer&username=alice&password=guess", "unsupported_grant_type" },
        { "token exchange", "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Atoken-exchange&client_id=orders-api&client_secret=x&subject_token=t", "unsupported_grant_type" },
        { "no grant type", "client_id=api-explorer", "unsupported_grant_type" },
        { "another client's client credentials", "grant_type=client_credentials&client_id=orders-api&client_secret=x", "unauthorized_client" },
        { "another client's code", "grant_type=authorization_code&client_id=shop-web&client_secret=x&code=c&redirect_uri=http%3A%2F%2Flocalhost%3A7100%2Fsignin-oidc", "unauthorized_client" },
        { "another client's refresh token", "grant_type=refresh_token&client_id=backoffice-web&client_secret=x&refresh_token=r", "unauthorized_client" },
        { "client credentials for the public explorer", "grant_type=client_credentials&client_id=api-explorer", "unauthorized_client" },
        // Which copy the identity provider reads is its choice, not ours.
        { "client_id twice", "grant_type=client_credentials&client_id=partner-acme&client_id=orders-api&client_secret=x", "invalid_request" },
        { "grant_type twice", "grant_type=authorization_code&grant_type=password&client_id=api-explorer&username=alice&password=p", "invalid_request" },
        { "client assertion", "grant_type=client_credentials&client_id=partner-acme&client_assertion_type=jwt-bearer&client_assertion=x", "invalid_request" },
    };

    [Theory]
    [MemberData(nameof(RefusedGrants))]
    public async Task Grants_the_explorer_does_not_use_are_refused_at_the_gateway_and_never_forwarded(string why, string body, string error)
    {
        var (response, forwarded) = await PostAsync(new StringContent(body, Encoding.UTF8, "application/x-www-form-urlencoded"));

        await AssertOAuthErrorAsync(response, HttpStatusCode.BadRequest, error);
        Assert.True(forwarded.Length == 0, $"{why} reached the identity provider");
    }

    [Fact]
    public async Task A_header_naming_another_client_than_the_body_is_refused()
    {
        var (response, forwarded) = await PostAsync(Form(("grant_type", "client_credentials"), ("client_id", "partner-acme")), Basic("orders-api", "x"));

        await AssertOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Empty(forwarded);
    }

    [Fact]
    public async Task Another_client_in_the_basic_header_is_refused()
    {
        var (response, forwarded) = await PostAsync(Form(("grant_type", "client_credentials")), Basic("orders-api", "x"));

        await AssertOAuthErrorAsync(response, HttpStatusCode.BadRequest, "unauthorized_client");
        Assert.Empty(forwarded);
    }

    [Fact]
    public async Task A_body_that_is_not_a_form_is_refused()
    {
        var (response, forwarded) = await PostAsync(new StringContent("""{"grant_type":"client_credentials","client_id":"partner-acme"}""", Encoding.UTF8, "application/json"));

        await AssertOAuthErrorAsync(response, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Empty(forwarded);
    }

    [Fact]
    public async Task A_form_with_thousands_of_parameters_or_bytes_that_are_not_utf8_is_a_400_not_a_500()
    {
        var manyParameters = string.Join('&', Enumerable.Repeat("a", 3000));
        var notUtf8 = new ByteArrayContent([.. "grant_type=client_credentials&client_id=partner-acme&x="u8.ToArray(), 0xC3, 0x28]);
        notUtf8.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        var (tooMany, forwardedTooMany) = await PostAsync(new StringContent(manyParameters, Encoding.UTF8, "application/x-www-form-urlencoded"));
        var (invalid, forwardedInvalid) = await PostAsync(notUtf8);

        await AssertOAuthErrorAsync(tooMany, HttpStatusCode.BadRequest, "invalid_request");
        await AssertOAuthErrorAsync(invalid, HttpStatusCode.BadRequest, "invalid_request");
        Assert.Empty(forwardedTooMany.Concat(forwardedInvalid));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_oversized_body_is_refused_and_never_forwarded(bool withContentLength)
    {
        var padding = new string('a', ExplorerTokenRequest.MaxBodyBytes);
        var form = $"grant_type=client_credentials&client_id=partner-acme&client_secret=x&scope={padding}";
        HttpContent body = withContentLength
            ? new StringContent(form, Encoding.UTF8, "application/x-www-form-urlencoded")
            : new StreamContent(new NonSeekableStream(Encoding.UTF8.GetBytes(form)));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");

        var (response, forwarded) = await PostAsync(body);

        await AssertOAuthErrorAsync(response, HttpStatusCode.RequestEntityTooLarge, "invalid_request");
        Assert.Empty(forwarded);
    }

    // No length known up front: the gateway must stop reading at its cap, not trust a Content-Length.
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
