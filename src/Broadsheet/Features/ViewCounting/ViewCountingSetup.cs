using Broadsheet.Infrastructure.Jobs;

namespace Broadsheet.Features.ViewCounting;

public static class ViewCountingSetup
{
    public static IServiceCollection AddViewCounting(this IServiceCollection services)
    {
        services.AddScoped<MostRead>();
        services.AddScoped<Audience>();
        services.AddSingleton<ReaderKeys>();
        services.AddSingleton<IViewTally>(sp => sp.GetRequiredService<Infrastructure.Redis.RedisLink>().IsConfigured
            ? new RedisViewTally(sp.GetRequiredService<Infrastructure.Redis.RedisLink>(), sp.GetRequiredService<ILogger<RedisViewTally>>())
            : new ViewTally());
        services.AddJob<ViewFlusher>();
        return services;
    }

    public static IEndpointRouteBuilder MapViewCounting(this IEndpointRouteBuilder app)
    {
        var views = app.MapGroup("/api/views");
        views.MapPost("/{articleId:int}", ViewBeacon.PostAsync);
        views.MapGet("/{articleId:int}.gif", ViewBeacon.PixelAsync);
        return app;
    }
}
