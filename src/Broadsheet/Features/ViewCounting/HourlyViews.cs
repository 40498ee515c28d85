namespace Broadsheet.Features.ViewCounting;

/// <summary>
/// Views of one article in one hour, for the newsroom's audience charts. The hour is the one in which
/// the flusher wrote the views out (so a view near the turn of the hour may land a flush interval late):
/// the tally keeps no times, and a chart by the hour does not need better.
/// </summary>
public sealed class HourlyViews
{
    public int ArticleId { get; set; }

    /// <summary>Whole hours since the Unix epoch, UTC (<see cref="HourOf"/>).</summary>
    public int Hour { get; set; }
    public long Views { get; set; }

    /// <summary>How long hourly figures are kept: the charts look back a month at most.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(31);

    public static int HourOf(DateTime utc) => (int)((utc - DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerHour);

    public static DateTime StartOf(int hour) => DateTime.UnixEpoch.AddHours(hour);
}
