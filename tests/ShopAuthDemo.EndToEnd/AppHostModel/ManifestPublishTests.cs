using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ShopAuthDemo.Testing;

namespace ShopAuthDemo.EndToEnd.AppHostModel;

/// <summary>
/// `dotnet run --project AppHost -- --publisher manifest --output-path DIR` (Aspire's manifest, the input of azd and of
/// Kubernetes generators): every resource of a deployment, Keycloak in its production shape, and secrets only as
/// parameters to be supplied at deployment, never their values.
/// </summary>
public sealed partial class ManifestPublishTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static readonly string[] Services =
        ["keycloak", "policy-api", "catalog-api", "payments-api", "orders-api", "gateway", "partner-shipping", "shop-web", "backoffice-web",
            "postgres", "redis", "keycloakdb", "catalogdb", "ordersdb", "paymentsdb", "policydb"];

    [Fact]
    public async Task The_manifest_has_every_resource_keycloak_in_production_shape_and_secrets_only_as_parameters()
    {
        var (manifest, text) = await PublishAsync();
        var resources = manifest.GetProperty("resources");

        Assert.All(Services, name => Assert.True(resources.TryGetProperty(name, out _), $"the manifest has no {name}"));
        // The development stand-ins are never published (they refuse to run outside Development anyway).
        Assert.False(resources.TryGetProperty("identity-local", out _));
        Assert.False(resources.TryGetProperty("northwind-identity", out _));

        var keycloak = resources.GetProperty("keycloak");
        Assert.Equal(["start", "--import-realm"], keycloak.GetProperty("args").EnumerateArray().Select(a => a.GetString()));
        var keycloakEnv = keycloak.GetProperty("env");
        Assert.Equal("{keycloak-public-url.value}", keycloakEnv.GetProperty("KC_HOSTNAME").GetString());
        Assert.Equal("xforwarded", keycloakEnv.GetProperty("KC_PROXY_HEADERS").GetString());
        Assert.Equal("true", keycloakEnv.GetProperty("KC_HEALTH_ENABLED").GetString());
        Assert.Equal(9000, keycloak.GetProperty("bindings").GetProperty("management").GetProperty("targetPort").GetInt32());
        // A deployment scales out: Keycloak and the services on PostgreSQL, the replicas' shared state in Redis.
        Assert.Equal("postgres", keycloakEnv.GetProperty("KC_DB").GetString());
        Assert.EndsWith("/keycloakdb", keycloakEnv.GetProperty("KC_DB_URL").GetString(), StringComparison.Ordinal);
        Assert.Equal("{postgres-password.value}", keycloakEnv.GetProperty("KC_DB_PASSWORD").GetString());
        Assert.Equal("{ordersdb.connectionString}", resources.GetProperty("orders-api").GetProperty("env").GetProperty("ConnectionStrings__ordersdb").GetString());
        Assert.Equal("{redis.connectionString}", resources.GetProperty("shop-web").GetProperty("env").GetProperty("ConnectionStrings__redis").GetString());

        // Every secret an environment variable carries is a reference to a secret parameter.
        var secretParameters = resources.EnumerateObject()
            .Where(r => r.Value.TryGetProperty("inputs", out var inputs) && inputs.GetProperty("value").TryGetProperty("secret", out var secret) && secret.GetBoolean())
            .Select(r => r.Name).ToHashSet();
        Assert.Contains("dev-user-password", secretParameters);
        foreach (var resource in resources.EnumerateObject().Where(r => r.Value.TryGetProperty("env", out _)))
            foreach (var variable in resource.Value.GetProperty("env").EnumerateObject().Where(v => SecretName().IsMatch(v.Name)))
            {
                var reference = ParameterReference().Match(variable.Value.GetString() ?? "");
                Assert.True(reference.Success && secretParameters.Contains(reference.Groups["name"].Value),
                    $"{resource.Name}: {variable.Name} is not a reference to a secret parameter");
            }

        // And no value: nothing shaped like a generated secret, and none of this machine's own secret values.
        Assert.DoesNotMatch(GeneratedSecretShape(), text);
        foreach (var value in await UserSecretValuesAsync())
            Assert.DoesNotContain(value, text, StringComparison.Ordinal);
    }

    private static async Task<(JsonElement Manifest, string Text)> PublishAsync()
    {
        var output = Directory.CreateTempSubdirectory("shopauthdemo-manifest-").FullName;
        try
        {
            var start = new ProcessStartInfo("dotnet",
                ["run", "--project", Path.Combine(RepositoryRoot.Path, "AppHost"), "--no-build", "--", "--publisher", "manifest", "--output-path", output])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(start)!;
            var log = process.StandardOutput.ReadToEndAsync(Cancellation);
            var errors = process.StandardError.ReadToEndAsync(Cancellation);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);
            timeout.CancelAfter(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == 0, $"publishing failed ({process.ExitCode}): {await log}{await errors}");

            var text = await File.ReadAllTextAsync(Path.Combine(output, "aspire-manifest.json"), Cancellation);
            return (JsonDocument.Parse(text).RootElement.Clone(), text);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    // The AppHost's user secrets (generated parameter values), where this machine has run the app before.
    private static async Task<IReadOnlyList<string>> UserSecretValuesAsync()
    {
        var id = XDocument.Load(Path.Combine(RepositoryRoot.Path, "AppHost", "AppHost.csproj")).Descendants("UserSecretsId").Single().Value;
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var file = OperatingSystem.IsWindows()
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "Microsoft", "UserSecrets", id, "secrets.json")
            : Path.Combine(home, ".microsoft", "usersecrets", id, "secrets.json");
        if (!File.Exists(file)) return [];
        using var secrets = JsonDocument.Parse(await File.ReadAllTextAsync(file, Cancellation));
        return [.. secrets.RootElement.EnumerateObject()
            .Where(p => p.Name.StartsWith("Parameters:", StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.String)
            .Select(p => p.Value.GetString()!).Where(v => v.Length >= 16)];
    }

    [GeneratedRegex("SECRET|PASSWORD", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    [GeneratedRegex(@"^\{(?<name>[a-z0-9-]+)\.value\}$")]
    private static partial Regex ParameterReference();

    // A generated parameter value: 32 or more letters and digits, standing alone in a JSON string.
    [GeneratedRegex("\"[A-Za-z0-9]{32,}\"")]
    private static partial Regex GeneratedSecretShape();
}
