using System.Security.Cryptography;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;
using ShopAuthDemo.Shop.Web.Apis;

namespace ShopAuthDemo.Shop.Web.Cart;

/// <summary>
/// The cart, kept in the browser's local storage, encrypted and signed by this app (data protection), so
/// it survives the trip to the sign-in page, a restart of the shop, and an API or identity provider outage.
/// One instance per circuit; it can be read only once the page is interactive (browser storage needs JS).
/// </summary>
public sealed class CartState(ProtectedLocalStorage storage, ILogger<CartState> logger)
{
    private const string StorageKey = "shop.cart";

    private List<CartLine> _lines = [];

    public event Action? Changed;

    public bool IsLoaded { get; private set; }

    public IReadOnlyList<CartLine> Lines => _lines;

    public int Count => _lines.Sum(line => line.Quantity);

    public decimal Total => _lines.Sum(line => line.Price * line.Quantity);

    public async Task LoadAsync()
    {
        if (IsLoaded) return;
        try
        {
            var stored = await storage.GetAsync<List<CartLine>>(StorageKey);
            _lines = stored.Success ? stored.Value ?? [] : [];
        }
        catch (CryptographicException)
        {
            // Written under other data-protection keys (a reset dev machine): start with an empty cart.
            logger.LogInformation("The stored cart could not be read; starting with an empty one");
        }
        IsLoaded = true;
        Changed?.Invoke();
    }

    public Task AddAsync(Product product)
    {
        var line = _lines.Find(l => l.ProductId == product.Id);
        return SetQuantityAsync(product.Id, product.Name, product.Price, (line?.Quantity ?? 0) + 1);
    }

    public Task SetQuantityAsync(CartLine line, int quantity) => SetQuantityAsync(line.ProductId, line.Name, line.Price, quantity);

    public Task ClearAsync()
    {
        _lines = [];
        return SaveAsync();
    }

    private Task SetQuantityAsync(int productId, string name, decimal price, int quantity)
    {
        var index = _lines.FindIndex(l => l.ProductId == productId);
        var line = new CartLine(productId, name, price, Math.Clamp(quantity, 0, 100));
        if (index < 0) _lines.Add(line);
        else _lines[index] = line;
        _lines.RemoveAll(l => l.Quantity == 0);
        return SaveAsync();
    }

    private async Task SaveAsync()
    {
        await storage.SetAsync(StorageKey, _lines);
        Changed?.Invoke();
    }
}
