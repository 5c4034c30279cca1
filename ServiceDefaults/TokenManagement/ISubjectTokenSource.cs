namespace ShopAuthDemo.ServiceDefaults.TokenManagement;

// Where TokenExchangeHandler finds the user's access token. The default reads the incoming request;
// a web app that keeps user tokens server-side, a message consumer or a test registers its own.
public interface ISubjectTokenSource
{
    ValueTask<string?> GetSubjectTokenAsync(CancellationToken cancellationToken);
}
