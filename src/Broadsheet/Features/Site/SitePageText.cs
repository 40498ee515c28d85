namespace Broadsheet.Features.Site;

/// <summary>The words of the footer, the site's own pages and the site map, kept apart from <see cref="UiText"/> so they stay together.</summary>
public sealed class SitePageText
{
    /// <summary>The name of the footer's menu of site pages, for screen readers.</summary>
    public required string AboutSite { get; init; }
    public required string SiteMap { get; init; }
    public required string Sections { get; init; }
    public required string Feeds { get; init; }
    public required string Newsletter { get; init; }
    public required string LastUpdated { get; init; }

    // The imprint Russian law (the Mass Media Act, art. 27) asks of a registered outlet, line by line.
    public required string Publisher { get; init; }
    public required string EditorInChief { get; init; }
    public required string Registration { get; init; }
    public required string Address { get; init; }
    public required string AgeRating { get; init; }

    public static readonly SitePageText English = new()
    {
        AboutSite = "About the site",
        SiteMap = "Site map",
        Sections = "Sections",
        Feeds = "More",
        Newsletter = "Newsletter",
        LastUpdated = "Last updated",
        Publisher = "Publisher",
        EditorInChief = "Editor-in-chief",
        Registration = "Registration",
        Address = "Editorial office",
        AgeRating = "Age rating",
    };

    public static readonly SitePageText Russian = new()
    {
        AboutSite = "О сайте",
        SiteMap = "Карта сайта",
        Sections = "Разделы",
        Feeds = "Ещё",
        Newsletter = "Рассылка",
        LastUpdated = "Обновлено",
        Publisher = "Учредитель",
        EditorInChief = "Главный редактор",
        Registration = "Свидетельство о регистрации СМИ",
        Address = "Адрес редакции",
        AgeRating = "Возрастное ограничение",
    };
}
