using Broadsheet.Features.Articles;
using Broadsheet.Features.Feeds;
using Broadsheet.Infrastructure.Caching;

namespace Broadsheet.Features.Channels;

public static class ChannelsSetup
{
    public static IServiceCollection AddChannels(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Broadsheet:Telegram").Get<TelegramOptions>() ?? new TelegramOptions());
        services.AddHttpClient<TelegramBot>(c => c.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<IArticleObserver, TelegramPoster>();
        services.AddSingleton<LiveEntryPoster>();
        services.AddHostedService(sp => sp.GetRequiredService<LiveEntryPoster>());
        return services;
    }

    public static IEndpointRouteBuilder MapChannels(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/feed/channel/{name}", [HttpMethods.Get, HttpMethods.Head], ChannelFeed.RenderAsync).CacheOutput(PageCache.Feed);
        return app;
    }
}
