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
}
