using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;

namespace ShopAuthDemo.Shop.Web.Cart;

/// <summary>
/// The order a customer was placing when orders-api asked for a more recent sign-in (step-up): remembered in
/// this browser tab (session storage, encrypted and signed by this app) under a random marker that travels in
/// the return URL. Back from the identity provider, the cart page places it once, and only when the marker,
/// the user and the cart all match: a link to /cart?afterSignIn=… from another site cannot make the shop
/// place an order (that would be cross-site request forgery by GET).
/// </summary>
public sealed class OrderAfterSignIn(ProtectedSessionStorage storage, TimeProvider time, ILogger<OrderAfterSignIn> logger)
{
    /// <summary>The return URL's query parameter that carries the marker.</summary>
    public const string Parameter = "afterSignIn";

    /// <summary>Long enough to sign in, short enough that an old tab does not order by surprise.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private const string StorageKey = "shop.order-after-sign-in";

    public sealed record PendingOrder(string Marker, string Subject, List<CartLine> Lines, DateTimeOffset Until);

    /// <returns>The local URL to come back to after signing in: "/cart?afterSignIn=…".</returns>
    public async Task<string> RememberAsync(string subject, IReadOnlyList<CartLine> lines)
    {
        var marker = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        await storage.SetAsync(StorageKey, new PendingOrder(marker, subject, [.. lines], time.GetUtcNow() + Lifetime));
        return $"/cart?{Parameter}={marker}";
    }

    /// <summary>True at most once per remembered order: the marker, the user and the cart are the remembered ones.</summary>
    public async Task<bool> TakeAsync(string marker, string? subject, IReadOnlyList<CartLine> lines)
    {
        PendingOrder? pending = null;
        try
        {
            var stored = await storage.GetAsync<PendingOrder>(StorageKey);
            if (stored.Success) pending = stored.Value;
        }
        catch (CryptographicException)
        {
            logger.LogInformation("The remembered order could not be read; it is not placed");
        }
        await storage.DeleteAsync(StorageKey);

        return pending is not null
            && string.Equals(pending.Marker, marker, StringComparison.Ordinal)
            && string.Equals(pending.Subject, subject, StringComparison.Ordinal)
            && pending.Until > time.GetUtcNow()
            // Changed in another tab meanwhile: the customer decides again.
            && pending.Lines.SequenceEqual(lines);
    }
}
