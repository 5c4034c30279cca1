namespace ShopAuthDemo.Shop.Web.Cart;

/// <summary>The price is what the catalog showed; orders-api asks the catalog again when the order is placed.</summary>
public sealed record CartLine(int ProductId, string Name, decimal Price, int Quantity);
