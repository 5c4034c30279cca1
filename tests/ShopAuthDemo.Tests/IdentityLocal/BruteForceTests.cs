using System.Net;
using Microsoft.Extensions.Time.Testing;
using ShopAuthDemo.Tests.IdentityLocal.Support;
using ShopAuthDemo.Tests.Support;
using Xunit;

namespace ShopAuthDemo.Tests.IdentityLocal;

/// <summary>
/// Password guessing meets the realm's brute-force detection (failureFactor 5, waitIncrementSeconds 60,
/// quick-login check 1 s), on a clock the test moves.
/// </summary>
public sealed class BruteForceTests : IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string Password = LocalIdentityProviderFactory.Secrets["DEV_USER_PASSWORD"];
    private static readonly TimeSpan BetweenTries = TimeSpan.FromSeconds(2);   // slower than the quick-login check

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly CapturedLogs _logs = new();
    private readonly LocalIdentityProviderFactory _idp;

    public BruteForceTests() => _idp = new LocalIdentityProviderFactory { Clock = _clock, Logs = _logs };

    public ValueTask DisposeAsync() => _idp.DisposeAsync();

    private async Task<HttpResponseMessage> TryAsync(string username, string password)
    {
        _clock.Advance(BetweenTries);
        return await LoginForm.SubmitAsync(_idp.CreateBrowser(), username, password);
    }

    private async Task FailAsync(string username, int times)
    {
        for (var i = 0; i < times; i++) await TryAsync(username, "wrong-guess-" + i);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_user_and_even_the_right_one_waits_for_the_lockout_to_pass()
    {
        await FailAsync("alice", 4);
        var fifth = await TryAsync("alice", "wrong-guess-5");
        var right = await TryAsync("alice", Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, right.StatusCode);
        var page = await right.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Try again in 58 seconds", page);
        Assert.Contains("value=\"alice\"", page);
        Assert.Equal("58", right.Headers.GetValues("Retry-After").Single());

        _clock.Advance(TimeSpan.FromSeconds(59));
        var later = await LoginForm.SubmitAsync(_idp.CreateBrowser(), "alice", Password);
        Assert.Equal(HttpStatusCode.Redirect, later.StatusCode);
    }

    [Fact]
    public async Task Another_user_signs_in_while_one_is_locked()
    {
        await FailAsync("alice", 5);

        var bob = await TryAsync("bob", Password);

        Assert.Equal(HttpStatusCode.Redirect, bob.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await TryAsync("alice", Password)).StatusCode);
    }

    [Fact]
    public async Task After_a_lockout_every_wrong_password_locks_again_and_each_fifth_locks_longer()
    {
        await FailAsync("alice", 5);
        var afterLockout = new List<HttpStatusCode>();
        for (var failure = 6; failure <= 9; failure++)
        {
            _clock.Advance(TimeSpan.FromSeconds(60));
            afterLockout.Add((await TryAsync("alice", "wrong-guess-" + failure)).StatusCode);
        }
        _clock.Advance(TimeSpan.FromSeconds(60));

        var tenth = await TryAsync("alice", "wrong-guess-10");

        // waitIncrementSeconds * (failures / failureFactor): 60 s for the 5th to 9th failure, 120 s from the 10th.
        Assert.All(afterLockout, status => Assert.Equal(HttpStatusCode.TooManyRequests, status));
        Assert.Contains("Try again in 2 minutes", await tenth.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Two_failures_within_a_second_lock_for_the_minimum_quick_login_wait()
    {
        await TryAsync("alice", "wrong-guess-1");
        var quick = await LoginForm.SubmitAsync(_idp.CreateBrowser(), "alice", "wrong-guess-2");

        Assert.Equal(HttpStatusCode.TooManyRequests, quick.StatusCode);
        Assert.Contains("Try again in 60 seconds", await quick.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Failures_further_apart_than_max_delta_time_start_the_count_again()
    {
        await FailAsync("alice", 4);
        _clock.Advance(TimeSpan.FromHours(12));

        var fifth = await TryAsync("alice", "wrong-guess-5");

        Assert.Equal(HttpStatusCode.Unauthorized, fifth.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await TryAsync("alice", Password)).StatusCode);
    }

    [Fact]
    public async Task A_successful_sign_in_forgets_earlier_failures()
    {
        await FailAsync("alice", 4);
        Assert.Equal(HttpStatusCode.Redirect, (await TryAsync("alice", Password)).StatusCode);

        await FailAsync("alice", 4);

        Assert.Equal(HttpStatusCode.Redirect, (await TryAsync("alice", Password)).StatusCode);
    }

    // Both names tried at the same instant, so their lockouts can be compared to the second.
    private async Task<(HttpResponseMessage Alice, HttpResponseMessage Mallory)> TryBothAsync(string password, bool quick = false)
    {
        if (!quick) _clock.Advance(BetweenTries);
        return (await LoginForm.SubmitAsync(_idp.CreateBrowser(), "alice", password),
                await LoginForm.SubmitAsync(_idp.CreateBrowser(), "mallory", password));
    }

    private static async Task AssertSameAnswerAsync(HttpResponseMessage known, HttpResponseMessage unknown)
    {
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(known.Headers.RetryAfter, unknown.Headers.RetryAfter);
        Assert.Equal(await ErrorOf(known), await ErrorOf(unknown));
    }

    private static async Task<string> ErrorOf(HttpResponseMessage response)
    {
        var page = await response.Content.ReadAsStringAsync(Ct);
        var start = page.IndexOf("<p class=\"error\"", StringComparison.Ordinal);
        return page[start..page.IndexOf("</p>", start, StringComparison.Ordinal)];
    }

    [Fact]
    public async Task Unknown_username_is_locked_out_exactly_like_a_known_one_so_a_lockout_does_not_reveal_who_exists()
    {
        for (var failure = 1; failure <= 4; failure++)
        {
            var (alice, mallory) = await TryBothAsync("wrong-guess-" + failure);
            await AssertSameAnswerAsync(alice, mallory);
        }

        var fifth = await TryBothAsync("wrong-guess-5");
        var right = await TryBothAsync(Password);

        Assert.Equal(HttpStatusCode.TooManyRequests, fifth.Mallory.StatusCode);
        Assert.Equal("58", right.Mallory.Headers.GetValues("Retry-After").Single());
        await AssertSameAnswerAsync(fifth.Alice, fifth.Mallory);
        await AssertSameAnswerAsync(right.Alice, right.Mallory);
        _clock.Advance(TimeSpan.FromSeconds(59));
        var afterWait = await TryBothAsync("wrong-guess-6", quick: true);
        await AssertSameAnswerAsync(afterWait.Alice, afterWait.Mallory);
    }

    [Fact]
    public async Task Two_quick_failures_lock_an_unknown_username_as_they_lock_a_known_one()
    {
        await TryBothAsync("wrong-guess-1");
        var (alice, mallory) = await TryBothAsync("wrong-guess-2", quick: true);

        Assert.Equal(HttpStatusCode.TooManyRequests, mallory.StatusCode);
        await AssertSameAnswerAsync(alice, mallory);
    }

    [Fact]
    public async Task Another_spelling_of_a_name_shares_its_lockout_whether_or_not_the_user_exists()
    {
        for (var failure = 1; failure <= 5; failure++) await TryBothAsync("wrong-guess-" + failure);

        _clock.Advance(BetweenTries);
        var alice = await LoginForm.SubmitAsync(_idp.CreateBrowser(), "  ALICE ", "wrong-guess");
        var mallory = await LoginForm.SubmitAsync(_idp.CreateBrowser(), "  MALLORY ", "wrong-guess");

        Assert.Equal(HttpStatusCode.TooManyRequests, mallory.StatusCode);
        await AssertSameAnswerAsync(alice, mallory);
    }

    [Fact]
    public async Task What_was_typed_as_an_unknown_username_is_never_logged()
    {
        // A password pasted into the username field by mistake.
        const string pasted = "correct-horse-battery-staple";

        var response = await TryAsync(pasted, Password);
        await FailAsync(pasted, 5);   // locked, and refused while locked

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("value=\"correct-horse-battery-staple\"", await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains(_logs.Messages, m => m.StartsWith("Failed sign-in: no user by that name", StringComparison.Ordinal));
        Assert.Contains(_logs.Messages, m => m.StartsWith("Sign-in refused: no user by that name", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Messages, m => m.Contains(pasted, StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Messages, m => m.Contains(Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Failed_sign_in_of_a_known_user_is_logged_with_who_it_was()
    {
        await TryAsync("alice", "wrong-guess");

        Assert.Contains(_logs.Messages, m => m.StartsWith(
            "Failed sign-in for 4c5a7e2e-5a3b-4b0e-9a51-1f2f6b9f0a01 (alice): wrong password", StringComparison.Ordinal));
        Assert.DoesNotContain(_logs.Messages, m => m.Contains("wrong-guess", StringComparison.Ordinal));
    }
}
