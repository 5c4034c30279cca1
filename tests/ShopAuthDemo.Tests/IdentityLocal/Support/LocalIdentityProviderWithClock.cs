using Microsoft.Extensions.Time.Testing;

namespace ShopAuthDemo.Tests.IdentityLocal.Support;

/// <summary>One Identity.Local for a test class whose tests move its clock (each in its own browser, one at a time).</summary>
public sealed class LocalIdentityProviderWithClock : IAsyncDisposable
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public LocalIdentityProviderFactory Idp { get; }

    public LocalIdentityProviderWithClock() => Idp = new LocalIdentityProviderFactory { Clock = Clock };

    public ValueTask DisposeAsync() => Idp.DisposeAsync();
}
