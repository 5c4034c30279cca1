using System.Net.Http.Headers;
using System.Text;

namespace ShopAuthDemo.AppHost.Identity;

internal static class SigningKeyRotationCommand
{
    /// <summary>
    /// "Rotate signing key" on the dashboard: the stand-in starts signing with a new key and keeps publishing
    /// the old ones, so a learner can watch the APIs fetch the new JWKS (one refresh) without a restart.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithSigningKeyRotationCommand(
        this IResourceBuilder<ProjectResource> identity, IResourceBuilder<ParameterResource> adminPassword) =>
        identity.WithHttpCommand(
            path: $"/admin/realms/{RealmSettings.RealmName}/keys/rotate",
            displayName: "Rotate signing key",
            endpointName: "http",
            commandName: "rotate-signing-key",
            commandOptions: new HttpCommandOptions
            {
                Description = "Sign new tokens with a new RSA key; the previous keys stay in the JWKS.",
                ConfirmationMessage = "Rotate the realm's signing key? Tokens already issued stay valid while their key is among the three published.",
                IconName = "Key",
                Method = HttpMethod.Post,
                PrepareRequest = async request =>
                {
                    var password = await adminPassword.Resource.GetValueAsync(request.CancellationToken);
                    request.Request.Headers.Authorization = new AuthenticationHeaderValue(
                        "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{password}")));
                    // Identity.Local refuses admin calls without it (no cross-site form can send it).
                    request.Request.Headers.Add("X-Requested-By", "aspire-dashboard");
                },
                ResultMode = HttpCommandResultMode.Json,
            });
}
