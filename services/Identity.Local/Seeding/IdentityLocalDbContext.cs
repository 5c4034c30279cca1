using Microsoft.EntityFrameworkCore;

namespace ShopAuthDemo.Identity.Local.Seeding;

/// <summary>OpenIddict's stores (applications, authorizations, tokens), kept in memory: the realm file is the source of truth.</summary>
public sealed class IdentityLocalDbContext(DbContextOptions<IdentityLocalDbContext> options) : DbContext(options);
