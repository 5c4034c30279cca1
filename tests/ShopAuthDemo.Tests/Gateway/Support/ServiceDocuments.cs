namespace ShopAuthDemo.Tests.Gateway.Support;

/// <summary>Small OpenAPI documents shaped like the ones catalog-api and orders-api serve at /openapi/v1.json.</summary>
public static class ServiceDocuments
{
    public static object For(string service) => service switch
    {
        "catalog-api" => Document(new Dictionary<string, object>
        {
            ["/api/products/"] = Get("Products"),
            ["/api/products/{id}"] = Get("Product"),
            // Admin only, and not published: the gateway's document must leave it out.
            ["/api/products/{id}/price"] = new { put = new { operationId = "ChangePrice" } },
            ["/api/internal/price-quotes"] = new { post = new { operationId = "PriceQuotes" } },
            ["/whoami"] = Get("WhoAmI"),
        }, "ProductResponse"),
        "orders-api" => Document(new Dictionary<string, object>
        {
            ["/api/orders/"] = new { get = new { operationId = "GetMyOrders" }, post = new { operationId = "PlaceOrder" } },
            ["/api/orders/{id}"] = Get("GetMyOrder"),
            ["/api/staff/orders/"] = Get("GetAllOrders"),
            ["/api/partner/orders/ready-to-ship"] = Get("GetReadyToShip"),
            ["/api/partner/orders/{id}/shipments"] = new { post = new { operationId = "RecordShipment" } },
        }, "OrderResponse"),
        _ => throw new ArgumentException($"No document for {service}"),
    };

    private static object Get(string operationId) => new { get = new { operationId } };

    private static object Document(Dictionary<string, object> paths, string schema) => new
    {
        openapi = "3.1.1",
        info = new { title = "service", version = "1.0.0" },
        paths,
        components = new { schemas = new Dictionary<string, object> { [schema] = new { type = "object" } } },
    };
}
