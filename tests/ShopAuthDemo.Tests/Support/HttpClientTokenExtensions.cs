using System.Net.Http.Headers;

namespace ShopAuthDemo.Tests.Support;

public static class HttpClientTokenExtensions
{
    public static HttpClient WithBearer(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
