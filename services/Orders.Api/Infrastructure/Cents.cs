using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ShopAuthDemo.Orders.Api.Infrastructure;

// SQLite has no decimal type; whole cents in an INTEGER column are exact and compare correctly.
internal static class Cents
{
    public static readonly ValueConverter<decimal, long> Converter = new(price => (long)(price * 100), cents => cents / 100m);
}
