using Microsoft.Playwright;

namespace ShopAuthDemo.Testing.AppHost.Browser;

/// <summary>
/// A screenshot of each main page, saved where a reviewer finds it: SHOP_SCREENSHOTS_DIR, or
/// screenshots/ next to the test assembly (tests/ShopAuthDemo.EndToEnd/bin/Debug/net10.0/screenshots).
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = Environment.GetEnvironmentVariable("SHOP_SCREENSHOTS_DIR")
        ?? Path.Combine(AppContext.BaseDirectory, "screenshots");

    public static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var path = Path.Combine(Folder, $"{name}.png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {path}");
    }
}
