namespace Broadsheet.Features.Site;

/// <summary>The words of the search form and results, kept apart from <see cref="UiText"/> so the feature's strings stay together.</summary>
public sealed class SearchPageText
{
    public required string Title { get; init; }
    public required string Button { get; init; }
    public required string Rubric { get; init; }
    public required string AllRubrics { get; init; }
    public required string Author { get; init; }
    public required string AllAuthors { get; init; }
    public required string From { get; init; }
    public required string To { get; init; }
    public required string SortBy { get; init; }
    public required string ByRelevance { get; init; }
    public required string ByDate { get; init; }
    public required string NothingFound { get; init; }
    public required string Prompt { get; init; }
    public required string PreviousPage { get; init; }
    public required string NextPage { get; init; }
    public required Func<long, string> Found { get; init; }

    /// <summary>Before and after the corrected query, when its results are shown: "Showing results for стадион."</summary>
    public required string ShowingResultsFor { get; init; }

    /// <summary>Before the reader's own query, a link to search for it as typed.</summary>
    public required string SearchInsteadFor { get; init; }

    /// <summary>Before a suggested spelling, when it is not certain enough to search for it unasked; a question mark follows.</summary>
    public required string DidYouMean { get; init; }

    /// <summary>When there are more matches than a reader can page through (PostgreSQL stops counting there).</summary>
    public required Func<long, string> FoundMoreThan { get; init; }

    /// <summary>When the count is an estimate, rounded (a common word in a large archive: only its newest part is counted).</summary>
    public required Func<long, string> FoundAbout { get; init; }

    public static readonly SearchPageText English = new()
    {
        Title = "Search",
        Button = "Search",
        Rubric = "Rubric",
        AllRubrics = "All rubrics",
        Author = "Author",
        AllAuthors = "All authors",
        From = "From",
        To = "To",
        SortBy = "Sort",
        ByRelevance = "by relevance",
        ByDate = "newest first",
        NothingFound = "Nothing found. Try other words or fewer filters.",
        Prompt = "Type a word or two; any grammatical form will do. To find a phrase exactly, put it in quotes: \"city council\".",
        ShowingResultsFor = "Showing results for",
        SearchInsteadFor = "Search instead for",
        DidYouMean = "Did you mean:",
        PreviousPage = "Previous page",
        NextPage = "Next page",
        Found = n => string.Format(System.Globalization.CultureInfo.InvariantCulture, "Found: {0:N0} {1}", n, Plural.English(n, "article", "articles")),
        FoundMoreThan = n => string.Format(System.Globalization.CultureInfo.InvariantCulture, "Found: more than {0:N0} {1}", n, Plural.English(n, "article", "articles")),
        FoundAbout = n => string.Format(System.Globalization.CultureInfo.InvariantCulture, "Found: about {0:N0} {1}", n, Plural.English(n, "article", "articles")),
    };

    public static readonly SearchPageText Russian = new()
    {
        Title = "Поиск",
        Button = "Найти",
        Rubric = "Рубрика",
        AllRubrics = "Все рубрики",
        Author = "Автор",
        AllAuthors = "Все авторы",
        From = "С",
        To = "По",
        SortBy = "Порядок",
        ByRelevance = "по релевантности",
        ByDate = "сначала новые",
        NothingFound = "Ничего не найдено. Попробуйте другие слова или меньше фильтров.",
        Prompt = "Введите слово или несколько, в любой форме. Чтобы найти фразу целиком, возьмите её в кавычки: \"городская дума\".",
        ShowingResultsFor = "Показаны результаты по запросу",
        SearchInsteadFor = "Искать вместо этого",
        DidYouMean = "Возможно, вы имели в виду:",
        PreviousPage = "Предыдущая страница",
        NextPage = "Следующая страница",
        Found = n => string.Format(System.Globalization.CultureInfo.GetCultureInfo("ru-RU"), "Найдено: {0:N0} {1}", n, Plural.Russian(n, "статья", "статьи", "статей")),
        // «более» takes the genitive: более 21 статьи, более 1 000 статей.
        FoundMoreThan = n => string.Format(System.Globalization.CultureInfo.GetCultureInfo("ru-RU"), "Найдено: более {0:N0} {1}", n, Plural.Russian(n, "статьи", "статей", "статей")),
        // «около» too: около 21 статьи, около 250 000 статей (a rounded estimate reads better grouped).
        FoundAbout = n => string.Format(System.Globalization.CultureInfo.GetCultureInfo("ru-RU"), "Найдено: около {0:N0} {1}", n, Plural.Russian(n, "статьи", "статей", "статей")),
    };
}
