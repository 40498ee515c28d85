using System.Net;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Tests.Support;

namespace Broadsheet.Tests.Newsroom;

/// <summary>Every newsroom route against every role and an anonymous visitor.</summary>
public sealed class NewsroomAccessTests : IDisposable
{
    private readonly BroadsheetApp app = new();
    private readonly TestPublication publication;

    public NewsroomAccessTests() => publication = new TestPublication(app);

    public void Dispose() => app.Dispose();

    private const int Ok = 200, Login = 302, Forbidden = 403;

    [Fact]
    public async Task Each_route_lets_in_only_the_roles_it_names()
    {
        var article = await publication.ArticleAsync("Someone else's draft", status: ArticleStatus.Draft);
        string[] roles = [StaffRoles.Admin, StaffRoles.Editor, StaffRoles.Author, StaffRoles.Moderator, StaffRoles.Reader, "anonymous"];
        // Expected answers in the order of the roles above.
        var matrix = new (string Path, int[] Expected)[]
        {
            ("/newsroom", [Ok, Ok, Ok, Ok, Forbidden, Login]),
            ("/newsroom/security", [Ok, Ok, Ok, Ok, Forbidden, Login]),
            ("/newsroom/articles/new", [Ok, Ok, Ok, Forbidden, Forbidden, Login]),
            ($"/newsroom/articles/{article.Id}", [Ok, Ok, Forbidden, Forbidden, Forbidden, Login]),
            ($"/newsroom/articles/{article.Id}/revisions", [Ok, Ok, Forbidden, Forbidden, Forbidden, Login]),
            ("/newsroom/taxonomy/rubrics", [Ok, Ok, Forbidden, Forbidden, Forbidden, Login]),
            ("/newsroom/taxonomy/tags", [Ok, Ok, Forbidden, Forbidden, Forbidden, Login]),
            ("/newsroom/taxonomy/authors", [Ok, Ok, Forbidden, Forbidden, Forbidden, Login]),
            ("/newsroom/staff", [Ok, Forbidden, Forbidden, Forbidden, Forbidden, Login]),
            ("/newsroom/settings", [Ok, Forbidden, Forbidden, Forbidden, Forbidden, Login]),
            ("/newsroom/audit", [Ok, Forbidden, Forbidden, Forbidden, Forbidden, Login]),
            ("/newsroom/mail", [Ok, Forbidden, Forbidden, Forbidden, Forbidden, Login]),
            ("/newsroom/newsletter", [Ok, Ok, Forbidden, Forbidden, Forbidden, Login]),
            ("/newsroom/typo-reports", [Ok, Ok, Forbidden, Forbidden, Forbidden, Login]),
            ("/newsroom/media", [Ok, Ok, Ok, Forbidden, Forbidden, Login]),
        };
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in roles) clients[role] = role == "anonymous" ? app.Reader() : await app.SignedInAsync(role);

        var wrong = new List<string>();
        foreach (var (path, expected) in matrix)
            for (var i = 0; i < roles.Length; i++)
            {
                using var response = await clients[roles[i]].GetAsync(path);
                var code = (int)response.StatusCode;
                if (code != expected[i]) wrong.Add($"{roles[i]} GET {path}: {code}, expected {expected[i]}");
                if (code == Login && !response.Headers.Location!.OriginalString.Contains("/account/sign-in"))
                    wrong.Add($"{roles[i]} GET {path} redirected to {response.Headers.Location}");
            }
        Assert.Empty(wrong);
    }

    [Fact]
    public async Task The_newsroom_menu_offers_each_role_exactly_the_screens_it_may_open()
    {
        string[] screens =
        [
            "/newsroom/moderation", "/newsroom/articles/new", "/newsroom/media", "/newsroom/typo-reports",
            "/newsroom/taxonomy/rubrics", "/newsroom/taxonomy/tags", "/newsroom/taxonomy/authors",
            "/newsroom/staff", "/newsroom/settings", "/newsroom/audit", "/newsroom/mail",
        ];
        var wrong = new List<string>();
        var offered = new Dictionary<string, int>();
        foreach (var role in StaffRoles.Staff)
        {
            var client = await app.SignedInAsync(role);
            var menu = (await client.GetDocumentAsync("/newsroom")).QuerySelectorAll(".newsroom-bar a")
                .Select(a => a.GetAttribute("href")).ToHashSet();
            offered[role] = screens.Count(menu.Contains);
            foreach (var screen in screens)
            {
                using var response = await client.GetAsync(screen);
                var opens = response.StatusCode == HttpStatusCode.OK;
                if (opens != menu.Contains(screen))
                    wrong.Add($"{role}: {screen} {(opens ? "opens but is not in the menu" : $"is in the menu but answers {(int)response.StatusCode}")}");
            }
        }
        Assert.Empty(wrong);
        Assert.Equal(screens.Length, offered[StaffRoles.Admin]);
        Assert.Equal(1, offered[StaffRoles.Moderator]);
    }

    [Fact]
    public async Task Posts_beyond_a_role_are_refused_even_with_a_valid_token()
    {
        var article = await publication.ArticleAsync("Published piece");
        var posts = new (string Role, string Path)[]
        {
            (StaffRoles.Editor, "/newsroom/staff?handler=Invite"),
            (StaffRoles.Editor, "/newsroom/staff?handler=Role"),
            (StaffRoles.Editor, "/newsroom/settings"),
            (StaffRoles.Author, "/newsroom/taxonomy/rubrics?handler=Save"),
            (StaffRoles.Author, "/newsroom/taxonomy/tags?handler=Merge&id=1"),
            (StaffRoles.Author, "/newsroom/taxonomy/authors"),
            (StaffRoles.Author, $"/newsroom/articles/{article.Id}?handler=Unpublish"),
            (StaffRoles.Author, $"/newsroom/articles/{article.Id}?handler=Delete"),
            (StaffRoles.Author, $"/newsroom/articles/{article.Id}/revisions?handler=Restore&revision=1"),
            (StaffRoles.Moderator, "/newsroom/articles/new?handler=Save"),
            (StaffRoles.Reader, "/newsroom/articles/new?handler=Save"),
        };
        var wrong = new List<string>();
        foreach (var (role, path) in posts)
        {
            var client = await app.SignedInAsync(role);
            // A token is per person, not per form: the sign-in page hands out a valid one.
            var token = (await client.GetDocumentAsync("/account/sign-in")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            using var response = await client.PostAsync(path, new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("Input.Title", "x")]));
            if (response.StatusCode != HttpStatusCode.Forbidden) wrong.Add($"{role} POST {path}: {(int)response.StatusCode}");
        }
        Assert.Empty(wrong);
        Assert.Equal(ArticleStatus.Published, (await app.WithDbAsync(db => Task.FromResult(db.Articles.Single().Status))));
    }

    [Fact]
    public async Task Only_editors_and_admins_may_publish()
    {
        var author = await app.SignedInAsync(StaffRoles.Author);
        using var created = await author.SubmitAsync("/newsroom/articles/new", "Save", ("Input.Title", "An author's piece"));
        var path = created.Headers.Location!.OriginalString;
        var page = await author.GetDocumentAsync(path);
        Assert.Null(page.QuerySelector("button[formaction*='handler=Publish']"));

        // The button is not there, but the handler must refuse on its own too.
        var fields = Forms.Fields(page.QuerySelector("form[data-editor]")!);
        using var forged = await author.PostAsync(path + "?handler=Publish", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);

        var moderator = await app.SignedInAsync(StaffRoles.Moderator);
        using var byModerator = await moderator.PostAsync(path + "?handler=Save", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Forbidden, byModerator.StatusCode);

        var editor = await app.SignedInAsync(StaffRoles.Editor);
        using var published = await editor.SubmitAsync(path, "Publish");
        Assert.True(published.StatusCode == HttpStatusCode.Redirect, (await published.ParseAsync()).QuerySelector(".desk")?.TextContent);
        var status = await app.WithDbAsync(db => Task.FromResult(db.Articles.Single(a => a.Title == "An author's piece").Status));
        Assert.Equal(ArticleStatus.Published, status);
    }

    [Fact]
    public async Task An_author_edits_own_pieces_but_not_a_colleagues()
    {
        var mine = await app.SignedInAsync(StaffRoles.Author);
        var theirs = await app.SignedInAsync(StaffRoles.Author);
        using var created = await mine.SubmitAsync("/newsroom/articles/new", "Save", ("Input.Title", "My own draft"));
        var path = created.Headers.Location!.OriginalString;

        Assert.Equal(HttpStatusCode.OK, (await mine.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await theirs.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var editor = await app.SignedInAsync(StaffRoles.Editor);
        using var response = await editor.PostAsync("/newsroom/articles/new?handler=Save",
            new FormUrlEncodedContent([new("Input.Title", "Forged")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);

        using var signIn = await app.Reader().PostAsync("/account/sign-in",
            new FormUrlEncodedContent([new("Input.Email", "a@b.c"), new("Input.Password", "whatever")]));
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        Assert.Equal(0, await app.WithDbAsync(db => Task.FromResult(db.Articles.Count())));
    }
}
