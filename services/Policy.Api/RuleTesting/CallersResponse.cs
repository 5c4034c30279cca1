namespace ShopAuthDemo.Policy.Api.RuleTesting;

/// <summary>Who an admin can test as: the directory's people, and the configured clients.</summary>
public sealed record CallersResponse(IReadOnlyList<string> Users, IReadOnlyList<string> Clients);
