namespace ShopAuthDemo.Identity.Local.Admin;

/// <summary>The answer to a rotation: the kid new tokens carry, and every kid the JWKS now publishes.</summary>
public sealed record SigningKeyRotation(string Kid, IReadOnlyList<string> PublishedKids);
