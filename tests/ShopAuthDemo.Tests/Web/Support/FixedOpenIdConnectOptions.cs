using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace ShopAuthDemo.Tests.Web.Support;

/// <summary>The OpenID Connect handler's options as a test sets them, with the identity provider's metadata already in place.</summary>
public sealed class FixedOpenIdConnectOptions(OpenIdConnectOptions options) : IOptionsMonitor<OpenIdConnectOptions>
{
    public OpenIdConnectOptions CurrentValue => options;
    public OpenIdConnectOptions Get(string? name) => options;
    public IDisposable? OnChange(Action<OpenIdConnectOptions, string?> listener) => null;
}
