namespace ShopAuthDemo.Web.Authentication.Tokens;

/// <summary>The identity provider could not be reached to renew a token; trying again later is the fix.</summary>
public sealed class IdentityProviderUnavailableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
