using System.Net;
using Microsoft.AspNetCore.Http;
using ShopAuthDemo.ServiceDefaults.TokenManagement;
using ShopAuthDemo.Tests.TokenManagement.Support;
using Xunit;

namespace ShopAuthDemo.Tests.TokenManagement;

public sealed class TokenExchangeHandlerTests : IDisposable
{
    private readonly TokenManagementTestHost _host = new();

    public void Dispose() => _host.Dispose();

    private async Task<string?> CallAsUserAsync(string user, string clientName)
    {
        _host.SubjectToken.Current = $"{user}-access-token";
        await _host.CreateClient(clientName).GetAsync("/api/anything", TestContext.Current.CancellationToken);
        return _host.Downstream.Calls[^1].Authorization;
    }

    [Fact]
    public async Task Exchange_cache_is_keyed_per_subject_and_audience()
    {
        var alicePayments = await CallAsUserAsync("alice", TokenManagementTestHost.PaymentsForUser);
        var bobPayments = await CallAsUserAsync("bob", TokenManagementTestHost.PaymentsForUser);
        var alicePaymentsAgain = await CallAsUserAsync("alice", TokenManagementTestHost.PaymentsForUser);
        var aliceCatalog = await CallAsUserAsync("alice", TokenManagementTestHost.CatalogForUser);

        Assert.Equal("Bearer token-1", alicePayments);
        Assert.Equal("Bearer token-2", bobPayments);
        Assert.Equal(alicePayments, alicePaymentsAgain);
        Assert.Equal("Bearer token-3", aliceCatalog);
        Assert.Equal(
            [("alice-access-token", "payments-api"), ("bob-access-token", "payments-api"), ("alice-access-token", "catalog-api")],
            _host.IdentityProvider.TokenRequests.Select(request => (request["subject_token"], request["audience"])));
    }

    [Fact]
    public async Task Exchange_request_carries_subject_token_audience_and_client()
    {
        await CallAsUserAsync("alice", TokenManagementTestHost.PaymentsForUser);

        var request = Assert.Single(_host.IdentityProvider.TokenRequests);
        Assert.Equal("urn:ietf:params:oauth:grant-type:token-exchange", request["grant_type"]);
        Assert.Equal("alice-access-token", request["subject_token"]);
        Assert.Equal("urn:ietf:params:oauth:token-type:access_token", request["subject_token_type"]);
        Assert.Equal("payments-api", request["audience"]);
        Assert.Equal("payments", request["scope"]);
        Assert.Equal($"{TokenManagementTestHost.ClientId}:{TokenManagementTestHost.ClientSecret}", request.BasicCredentials);
        Assert.Null(request["client_secret"]);
    }

    [Fact]
    public async Task Missing_subject_token_is_an_error_not_an_anonymous_call()
    {
        _host.SubjectToken.Current = null;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => _host.CreateClient(TokenManagementTestHost.PaymentsForUser)
            .GetAsync("/api/payments", TestContext.Current.CancellationToken));

        Assert.Contains("No user access token", error.Message);
        Assert.Empty(_host.Downstream.Calls);
        Assert.Equal(0, _host.IdentityProvider.TokenRequestCount);
    }

    [Fact]
    public async Task Exchange_error_message_contains_no_subject_token_or_secret()
    {
        _host.IdentityProvider.EchoCredentialsInErrors = true;
        _host.IdentityProvider.FailNext(HttpStatusCode.BadRequest, "invalid_grant", "Subject token expired");
        _host.SubjectToken.Current = "alice-access-token";

        var error = await Assert.ThrowsAsync<TokenRequestException>(() => _host.CreateClient(TokenManagementTestHost.PaymentsForUser)
            .GetAsync("/api/payments", TestContext.Current.CancellationToken));

        Assert.Equal("invalid_grant", error.Error);
        Assert.DoesNotContain("alice-access-token", error.ToString());
        Assert.DoesNotContain(TokenManagementTestHost.ClientSecret, error.ToString());
        Assert.All(_host.Logs.GetSnapshot(), log => Assert.DoesNotContain("alice-access-token", log.Message));
    }

    [Theory]
    [InlineData("Bearer alice-access-token", "alice-access-token")]
    [InlineData("bearer alice-access-token", "alice-access-token")]
    [InlineData("Basic b3JkZXJzOnNlY3JldA==", null)]
    [InlineData(null, null)]
    public async Task Subject_token_is_the_bearer_token_of_the_incoming_request(string? authorization, string? expected)
    {
        var context = new DefaultHttpContext();
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        var source = new BearerHeaderSubjectTokenSource(new HttpContextAccessor { HttpContext = context });

        Assert.Equal(expected, await source.GetSubjectTokenAsync(TestContext.Current.CancellationToken));
    }
}
