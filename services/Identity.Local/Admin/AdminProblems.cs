using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace ShopAuthDemo.Identity.Local.Admin;

/// <summary>The admin API's 401 and 403 as problem details that say what is missing.</summary>
internal static class AdminProblems
{
    public static async Task WriteUnauthorizedAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        context.Response.Headers.WWWAuthenticate = context.AuthenticateFailure is null
            ? "Bearer realm=\"shop\""
            : "Bearer realm=\"shop\", error=\"invalid_token\"";
        await TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: "Send an access token of realm shop: Authorization: Bearer <token>.")
            .ExecuteAsync(context.HttpContext);
    }

    public static Task WriteForbiddenAsync(ForbiddenContext context) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: "Reading users needs the client role realm-management/view-users in the token.")
            .ExecuteAsync(context.HttpContext);
}
