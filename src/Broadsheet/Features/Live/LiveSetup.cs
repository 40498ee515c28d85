namespace Broadsheet.Features.Live;

public static class LiveSetup
{
    public static IServiceCollection AddLive(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton(configuration.GetSection(LiveOptions.Section).Get<LiveOptions>() ?? new LiveOptions())
            .AddSingleton<LiveWire>()
            .AddSingleton<LiveOpenings>()
            .AddHostedService(sp => sp.GetRequiredService<LiveWire>())
            .AddScoped<LiveDesk>();

    public static IEndpointRouteBuilder MapLive(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/live/{articleId:int}/stream", LiveUpdatesApi.StreamAsync);
        app.MapGet("/api/live/{articleId:int}/updates", LiveUpdatesApi.PollAsync);
        return app;
    }
}
