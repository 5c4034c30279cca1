namespace ShopAuthDemo.AppHost.Telemetry;

internal static class UrlQueryRedaction
{
    public const string AspNetCoreSwitch = "OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_DISABLE_URL_QUERY_REDACTION";
    public const string HttpClientSwitch = "OTEL_DOTNET_EXPERIMENTAL_HTTPCLIENT_DISABLE_URL_QUERY_REDACTION";

    /// <summary>
    /// Aspire switches off OpenTelemetry's redaction of URL query strings in every project, so that the
    /// dashboard shows whole URLs. Some of our URLs carry credentials in the query: the authorization code
    /// on the web apps' /signin-oidc, the id_token_hint on the identity provider's logout URL. Redaction
    /// back on: the dashboard then shows those query values as "Redacted".
    /// </summary>
    /// <remarks>Call after every project is added; a later environment value wins over Aspire's.</remarks>
    public static IDistributedApplicationBuilder KeepUrlQueriesOutOfTelemetry(this IDistributedApplicationBuilder builder)
    {
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(project)
                .WithEnvironment(AspNetCoreSwitch, "false")
                .WithEnvironment(HttpClientSwitch, "false");
        }
        return builder;
    }
}
