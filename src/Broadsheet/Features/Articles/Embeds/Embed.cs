using System.Text.RegularExpressions;

namespace Broadsheet.Features.Articles.Embeds;

/// <summary>
/// A post or video from another site, pasted as a bare link on its own line. The page carries only a link
/// and the address of the frame to open; the frame is opened by the reader's click (article.js), so the
/// third party learns nothing of a reader who does not ask for it. Only these hosts may be framed
/// (<see cref="FrameHosts"/> is the CSP's frame-src).
/// </summary>
/// <param name="Source">The site's name as readers know it.</param>
/// <param name="Frame">The address the frame opens, on one of <see cref="FrameHosts"/>.</param>
public sealed partial record Embed(string Source, string Url, string Frame)
{
    public static readonly string[] FrameHosts = Site.SecurityHeaders.EmbedFrames.Split(' ');

    /// <summary>The embed a pasted link stands for, or null for any other link.</summary>
    public static Embed? Of(string? url)
    {
        if (url is null || url.Length > 300) return null;
        if (YouTube().Match(url) is { Success: true } y)
            // youtube-nocookie sets no cookie until the video plays.
            return new Embed("YouTube", url, $"https://www.youtube-nocookie.com/embed/{y.Groups["id"].Value}");
        if (Vk().Match(url) is { Success: true } v)
            return new Embed("VK Video", url, $"https://vk.com/video_ext.php?oid={v.Groups["owner"].Value}&id={v.Groups["id"].Value}&hd=2");
        if (Telegram().Match(url) is { Success: true } t)
            return new Embed("Telegram", url, $"https://t.me/{t.Groups["channel"].Value}/{t.Groups["id"].Value}?embed=1");
        if (Tweet().Match(url) is { Success: true } x)
            return new Embed("X", url, $"https://platform.twitter.com/embed/Tweet.html?id={x.Groups["id"].Value}");
        return null;
    }

    /// <summary>Whether a frame address is one this class writes: a hand-written figure in staff HTML may not name another.</summary>
    public static bool IsFrame(string? frame) => frame is not null && FrameHosts.Any(h => frame.StartsWith(h + "/", StringComparison.Ordinal));

    [GeneratedRegex(@"^https?://(?:(?:www\.|m\.)?youtube\.com/(?:watch\?(?:[^#\s]*&)?v=|shorts/|embed/|live/)|youtu\.be/)(?<id>[A-Za-z0-9_-]{11})(?:[?&#][^\s]*)?$")]
    private static partial Regex YouTube();

    [GeneratedRegex(@"^https?://(?:(?:www\.|m\.)?vk\.com|(?:www\.)?vkvideo\.ru)/video(?<owner>-?\d{1,12})_(?<id>\d{1,12})(?:[?#][^\s]*)?$")]
    private static partial Regex Vk();

    [GeneratedRegex(@"^https?://t\.me/(?:s/)?(?<channel>[A-Za-z][A-Za-z0-9_]{3,31})/(?<id>\d{1,10})(?:[?#][^\s]*)?$")]
    private static partial Regex Telegram();

    [GeneratedRegex(@"^https?://(?:(?:www\.|mobile\.)?(?:x|twitter)\.com)/(?<user>[A-Za-z0-9_]{1,15})/status/(?<id>\d{1,20})(?:[?#][^\s]*)?$")]
    private static partial Regex Tweet();
}
