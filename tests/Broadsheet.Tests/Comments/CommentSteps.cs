using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Broadsheet.Features.Accounts;
using Broadsheet.Features.Articles;
using Broadsheet.Features.Comments;
using Broadsheet.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Broadsheet.Tests.Comments;

public sealed record Answer(HttpStatusCode Status, string Message, long? Id, string? CommentStatus);

/// <summary>What readers do under an article, through the JSON API and the comments page, against the real app.</summary>
public static class CommentSteps
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Most tests are about rules, not pre-moderation: new accounts publish at once unless a test says otherwise.</summary>
    public static void WithoutPreModeration(this BroadsheetApp app) => app.Settings["Broadsheet:Comments:PreModerationApprovals"] = "0";

    /// <summary>A confirmed reader, signed in through the real sign-in form.</summary>
    public static async Task<(Account Account, HttpClient Client)> ReaderAsync(this BroadsheetApp app, string? name = null)
    {
        name ??= "Reader " + Guid.NewGuid().ToString("N")[..8];
        var email = $"reader-{Guid.NewGuid():N}@example.test";
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var account = new Account { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, DisplayNameKey = DisplayNames.Key(name) };
            var result = await accounts.CreateAsync(account, Staff.Password);
            if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            await accounts.AddToRoleAsync(account, StaffRoles.Reader);
        }
        var found = await app.WithDbAsync(db => db.Users.AsNoTracking().FirstAsync(u => u.Email == email));
        return (found, await app.SignedInAsync(found));
    }

    public static async Task<string> TokenAsync(this HttpClient client)
    {
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/api/comments/token"));
        return doc.RootElement.GetProperty("token").GetString()!;
    }

    public static async Task<Answer> CommentAsync(this HttpClient client, int articleId, string text, long? parentId = null) =>
        await SendAsync(client, HttpMethod.Post, $"/api/articles/{articleId}/comments", new { text, parentId });

    public static async Task<Answer> EditAsync(this HttpClient client, long commentId, string text) =>
        await SendAsync(client, HttpMethod.Put, $"/api/comments/{commentId}", new { text });

    public static async Task<Answer> FlagAsync(this HttpClient client, long commentId, FlagReason reason) =>
        await SendAsync(client, HttpMethod.Post, $"/api/comments/{commentId}/flags", new { reason });

    public static async Task<Answer> SendAsync(HttpClient client, HttpMethod method, string path, object body, bool withToken = true)
    {
        using var request = new HttpRequestMessage(method, path)
        {
            Content = new StringContent(JsonSerializer.Serialize(body, Json), Encoding.UTF8, "application/json"),
        };
        if (withToken) request.Headers.Add("RequestVerificationToken", await client.TokenAsync());
        using var response = await client.SendAsync(request);
        var json = await response.Content.ReadAsStringAsync();
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            return new(response.StatusCode, root.GetProperty("message").GetString()!,
                root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetInt64() : null,
                root.TryGetProperty("status", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null);
        }
        catch (JsonException)
        {
            return new(response.StatusCode, json, null, null);
        }
    }

    public static Task<Comment> CommentInDbAsync(this BroadsheetApp app, long id) =>
        app.WithDbAsync(db => db.Comments.AsNoTracking().FirstAsync(c => c.Id == id));

    public static async Task<Article> OpenArticleAsync(this BroadsheetApp app, string title = "Council approves the budget") =>
        await new TestPublication(app).ArticleAsync(title);

    /// <summary>The comment texts under the (cached) article page, as a reader sees them.</summary>
    public static async Task<List<string>> ShownCommentsAsync(this BroadsheetApp app, Article article)
    {
        var page = await app.GetPageAsync(PageUrl.Of(app, article));
        return [.. page.QuerySelectorAll("#comments .comment__text").Select(p => p.TextContent)];
    }
}
