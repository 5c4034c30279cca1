using System.Text;

namespace ShopAuthDemo.Tests.Security.Support;

/// <summary>
/// Deterministic garbage: the same seed gives the same requests on every run, so a failure found
/// once can be replayed. Authorization values and bodies a careless or hostile client could send.
/// </summary>
public sealed class FuzzInputs(int seed)
{
    private const string Base64UrlAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    private static readonly string[] Schemes = ["Bearer", "bearer", "BEARER", "Bearer  ", "Basic", "Bearer\t", "Token", "Bearer,", "Bearer=", "JWT", ""];
    private static readonly string[] Unicode = ["é", "Ω", "日本", "🔑", "\u200B", "\uFEFF", "İ", "ß", "\u202E"];

    private readonly Random random = new(seed);

    public string AuthorizationHeader() => random.Next(8) switch
    {
        0 => $"{Pick(Schemes)} {RandomText(random.Next(0, 200))}",
        1 => $"Bearer {Base64Segments(random.Next(1, 7))}",
        2 => $"Bearer eyJ{Base64Segments(3)}",
        3 => $"Bearer {new string(Base64UrlAlphabet[random.Next(64)], random.Next(8 * 1024, 96 * 1024))}",
        4 => $"{Pick(Schemes)} {string.Concat(Enumerable.Range(0, random.Next(1, 20)).Select(_ => Pick(Unicode)))}",
        5 => $"Bearer {Convert.ToBase64String(RandomBytes(random.Next(1, 600)))}",
        6 => Pick(Schemes),
        _ => $"Bearer {Base64Segments(3)}.{string.Join(".", Enumerable.Repeat("", random.Next(0, 4)))}",
    };

    public (string Body, string? ContentType) Body() => random.Next(9) switch
    {
        0 => ("", Pick(["application/json", null, "text/plain"])),
        1 => (RandomText(random.Next(1, 300)), "application/json"),
        2 => (RandomText(random.Next(1, 300)), Pick(["text/plain", "application/xml", "multipart/form-data", null])),
        3 => (new string('[', random.Next(50, 5000)), "application/json"),
        4 => (RandomJson(depth: 0), "application/json"),
        5 => ($$"""{ "price": {{Pick(["1e400", "-1", "0", "NaN", "\"12\"", "null", "79228162514264337593543950336", "12.345", "true"])}} }""", "application/json"),
        6 => ($$"""{ "items": {{Pick(["null", "[]", "[null]", "[{}]", "[{\"productId\":-1,\"quantity\":1e9}]", "[{\"productId\":\"x\"}]", "{}", "[{\"productId\":1,\"quantity\":2}]"])}} }""", "application/json"),
        7 => ($$"""{ "orderId": {{Pick(["\"not-a-guid\"", "null", "\"00000000-0000-0000-0000-000000000000\"", $"\"{Guid.NewGuid()}\"", "42"])}}, "amount": {{Pick(["12.50", "-5", "1e30", "0.001", "\"x\"", "null"])}} }""", "application/json"),
        _ => ($"{{\"{RandomText(random.Next(1, 40)).Replace("\"", "", StringComparison.Ordinal)}\": {RandomJson(depth: 3)} }}", "application/json"),
    };

    private string RandomJson(int depth) => (depth > 4 ? random.Next(4) : random.Next(7)) switch
    {
        0 => random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        1 => "null",
        2 => $"\"{Pick(Unicode)}{Base64Segments(1)}\"",
        3 => random.NextDouble() < 0.5 ? "true" : "1e999",
        4 => $"[{string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(_ => RandomJson(depth + 1)))}]",
        5 => $"{{\"price\": {RandomJson(depth + 1)}, \"items\": {RandomJson(depth + 1)}}}",
        _ => $"{{\"orderId\": {RandomJson(depth + 1)}, \"amount\": {RandomJson(depth + 1)}}}",
    };

    private string Base64Segments(int count) =>
        string.Join(".", Enumerable.Range(0, count).Select(_ => new string(Enumerable.Range(0, random.Next(0, 120)).Select(_ => Base64UrlAlphabet[random.Next(64)]).ToArray())));

    // Printable and non-ASCII text; no CR, LF or NUL, which the HTTP transport itself rejects before any service code runs.
    private string RandomText(int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
            text.Append(random.Next(10) == 0 ? Pick(Unicode) : ((char)random.Next(0x20, 0x7F)).ToString());
        return text.ToString();
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public bool Chance(double probability) => random.NextDouble() < probability;
}
