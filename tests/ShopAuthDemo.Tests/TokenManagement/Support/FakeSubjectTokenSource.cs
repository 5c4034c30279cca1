using ShopAuthDemo.ServiceDefaults.TokenManagement;

namespace ShopAuthDemo.Tests.TokenManagement.Support;

// The signed-in user's access token, as the incoming request would carry it.
public sealed class FakeSubjectTokenSource : ISubjectTokenSource
{
    public string? Current { get; set; }

    public ValueTask<string?> GetSubjectTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Current);
}
