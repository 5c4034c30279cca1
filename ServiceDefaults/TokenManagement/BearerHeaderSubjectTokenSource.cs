using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace ShopAuthDemo.ServiceDefaults.TokenManagement;

// The token the caller sent us, from the current request's "Authorization: Bearer …" header.
// IHttpContextAccessor rather than a scoped service: HttpClient handlers live in their own DI scope,
// not the request's.
public sealed class BearerHeaderSubjectTokenSource(IHttpContextAccessor httpContextAccessor) : ISubjectTokenSource
{
    public ValueTask<string?> GetSubjectTokenAsync(CancellationToken cancellationToken)
    {
        var header = httpContextAccessor.HttpContext?.Request.Headers[HeaderNames.Authorization].ToString();
        var token = AuthenticationHeaderValue.TryParse(header, out var value)
            && string.Equals(value.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
                ? value.Parameter
                : null;
        return ValueTask.FromResult(token);
    }
}
