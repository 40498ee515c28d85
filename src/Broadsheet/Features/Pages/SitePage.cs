namespace Broadsheet.Features.Pages;

/// <summary>
/// A page of the site that is not news: About, Contacts, Privacy policy, Comment rules. It has no
/// language of its own (a site speaks one), no author and no history: the newsroom keeps it current.
/// </summary>
public sealed class SitePage
{
    public int Id { get; set; }

    /// <summary>Its address, /{slug}; lower-case Latin, digits and hyphens, never a path the site already answers.</summary>
    public required string Slug { get; set; }
    public required string Title { get; set; }

    /// <summary>Markdown, rendered when the page is (its cached copy is what readers get).</summary>
    public string Body { get; set; } = "";

    /// <summary>The order in the footer menu and on the site map, smallest first.</summary>
    public int MenuOrder { get; set; }
    public bool InFooter { get; set; }
    public DateTime UpdatedAt { get; set; }
}
