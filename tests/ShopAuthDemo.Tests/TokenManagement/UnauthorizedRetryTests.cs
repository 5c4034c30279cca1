using System.Net;
using System.Text;
using ShopAuthDemo.Tests.TokenManagement.Support;
using Xunit;

namespace ShopAuthDemo.Tests.TokenManagement;

public sealed class UnauthorizedRetryTests : IDisposable
{
    private readonly TokenManagementTestHost _host = new();

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Unauthorized_from_callee_renews_once_and_retries_once_then_returns_401()
    {
        _host.Downstream.Respond = _ => HttpStatusCode.Unauthorized;

        var response = await _host.CreateClient(TokenManagementTestHost.CatalogAsService)
            .GetAsync("/api/catalog/items", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], _host.Downstream.Calls.Select(call => call.Authorization));
        Assert.Equal(2, _host.IdentityProvider.TokenRequestCount);
    }

    [Fact]
    public async Task Unauthorized_then_success_returns_success_with_new_token()
    {
        // The callee no longer accepts token-1 (say, its signing key was rolled) but takes a fresh one.
        _host.Downstream.Respond = authorization => authorization == "Bearer token-1" ? HttpStatusCode.Unauthorized : HttpStatusCode.OK;
        var client = _host.CreateClient(TokenManagementTestHost.CatalogAsService);

        // A body that can be read only once: the retry must still send it.
        var response = await client.PostAsync("/api/catalog/items", new StreamContent(new ForwardOnlyStream("""{"name":"mug"}""")),
            TestContext.Current.CancellationToken);
        var next = await client.GetAsync("/api/catalog/items", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.Equal(
            [new ReceivedCall("Bearer token-1", """{"name":"mug"}"""), new ReceivedCall("Bearer token-2", """{"name":"mug"}"""), new ReceivedCall("Bearer token-2", null)],
            _host.Downstream.Calls);
        Assert.Equal(2, _host.IdentityProvider.TokenRequestCount);
    }

    [Fact]
    public async Task Unauthorized_after_token_exchange_renews_the_exchanged_token_for_the_same_user()
    {
        _host.SubjectToken.Current = "alice-access-token";
        _host.Downstream.Respond = authorization => authorization == "Bearer token-1" ? HttpStatusCode.Unauthorized : HttpStatusCode.OK;

        var response = await _host.CreateClient(TokenManagementTestHost.PaymentsForUser)
            .GetAsync("/api/payments", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["Bearer token-1", "Bearer token-2"], _host.Downstream.Calls.Select(call => call.Authorization));
        Assert.All(_host.IdentityProvider.TokenRequests, request => Assert.Equal("alice-access-token", request["subject_token"]));
    }

    private sealed class ForwardOnlyStream(string content) : MemoryStream(Encoding.UTF8.GetBytes(content))
    {
        public override bool CanSeek => false;
    }
}
