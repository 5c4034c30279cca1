using Microsoft.Extensions.Time.Testing;
using ShopAuthDemo.Identity.Local.Sessions;
using Xunit;

namespace ShopAuthDemo.Tests.IdentityLocal;

/// <summary>prompt=login round trips: answered only after a later sign-in, once, within ten minutes, bounded.</summary>
public sealed class ReauthenticationRequestsTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly ReauthenticationRequests _requests;

    public ReauthenticationRequestsTests() => _requests = new ReauthenticationRequests(_clock);

    [Fact]
    public void A_sign_in_from_before_the_request_does_not_answer_it()
    {
        var signedIn = _clock.GetUtcNow();
        _clock.Advance(TimeSpan.FromSeconds(1));
        var marker = _requests.Start("shop-web", "challenge");

        Assert.False(_requests.MayAnswer("shop-web", "challenge", marker, signedIn));
        Assert.False(_requests.MayAnswer("shop-web", "challenge", marker, _clock.GetUtcNow()));
    }

    [Fact]
    public void A_sign_in_after_the_request_answers_it_once()
    {
        var marker = _requests.Start("shop-web", "challenge");
        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.True(_requests.MayAnswer("shop-web", "challenge", marker, _clock.GetUtcNow()));
        Assert.False(_requests.MayAnswer("shop-web", "challenge", marker, _clock.GetUtcNow()));
    }

    [Fact]
    public void Dropping_the_marker_does_not_answer_a_waiting_request()
    {
        _requests.Start("shop-web", "challenge");
        _clock.Advance(TimeSpan.FromSeconds(5));

        Assert.False(_requests.MayAnswer("shop-web", "challenge", marker: null, _clock.GetUtcNow()));
        Assert.True(_requests.MayAnswer("shop-web", "other-challenge", marker: null, _clock.GetUtcNow()));
    }

    [Fact]
    public void An_expired_or_unknown_marker_is_refused()
    {
        var marker = _requests.Start("shop-web", "challenge");
        _clock.Advance(ReauthenticationRequests.Lifetime + TimeSpan.FromSeconds(1));

        Assert.False(_requests.MayAnswer("shop-web", "challenge", marker, _clock.GetUtcNow()));
        Assert.False(_requests.MayAnswer("shop-web", "challenge", "made-up", _clock.GetUtcNow()));
    }

    [Fact]
    public void A_flood_of_prompt_login_requests_keeps_at_most_the_capacity()
    {
        for (var i = 0; i < ReauthenticationRequests.Capacity * 2; i++) _requests.Start("shop-web", "challenge-" + i);
        for (var i = 0; i < 1000; i++) _requests.Start("shop-web", "same-challenge");

        Assert.Equal(ReauthenticationRequests.Capacity, _requests.Count);
    }
}
