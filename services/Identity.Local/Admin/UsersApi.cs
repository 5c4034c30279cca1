using Microsoft.AspNetCore.Http.HttpResults;
using ShopAuthDemo.Identity.Local.Endpoints;
using ShopAuthDemo.Identity.Local.Realm;

namespace ShopAuthDemo.Identity.Local.Admin;

/// <summary>
/// The three reads of Keycloak's admin REST API that policy-api makes to show and test dev users' attributes:
/// users (search or list), a user's groups, a user's effective realm roles. Same paths, representations and
/// permission (realm-management/view-users) as Keycloak, so policy-api talks to either provider alike.
/// </summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app, KeycloakPaths paths)
    {
        var users = app.MapGroup(paths.AdminRealm + "/users").RequireAuthorization(AdminBearerAuthentication.ViewUsersPolicy);
        users.MapGet("/", Search);
        users.MapGet("/{id}/groups", GroupsOf);
        users.MapGet("/{id}/role-mappings/realm/composite", EffectiveRealmRolesOf);
        return app;
    }

    // GET /users?username=alice&exact=true&briefRepresentation=false, or /users?max=100&briefRepresentation=true
    private static Results<Ok<List<AdminUserRepresentation>>, ValidationProblem> Search(HttpContext context, LocalRealm realm)
    {
        if (!UserSearch.TryRead(context.Request.Query, out var search, out var errors)) return TypedResults.ValidationProblem(errors);

        var found = search.Apply(realm.Users)
            .Select(user => Represent(user, realm.UserProfile, search.Brief))
            .ToList();
        return TypedResults.Ok(found);
    }

    private static Results<Ok<List<AdminGroupRepresentation>>, ProblemHttpResult> GroupsOf(string id, LocalRealm realm) =>
        realm.FindUserById(id) is { } user
            ? TypedResults.Ok(user.Groups.Select(g => new AdminGroupRepresentation(g.Id, g.Name, g.Path, g.ParentId)).ToList())
            : UserNotFound();

    // Effective: what the user holds directly. Roles through groups or composites do not exist in this realm
    // (the realm loader refuses them), and Keycloak gives imported users no default role.
    private static Results<Ok<List<AdminRoleRepresentation>>, ProblemHttpResult> EffectiveRealmRolesOf(string id, LocalRealm realm) =>
        realm.FindUserById(id) is { } user
            ? TypedResults.Ok(realm.RealmRoles
                .Where(role => user.RealmRoles.Contains(role.Name))
                .Select(role => new AdminRoleRepresentation(role.Id, role.Name, role.Description, false, false, realm.Settings.Id))
                .ToList())
            : UserNotFound();

    private static AdminUserRepresentation Represent(RealmUser user, UserProfile profile, bool brief)
    {
        var attributes = brief
            ? null
            : user.Attributes.Where(a => profile.AdminMayView(a.Key)).ToDictionary(a => a.Key, a => a.Value);
        return new AdminUserRepresentation(user.Id, user.Username, user.FirstName, user.LastName, user.Email, user.EmailVerified,
            user.Enabled, attributes is { Count: > 0 } ? attributes : null);
    }

    private static ProblemHttpResult UserNotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "User not found",
            detail: "No user of realm shop has this id.");
}
