using System.Globalization;

namespace Broadsheet.Features.Site;

/// <summary>The settings with what follows from them: the culture, the time zone and the interface texts.</summary>
public sealed class SiteContext
{
    public SiteContext(SiteSettings settings)
    {
        Settings = settings;
        IsRussian = settings.Language == "ru";
        Culture = CultureInfo.GetCultureInfo(IsRussian ? "ru-RU" : "en-GB");
        Text = IsRussian ? UiText.Russian : UiText.English;
        TimeZone = FindZone(settings.TimeZoneId);
    }

    public SiteSettings Settings { get; }
    public bool IsRussian { get; }
    public CultureInfo Culture { get; }
    public UiText Text { get; }
    public TimeZoneInfo TimeZone { get; }

    public DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZone);

    /// <summary>A local time the clocks skipped (the hour lost to summer time) is moved past the gap, half an hour at a time, instead of throwing.</summary>
    public DateTime ToUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        for (var i = 0; i < 8 && TimeZone.IsInvalidTime(local); i++) local = local.AddMinutes(30);
        return TimeZoneInfo.ConvertTimeToUtc(local, TimeZone);
    }

    public DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    /// <summary>ru: 19.11.2022 00:19 (мск); en: 19 Nov 2022, 00:19 (Moscow time).</summary>
    public string FormatTime(DateTime utc)
    {
        var local = ToLocal(utc);
        var pattern = IsRussian ? "dd.MM.yyyy HH:mm" : "d MMM yyyy, HH:mm";
        var text = local.ToString(pattern, Culture);
        return string.IsNullOrWhiteSpace(Settings.TimeZoneLabel) ? text : $"{text} ({Settings.TimeZoneLabel})";
    }

    /// <summary>
    /// A teaser's time, short enough never to wrap: en "2 Dec, 14:05", ru «2 декабря, 14:05»; the year only
    /// when it is not <paramref name="thisYear"/>. No zone: a page of these names it once (<see cref="UiText.TimesIn"/>).
    /// </summary>
    public string FormatCompactTime(DateTime utc, int thisYear)
    {
        var local = ToLocal(utc);
        var pattern = (IsRussian, local.Year == thisYear) switch
        {
            (true, true) => "d MMMM, HH:mm",
            (true, false) => "d MMMM yyyy",
            (false, true) => "d MMM, HH:mm",
            (false, false) => "d MMM yyyy",
        };
        return local.ToString(pattern, Culture);
    }

    /// <summary>A day heading in a news feed: en "Wednesday, 2 December", ru «Среда, 2 декабря».</summary>
    public string FormatDay(DateOnly day)
    {
        var text = day.ToString("dddd, d MMMM", Culture);
        return char.ToUpper(text[0], Culture) + text[1..];
    }

    /// <summary>The machine form of a moment for <c>&lt;time datetime&gt;</c>: ISO 8601 with the zone's offset, the same under any request culture.</summary>
    public string MachineTime(DateTime utc)
    {
        var at = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return new DateTimeOffset(at).ToOffset(TimeZone.GetUtcOffset(at)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    public string FormatDate(DateOnly day) =>
        day.ToString("d MMMM yyyy", Culture);

    /// <summary>"May 2024", «Май 2024»: the standalone (nominative) month name.</summary>
    public string FormatMonth(int year, int month)
    {
        var name = Culture.DateTimeFormat.MonthNames[month - 1];
        return $"{char.ToUpper(name[0], Culture)}{name[1..]} {year}";
    }

    private static TimeZoneInfo FindZone(string id)
    {
        try { return TimeZoneInfo.FindSystemTimeZoneById(id); }
        catch (TimeZoneNotFoundException) { return TimeZoneInfo.Utc; }
        catch (InvalidTimeZoneException) { return TimeZoneInfo.Utc; }
    }
}
