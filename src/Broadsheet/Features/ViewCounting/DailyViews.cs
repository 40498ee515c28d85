namespace Broadsheet.Features.ViewCounting;

/// <summary>Views of one article on one day of the site's calendar; "most read" sums these.</summary>
public sealed class DailyViews
{
    public int ArticleId { get; set; }

    /// <summary><see cref="DateOnly.DayNumber"/> of the day in the site's time zone.</summary>
    public int Day { get; set; }
    public long Views { get; set; }
}
