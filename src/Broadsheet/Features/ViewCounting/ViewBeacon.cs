using Broadsheet.Features.Site;

namespace Broadsheet.Features.ViewCounting;

/// <summary>
/// The beacon an article page sends once it is shown (or, without script, the pixel it loads).
/// Counting here rather than in the page handler keeps views counted when the page itself comes
/// from a cache. The answer never says whether the view counted.
/// </summary>
public static class ViewBeacon
{
    // The smallest transparent 1×1 GIF.
    private static readonly byte[] Pixel =
    [
        0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0x00, 0x00, 0x00,
        0xFF, 0xFF, 0xFF, 0x21, 0xF9, 0x04, 0x01, 0x00, 0x00, 0x00, 0x00, 0x2C, 0x00, 0x00, 0x00, 0x00,
        0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
    ];

    public static async Task<IResult> PostAsync(int articleId, HttpContext context, IViewTally tally, ReaderKeys readers,
        SiteSettingsStore settings, TimeProvider clock)
    {
        await CountAsync(articleId, context, tally, readers, settings, clock);
        return Results.NoContent();
    }

    public static async Task<IResult> PixelAsync(int articleId, HttpContext context, IViewTally tally, ReaderKeys readers,
        SiteSettingsStore settings, TimeProvider clock)
    {
        await CountAsync(articleId, context, tally, readers, settings, clock);
        return Results.File(Pixel, "image/gif");
    }

    private static async Task CountAsync(int articleId, HttpContext context, IViewTally tally, ReaderKeys readers,
        SiteSettingsStore settings, TimeProvider clock)
    {
        // A browser or proxy that kept the pixel would hide every later view from us.
        context.Response.Headers.CacheControl = "no-store";
        var request = context.Request;
        if (articleId <= 0 || AutomatedRequests.Recognise(request) || IsFromAnotherSite(request)) return;

        var now = clock.GetUtcNow().UtcDateTime;
        var site = await settings.GetAsync(context.RequestAborted);
        var reader = await readers.ForAsync(context.Connection.RemoteIpAddress, request.Headers.UserAgent.ToString(), articleId);
        await tally.CountAsync(articleId, site.LocalDate(now).DayNumber, reader, now);
    }

    /// <summary>Another site's page could embed our pixel to inflate a count; browsers say so in Sec-Fetch-Site.</summary>
    private static bool IsFromAnotherSite(HttpRequest request) =>
        string.Equals(request.Headers["Sec-Fetch-Site"], "cross-site", StringComparison.OrdinalIgnoreCase);
}
