using Microsoft.AspNetCore.Components;

namespace ShopAuthDemo.Web.Authentication.Components;

/// <summary>The login endpoint with the page the user is on as its return URL (LocalReturnUrl checks it again).</summary>
internal static class SignInReturningHere
{
    /// <summary>Base-relative, for a link: "authentication/login?returnUrl=%2Fcart".</summary>
    public static string Href(NavigationManager navigation) =>
        $"authentication/login?returnUrl={Uri.EscapeDataString(ReturnUrl(navigation))}";

    /// <summary>The page the user is on, as a local path: "/cart".</summary>
    public static string ReturnUrl(NavigationManager navigation) => "/" + navigation.ToBaseRelativePath(navigation.Uri);

    /// <summary>A local path, for a return URL of its own (after sign-out): "/authentication/login?returnUrl=%2Fcart".</summary>
    public static string Path(NavigationManager navigation) => "/" + Href(navigation);
}
