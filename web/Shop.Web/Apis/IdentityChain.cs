using ShopAuthDemo.ServiceDefaults.Authentication;

namespace ShopAuthDemo.Shop.Web.Apis;

// orders-api's GET /whoami: what it saw in the customer's token, and what catalog-api and payments-api
// saw when orders-api called them (with its own token, and with an exchanged one).
public sealed record IdentityChain(WhoAmIResponse OrdersApi, DownstreamView CatalogApi, DownstreamView PaymentsApi);

public sealed record DownstreamView(WhoAmIResponse? Saw, string? Error);
