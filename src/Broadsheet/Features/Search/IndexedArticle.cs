using Broadsheet.Features.Articles;

namespace Broadsheet.Features.Search;

/// <summary>What the index keeps of an article: the words to find it by, the facts to filter on, and what a result shows.</summary>
public sealed record IndexedArticle(
    int Id, string Slug, string Title, string Lead, string BodyText, string Language,
    ArticleStatus Status, DateTime? PublishedAt, DateTime CreatedAt,
    IReadOnlyList<(string Slug, string Name)> Rubrics, IReadOnlyList<string> AuthorSlugs, Guid Version);
