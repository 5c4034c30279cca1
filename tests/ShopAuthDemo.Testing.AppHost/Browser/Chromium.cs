using Microsoft.Playwright;

namespace ShopAuthDemo.Testing.AppHost.Browser;

/// <summary>
/// The machine's Chromium, driven by Playwright. Playwright cannot download its own browser build here, so
/// it starts Debian's package (.ci/run installs it); CHROMIUM_PATH points elsewhere if needed.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string ExecutablePath => Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium was not started.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException(
                $"No Chromium at {ExecutablePath}. Install Debian's package ('apt-get install -y chromium', as .ci/run does) or set CHROMIUM_PATH.");

        // The first order of a run waits for cold services and first token requests: more than Playwright's 5 s.
        // Generous: on 2 cores the browser, nine services and the other test project share the CPU.
        Assertions.SetDefaultExpectTimeout(45_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser profile: its own cookies, so its own sessions.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(60_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
