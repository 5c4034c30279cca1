var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddApiProblemDetails();
builder.AddJwtBearerAuthentication();

var app = builder.Build();

app.UseApiProblemDetails();
app.UseAuthentication();
app.UseAuthorization();

app.MapDefaultEndpoints();
app.MapWhoAmI();

app.Run();

// Lets WebApplicationFactory in the tests reach the entry point.
public partial class Program;
