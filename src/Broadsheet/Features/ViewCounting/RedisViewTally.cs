using System.Globalization;
using Broadsheet.Infrastructure.Redis;
using StackExchange.Redis;

namespace Broadsheet.Features.ViewCounting;

/// <summary>
/// The tally shared by every web node: a reader is remembered for half an hour under a key that
/// expires by itself (SET NX PX), and counts wait in one hash (HINCRBY) until the node holding the
/// view-flush lease takes them. Both steps are scripts, so Redis runs each whole or not at all:
/// no view is counted twice, and taking the hash empties it in the same step.
/// </summary>
public sealed class RedisViewTally(RedisLink redis, ILogger<RedisViewTally> log) : IViewTally
{
    private const string Pending = "broadsheet:views:pending";
    private const string ReaderPrefix = "broadsheet:views:reader:";

    private static readonly LuaScript CountScript = LuaScript.Prepare("""
        if redis.call('SET', @reader, '1', 'NX', 'PX', @ttl) then
          return redis.call('HINCRBY', @pending, @field, 1)
        end
        return 0
        """);

    private static readonly LuaScript TakeScript = LuaScript.Prepare("""
        local all = redis.call('HGETALL', @pending)
        redis.call('DEL', @pending)
        return all
        """);

    private IDatabase Db => redis.Connection!.GetDatabase();

    public bool IsShared => true;

    public async ValueTask<bool> CountAsync(int articleId, int day, UInt128 reader, DateTime utcNow)
    {
        try
        {
            var counted = (long)await Db.ScriptEvaluateAsync(CountScript, new
            {
                reader = (RedisKey)(ReaderPrefix + reader.ToString("x32", CultureInfo.InvariantCulture)),
                ttl = (long)ViewTally.OncePer.TotalMilliseconds,
                pending = (RedisKey)Pending,
                field = Field(articleId, day),
            });
            return counted > 0;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // A view lost while Redis is away is the lesser harm: the reader's page must not fail for it.
            log.LogWarning(e, "Could not count a view of article {ArticleId} in Redis", articleId);
            return false;
        }
    }

    public async Task<List<PendingViews>> TakeAsync(DateTime utcNow)
    {
        var flat = (RedisResult[])(await Db.ScriptEvaluateAsync(TakeScript, new { pending = (RedisKey)Pending }))!;
        var views = new List<PendingViews>(flat.Length / 2);
        for (var i = 0; i + 1 < flat.Length; i += 2)
        {
            var field = (string)flat[i]!;
            var colon = field.IndexOf(':', StringComparison.Ordinal);
            views.Add(new PendingViews(
                int.Parse(field[..colon], CultureInfo.InvariantCulture),
                int.Parse(field[(colon + 1)..], CultureInfo.InvariantCulture),
                (long)flat[i + 1]));
        }
        return views;
    }

    public async Task PutBackAsync(IReadOnlyCollection<PendingViews> views)
    {
        var batch = Db.CreateBatch();
        var writes = views.Select(v => batch.HashIncrementAsync(Pending, Field(v.ArticleId, v.Day), v.Views)).ToList();
        batch.Execute();
        await Task.WhenAll(writes);
    }

    private static string Field(int articleId, int day) =>
        string.Create(CultureInfo.InvariantCulture, $"{articleId}:{day}");
}
