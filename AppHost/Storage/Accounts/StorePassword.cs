using System.Security.Cryptography;

namespace ShopAuthDemo.AppHost.Storage.Accounts;

/// <summary>A fresh password for one app's account on a store, made in memory for this run of the AppHost.</summary>
/// <remarks>
/// 256 random bits as hex: strong, and safe inside every string it travels in (a Redis configuration string splits
/// on commas, an Npgsql one on semicolons, SQL quotes on apostrophes). Never logged, never on a command line: the
/// AppHost sends it to the store over the store's own protocol and to the app in its environment.
/// </remarks>
public static class StorePassword
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
