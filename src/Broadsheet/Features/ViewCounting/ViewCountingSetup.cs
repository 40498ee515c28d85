namespace Broadsheet.Features.ViewCounting;

public static class ViewCountingSetup
{
    public static IServiceCollection AddViewCounting(this IServiceCollection services) =>
        services.AddScoped<MostRead>();
}
