using Microsoft.AspNetCore.Http;

namespace ShopAuthDemo.Web.Authentication.Sessions;

/// <summary>
/// Marks the request on which the identity provider's answer arrives (the OpenID Connect callback). If the
/// browser still sends a live session cookie there, the cookie handler would renew that old session with the
/// new sign-in's ticket: one user's tokens under another user's name, and an old key the browser already
/// had (session fixation). <see cref="ServerSideTicketStore"/> sees the mark and ends the old session instead.
/// </summary>
public static class NewSignIn
{
    private static readonly object Mark = new();

    public static void MarkUnderway(HttpContext context) => context.Items[Mark] = true;

    public static bool IsUnderway(HttpContext context) => context.Items.ContainsKey(Mark);
}
