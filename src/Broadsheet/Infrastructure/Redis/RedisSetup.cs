namespace Broadsheet.Infrastructure.Redis;

public static class RedisSetup
{
    /// <summary>Connects at start-up when Redis is configured: a node that cannot reach it should not start half-shared.</summary>
    public static RedisLink AddRedisLink(this IServiceCollection services, BroadsheetOptions options)
    {
        var link = RedisLink.Connect(options.Redis, options.RedisChannelPrefix);
        services.AddSingleton(link);
        return link;
    }
}
