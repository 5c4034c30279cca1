namespace ShopAuthDemo.ServiceDefaults.Policies.PolicyInformationPoint;

/// <summary>Where an attribute of an access request came from; every decision names it next to the value.</summary>
public enum AttributeSource
{
    /// <summary>Nobody supplied it (a client has no sign-in time, a token without groups).</summary>
    Absent,
    /// <summary>A claim of the caller's access token.</summary>
    AccessToken,
    /// <summary>The identity provider's userinfo endpoint, found through OIDC discovery.</summary>
    UserInfo,
    /// <summary>The identity provider's user directory (the rule tester's lookup of a dev user).</summary>
    UserDirectory,
    /// <summary>The resource acted on: the order, the product.</summary>
    Resource,
    /// <summary>The service's clock.</summary>
    Clock,
    /// <summary>Typed by an admin in the rule tester.</summary>
    WhatIf,
    /// <summary>The source failed (userinfo down): rules that need it refuse rather than guess.</summary>
    Unavailable,
}

/// <summary>One attribute value and its source.</summary>
public readonly record struct Sourced<T>(T Value, AttributeSource Source)
{
    public static Sourced<T> Absent(T value) => new(value, AttributeSource.Absent);
}
