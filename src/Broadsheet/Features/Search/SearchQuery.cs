using Broadsheet.Features.Articles;

namespace Broadsheet.Features.Search;

/// <summary>What a reader (or an editor) asked for. Dates are UTC; <see cref="ToUtc"/> is exclusive.</summary>
public sealed record SearchQuery
{
    public string Text { get; init; } = "";
    public string? RubricSlug { get; init; }
    public string? AuthorSlug { get; init; }
    public DateTime? FromUtc { get; init; }
    public DateTime? ToUtc { get; init; }
    public SearchOrder Order { get; init; } = SearchOrder.Relevance;
    public int Skip { get; init; }
    public int Take { get; init; } = 20;

    /// <summary>Staff only: drafts, scheduled and unpublished articles too. The public page never sets it.</summary>
    public bool IncludeUnpublished { get; init; }

    /// <summary>Staff only, with <see cref="IncludeUnpublished"/>: articles in this state alone (a newsroom tab).</summary>
    public ArticleStatus? Status { get; init; }

    public bool HasFilters => RubricSlug is not null || AuthorSlug is not null || FromUtc is not null || ToUtc is not null;
}

public enum SearchOrder { Relevance, Date }
