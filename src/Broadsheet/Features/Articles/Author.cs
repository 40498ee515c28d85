namespace Broadsheet.Features.Articles;

/// <summary>A person in a byline: a reporter or a columnist. Not necessarily someone who signs in.</summary>
public sealed class Author
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Name { get; set; }
    public string Bio { get; set; } = "";
    public string? Photo { get; set; }

    /// <summary>The staff account that writes under this name, if any; an Author-role account may edit only articles bylined to its profile.</summary>
    public string? AccountId { get; set; }

    /// <summary>The name in English and in Russian, as its owner typed them on their profile; <see cref="Name"/> is the one the site shows.</summary>
    public string? NameEn { get; set; }
    public string? NameRu { get; set; }

    /// <summary>Addresses (http or https) shown on the author page, one a line: a personal site, a Telegram channel.</summary>
    public string? Links { get; set; }

    /// <summary>The byline in one language: that language's name, else the other's, else <see cref="Name"/>.</summary>
    public string NameIn(bool russian) =>
        (russian ? NonBlank(NameRu) ?? NonBlank(NameEn) : NonBlank(NameEn) ?? NonBlank(NameRu)) ?? Name;

    public IEnumerable<Uri> LinkList() =>
        (Links ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => Uri.TryCreate(l, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri : null)
            .OfType<Uri>();

    private static string? NonBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
