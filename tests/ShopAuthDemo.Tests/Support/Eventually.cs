namespace ShopAuthDemo.Tests.Support;

public static class Eventually
{
    /// <summary>Waits for something a background task does (a poll, a refresh), failing after <paramref name="timeout"/>.</summary>
    public static async Task TrueAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Still not true after {timeout.TotalSeconds} s: {what}");
            await Task.Delay(20, Xunit.TestContext.Current.CancellationToken);
        }
    }
}
