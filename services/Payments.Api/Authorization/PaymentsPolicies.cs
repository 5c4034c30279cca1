using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using ShopAuthDemo.ServiceDefaults.Authentication;

namespace ShopAuthDemo.Payments.Api.Authorization;

public static class PaymentsPolicies
{
    public const string ChargeOnBehalfOfCustomer = "charge-on-behalf-of-customer";

    public const string Audience = "payments-api";
    public const string OrdersClient = "orders-api";
    public const string CustomerRole = "customer";

    // Step 5 of the story: orders-api swaps Alice's token for one minted for payments-api (token
    // exchange), so the token names both the customer (sub) and the service acting for her (azp).
    public static AuthorizationBuilder AddPaymentsPolicies(this AuthorizationBuilder authorization) =>
        authorization.AddPolicy(ChargeOnBehalfOfCustomer, policy => policy
            .RequireAuthenticatedUser()
            // Bearer validation checks aud too; repeating it keeps this rule true if that is ever loosened.
            .RequireClaim(JwtClaimTypes.Audience, Audience)
            // Only orders-api may charge. A token Alice's browser app (shop-web) obtained, even with
            // aud payments-api, cannot charge her card directly for an amount no order backs.
            .RequireClaim(JwtClaimTypes.AuthorizedParty, OrdersClient)
            // ... and the connection must be orders-api's too (its certificate, mutual TLS): the token says which
            // service acts, the transport proves it is that service calling. A token exchanged by orders-api
            // and replayed by anything else (the gateway, a stolen copy) is refused.
            .RequireConnectionFrom(OrdersClient)
            // The subject must be a user. A service account has no realm role, so requiring the
            // customer role tells a user from orders-api's own client-credentials token using only
            // standard claims, not IdP-specific ones (Keycloak's client_id, a "service-account-"
            // username): orders-api cannot charge anyone without a customer's exchanged token.
            .RequireRole(CustomerRole)
            // Every payment is recorded against, and readable only by, this subject.
            .RequireClaim(JwtClaimTypes.Subject));
}
