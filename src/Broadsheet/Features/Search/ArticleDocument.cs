using Broadsheet.Features.Articles;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace Broadsheet.Features.Search;

/// <summary>
/// The shape of an article in the index. Title and text go in twice, once analysed as Russian
/// and once as English: the query asks both, so a query in either language finds articles in
/// either, whatever language the article says it is in (quotes and names cross over).
/// </summary>
public static class ArticleDocument
{
    public const string Id = "id";
    public const string Status = "status";
    public const string Published = "published";
    public const string Time = "time";
    public const string Rubric = "rubric";
    public const string Author = "author";
    public const string TitleRu = "title_ru";
    public const string TitleEn = "title_en";
    public const string TextRu = "text_ru";
    public const string TextEn = "text_en";

    /// <summary>"{id}/{version}": which version of which article a document holds, read back when the index catches up with the database.</summary>
    public const string Stamp = "stamp";

    public const string StoredTitle = "s_title";
    public const string StoredSlug = "s_slug";
    public const string StoredLead = "s_lead";
    public const string StoredText = "s_text";
    public const string StoredLanguage = "s_lang";
    public const string StoredRubricName = "s_rubric_name";
    public const string StoredRubricSlug = "s_rubric_slug";

    public static readonly string Visible = nameof(ArticleStatus.Published);

    public static Term IdTerm(int id) => new(Id, id.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static (int ArticleId, Guid Version)? ReadStamp(BytesRef bytes)
    {
        var text = bytes.Utf8ToString();
        var slash = text.IndexOf('/');
        return slash > 0 && int.TryParse(text.AsSpan(0, slash), System.Globalization.CultureInfo.InvariantCulture, out var id) && Guid.TryParseExact(text.AsSpan(slash + 1), "N", out var version)
            ? (id, version)
            : null;
    }

    public static Document From(IndexedArticle a)
    {
        var text = $"{a.Lead}\n\n{a.BodyText}";
        var doc = new Document
        {
            new StringField(Id, a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Field.Store.YES),
            new StringField(Status, a.Status.ToString(), Field.Store.YES),
            new BinaryDocValuesField(Stamp, new BytesRef(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{a.Id}/{a.Version:N}"))),
            // Sorting by date and the freshness boost read this; drafts have no publication time yet.
            new NumericDocValuesField(Time, (a.PublishedAt ?? a.CreatedAt).Ticks),
            new TextField(TitleRu, a.Title, Field.Store.NO),
            new TextField(TitleEn, a.Title, Field.Store.NO),
            new TextField(TextRu, a.Title + "\n\n" + text, Field.Store.NO),
            new TextField(TextEn, a.Title + "\n\n" + text, Field.Store.NO),
            new StoredField(StoredTitle, a.Title),
            new StoredField(StoredSlug, a.Slug),
            new StoredField(StoredLead, a.Lead),
            new StoredField(StoredText, text),
            new StoredField(StoredLanguage, a.Language),
        };
        if (a.PublishedAt is { } at) doc.Add(new Int64Field(Published, at.Ticks, Field.Store.YES));
        foreach (var (slug, _) in a.Rubrics) doc.Add(new StringField(Rubric, slug, Field.Store.NO));
        if (a.Rubrics.Count > 0)
        {
            doc.Add(new StoredField(StoredRubricSlug, a.Rubrics[0].Slug));
            doc.Add(new StoredField(StoredRubricName, a.Rubrics[0].Name));
        }
        foreach (var slug in a.AuthorSlugs) doc.Add(new StringField(Author, slug, Field.Store.NO));
        return doc;
    }
}
