using Broadsheet.Features.Site;

namespace Broadsheet.Features.Live;

/// <summary>The live page's words, in the site's language; live.js reads the ones it needs from data attributes.</summary>
public sealed class LiveText
{
    public required string Live { get; init; }
    public required string Ended { get; init; }
    public required string KeyEvents { get; init; }
    public required string Updates { get; init; }
    public required string Refresh { get; init; }
    public required string Edited { get; init; }
    public required string LinkToUpdate { get; init; }
    public required string LinkCopied { get; init; }
    public required string NoUpdatesYet { get; init; }

    /// <summary>A key event's category in the live feed.</summary>
    public required string KeyEvent { get; init; }
    public required string FollowByFeed { get; init; }

    /// <summary>The bar that waits for the reader's click: "3 new updates".</summary>
    public required Func<int, string> NewUpdates { get; init; }

    /// <summary>live.js fills the number itself; these are the forms it picks from (one, few, many).</summary>
    public required string[] NewUpdatesForms { get; init; }

    public static LiveText For(SiteContext site) => site.IsRussian ? Russian : English;

    public static readonly LiveText English = new()
    {
        Live = "Live",
        Ended = "This live coverage has ended.",
        KeyEvents = "Key events",
        Updates = "Updates",
        Refresh = "Refresh for the latest updates",
        Edited = "edited",
        LinkToUpdate = "Link to this update",
        LinkCopied = "Link copied",
        NoUpdatesYet = "No updates yet.",
        KeyEvent = "Key event",
        FollowByFeed = "Follow the updates in a feed reader (RSS)",
        NewUpdates = n => n == 1 ? "1 new update" : $"{n} new updates",
        NewUpdatesForms = ["{0} new update", "{0} new updates", "{0} new updates"],
    };

    public static readonly LiveText Russian = new()
    {
        Live = "Онлайн",
        Ended = "Трансляция завершена.",
        KeyEvents = "Главное",
        Updates = "Хроника",
        Refresh = "Обновить страницу",
        Edited = "исправлено",
        LinkToUpdate = "Ссылка на запись",
        LinkCopied = "Ссылка скопирована",
        NoUpdatesYet = "Записей пока нет.",
        KeyEvent = "Главное",
        FollowByFeed = "Следить за хроникой в RSS-ридере",
        NewUpdates = n => string.Format(System.Globalization.CultureInfo.InvariantCulture, Plural.Russian(n, "{0} новая запись", "{0} новые записи", "{0} новых записей"), n),
        NewUpdatesForms = ["{0} новая запись", "{0} новые записи", "{0} новых записей"],
    };
}
