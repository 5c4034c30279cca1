namespace ShopAuthDemo.Web.Authentication.Configuration;

/// <summary>What differs between the two web apps: the cookie's name and the API scopes they ask for.</summary>
/// <param name="CookieName">
/// Both apps run on localhost, and browsers do not separate cookies by port: each app needs its own name,
/// or signing in to one would overwrite the other's session cookie.
/// </param>
/// <param name="ApiScopes">Optional client scopes of the realm; each adds an API to the access token's audience.</param>
public sealed record WebAppSignIn(string CookieName, IReadOnlyList<string> ApiScopes);
