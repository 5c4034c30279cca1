using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using ShopAuthDemo.Tests.KeyRotation.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.KeyRotation;

/// <summary>Rotating the signing key is for the admin only: HTTP Basic, user admin, the AppHost's admin password.</summary>
public sealed class KeyRotationEndpointTests : IAsyncDisposable
{
    private const string AdminPassword = LocalIdentityProviderFactory.AdminPassword;

    private readonly LocalIdentityProviderFactory idp = new();

    public static TheoryData<string, AuthenticationHeaderValue?> RefusedCredentials => new()
    {
        { "none", null },
        { "wrong password", RealmKeys.Basic("admin", "not-" + AdminPassword) },
        { "wrong user", RealmKeys.Basic("alice", AdminPassword) },
        { "password only", new("Basic", Convert.ToBase64String("test-admin-password"u8)) },
        { "not base64", new("Basic", "%%%") },
        { "bearer token", new("Bearer", AdminPassword) },
    };

    [Theory]
    [MemberData(nameof(RefusedCredentials))]
    public async Task Rotation_without_the_admin_credentials_is_401_with_a_basic_challenge_and_changes_nothing(
        string caller, AuthenticationHeaderValue? authorization)
    {
        var published = await RealmKeys.PublishedKidsAsync(idp);

        var response = await RealmKeys.RotateAsync(idp.CreateClient(), authorization);

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{caller}: {(int)response.StatusCode}");
        Assert.StartsWith("Basic ", response.Headers.WwwAuthenticate.ToString());
        Assert.Equal(published, await RealmKeys.PublishedKidsAsync(idp));
    }

    [Fact]
    public async Task Without_an_admin_password_there_is_no_rotation_endpoint()
    {
        idp.Settings.Remove("Admin:Password");

        var response = await RealmKeys.RotateAsync(idp.CreateClient(), RealmKeys.Basic("admin", AdminPassword));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Rotation_is_logged_with_the_new_kid_and_never_with_the_password()
    {
        var logs = new CapturedLogs();
        await using var logged = idp.WithWebHostBuilder(host => host.ConfigureServices(services =>
            services.AddLogging(logging => logging.AddProvider(logs))));
        await RealmKeys.RotateAsync(logged.CreateClient(), RealmKeys.Basic("admin", "a-wrong-guess"));

        var response = await RealmKeys.RotateAsync(logged.CreateClient(), RealmKeys.Basic("admin", AdminPassword));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var kid = (await TokenRequests.JsonAsync(response)).GetProperty("kid").GetString();
        Assert.Contains($"Signing key rotated: new kid {kid} ", logs.Messages);
        Assert.DoesNotContain(logs.Messages, message => message.Contains(AdminPassword) || message.Contains("a-wrong-guess"));
    }

    public ValueTask DisposeAsync() => idp.DisposeAsync();

    [Fact]
    public async Task The_admin_without_the_requested_by_header_is_refused_as_a_cross_site_form_would_be()
    {
        var before = await RealmKeys.PublishedKidsAsync(idp);

        using var response = await RealmKeys.RotateAsync(idp.CreateClient(), RealmKeys.Basic("admin", AdminPassword), requestedBy: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await RealmKeys.PublishedKidsAsync(idp));
    }
}
