namespace Broadsheet.Features.Articles;

/// <summary>
/// An editor's choice for the front page: a place among the top stories (no rubric; position 0 is
/// the lead) or the story that leads a rubric's block (the rubric, position 0). Stories not chosen
/// fill the rest of the page by themselves (<see cref="FrontPageSelection"/>).
/// </summary>
public sealed class FrontPagePick
{
    public int Id { get; set; }
    public int ArticleId { get; set; }
    public int? RubricId { get; set; }
    public int Position { get; set; }
}
