namespace Broadsheet.Features.Articles;

/// <summary>
/// How many times an article has been read, in a narrow row of its own: the view flush bumps this
/// every few seconds for every article read, and bumping a column of the article itself rewrote the
/// whole row (body, rendered HTML and PostgreSQL's search vector) each time. No row means no views.
/// </summary>
public sealed class ViewTotal
{
    public int ArticleId { get; set; }
    public long Views { get; set; }
}
