namespace ShopAuthDemo.Web.Authentication.Endpoints;

/// <summary>The page that explains a sign-in that could not happen (Components/SignInProblemPage.razor).</summary>
public static class SignInProblem
{
    public const string Path = "/authentication/problem";
    public const string Failed = "failed";
    public const string Unavailable = "unavailable";
}
