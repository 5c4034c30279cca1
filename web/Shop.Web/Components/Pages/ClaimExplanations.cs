namespace ShopAuthDemo.Shop.Web.Components.Pages;

/// <summary>One sentence per claim a learner meets on the Identity page.</summary>
public static class ClaimExplanations
{
    private static readonly Dictionary<string, string> Explanations = new(StringComparer.Ordinal)
    {
        ["sub"] = "Subject: your user id at the identity provider. APIs use it to know whose orders are whose.",
        ["sid"] = "The identity provider's session id. Back-channel logout names it to end this session when you sign out elsewhere.",
        ["auth_time"] = "When you last typed your password at the identity provider (seconds since 1970). Signing in again by SSO does not change it; an app that needs a fresh sign-in checks it.",
        ["preferred_username"] = "Your username; shown as your name in the app.",
        ["name"] = "Your full name.",
        ["given_name"] = "Your first name.",
        ["family_name"] = "Your last name.",
        ["email"] = "Your e-mail address (scope email).",
        ["email_verified"] = "Whether the identity provider has verified the e-mail address.",
        ["realm_access"] = "Keycloak's realm roles; the app turns each into a role claim for [Authorize(Roles = …)].",
        ["auth_time"] = "When you last typed your password. SSO sign-ins into the second app keep the first time.",
        ["identity_provider"] = "You signed in at your company's own identity provider (this alias), brokered by the shop's: the token is still the shop's, so no app or API trusts a second issuer.",
        ["acr"] = "How strongly you authenticated (1 = password).",
        ["typ"] = "Token type: an ID token, which is for this app only, never sent to APIs.",
        ["amr"] = "How you authenticated (e.g. pwd).",
        ["oi_au_id"] = "Internal to the local stand-in identity provider (its authorization id); Keycloak sends no such claim.",
        ["oi_tkn_id"] = "Internal to the local stand-in identity provider (its token id); Keycloak sends no such claim.",
    };

    public static string Explain(string claimType) =>
        Explanations.TryGetValue(claimType, out var explanation) ? explanation : "";
}
