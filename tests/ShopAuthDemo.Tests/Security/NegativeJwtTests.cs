using ShopAuthDemo.Tests.Security.Support;

namespace ShopAuthDemo.Tests.Security;

// One table-driven test per service that validates tokens; the table lives in NegativeJwtSuite.
public sealed class CatalogApiNegativeJwtTests : NegativeJwtSuite
{
    protected override SecurityTarget CreateTarget() => SecurityTargets.CatalogApi();
}

public sealed class OrdersApiNegativeJwtTests : NegativeJwtSuite
{
    protected override SecurityTarget CreateTarget() => SecurityTargets.OrdersApi();
}

public sealed class PaymentsApiNegativeJwtTests : NegativeJwtSuite
{
    protected override SecurityTarget CreateTarget() => SecurityTargets.PaymentsApi();
}

public sealed class GatewayNegativeJwtTests : NegativeJwtSuite
{
    protected override SecurityTarget CreateTarget() => SecurityTargets.Gateway();
}
