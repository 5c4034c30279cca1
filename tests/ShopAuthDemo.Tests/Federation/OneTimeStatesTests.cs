using Microsoft.Extensions.Time.Testing;
using ShopAuthDemo.Identity.Local.Federation;
using Xunit;

namespace ShopAuthDemo.Tests.Federation;

/// <summary>The broker's waiting sign-ins and logouts: taken once, forgotten when old, and bounded however many are started.</summary>
public sealed class OneTimeStatesTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public void A_state_is_taken_once()
    {
        var states = new OneTimeStates<string>(_clock, TimeSpan.FromMinutes(10));
        states.Add("s", "value");

        Assert.Equal("value", states.Take("s"));
        Assert.Null(states.Take("s"));
        Assert.Null(states.Take(null));
    }

    [Fact]
    public void An_expired_state_is_not_taken()
    {
        var states = new OneTimeStates<string>(_clock, TimeSpan.FromMinutes(10));
        states.Add("s", "value");

        _clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        Assert.Null(states.Take("s"));
    }

    [Fact]
    public void When_full_the_oldest_is_forgotten_first()
    {
        var states = new OneTimeStates<string>(_clock, TimeSpan.FromMinutes(10), capacity: 3);
        foreach (var name in new[] { "a", "b", "c", "d" }) states.Add(name, name);

        Assert.Null(states.Take("a"));
        Assert.Equal(["b", "c", "d"], new[] { "b", "c", "d" }.Select(states.Take));
    }

    [Fact]
    public void New_states_are_unguessable_and_url_safe()
    {
        var state = OneTimeStates<string>.NewState();

        Assert.Matches("^[A-Za-z0-9_-]{43}$", state);
        Assert.NotEqual(state, OneTimeStates<string>.NewState());
    }
}
