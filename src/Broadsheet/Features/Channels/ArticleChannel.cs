namespace Broadsheet.Features.Channels;

/// <summary>The newsroom's choice to send one article to one channel (a Dzen feed, the Telegram channel).</summary>
public sealed class ArticleChannel
{
    public int ArticleId { get; set; }
    public int ChannelId { get; set; }
}
