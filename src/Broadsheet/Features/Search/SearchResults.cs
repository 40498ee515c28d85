using Broadsheet.Features.Articles;

namespace Broadsheet.Features.Search;

/// <summary>
/// One found article. <see cref="TitleHtml"/> and <see cref="SnippetHtml"/> are already HTML: the
/// article's words escaped, the matched ones wrapped in &lt;mark&gt;, so a page writes them as they are.
/// </summary>
public sealed record SearchHit(
    int ArticleId, string Title, string Slug, ArticleStatus Status, DateTime? PublishedAt,
    string? RubricName, string? RubricSlug, string TitleHtml, string SnippetHtml);

/// <summary>
/// <see cref="Total"/> counts every match, not only the page, unless <see cref="MoreThanTotal"/>: then there are
/// more matches than that, which is as far as a reader can page; or <see cref="Estimated"/>. Nothing was asked when the text had no
/// searchable word and no filter.
/// </summary>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, bool NothingAsked)
{
    public bool MoreThanTotal { get; init; }

    /// <summary><see cref="Total"/> is estimated (rounded), not counted: a common word in a large archive (<see cref="NewestSlice"/>).</summary>
    public bool Estimated { get; init; }

    public static readonly SearchResults Unasked = new([], 0, true);
}
