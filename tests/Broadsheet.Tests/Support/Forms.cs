using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Broadsheet.Tests.Support;

/// <summary>
/// Fills in and submits a page's form the way a browser would: every field as the page wrote it
/// (the antiforgery token included), with the test's own values laid over it.
/// </summary>
public static class Forms
{
    public static async Task<IHtmlDocument> ParseAsync(this HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        if (!response.IsSuccessStatusCode) throw new Xunit.Sdk.XunitException($"GET {path} answered {(int)response.StatusCode}");
        return await response.ParseAsync();
    }

    /// <summary>Loads <paramref name="path"/>, then submits its form through the button for <paramref name="handler"/> (or the form's own action).</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string path, string? handler = null, params (string Name, string? Value)[] values) =>
        await client.SubmitAsync(await client.GetDocumentAsync(path), path, handler, values);

    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument page, string path, string? handler = null, params (string Name, string? Value)[] values)
    {
        var (form, action) = Find(page, path, handler);
        var fields = Fields(form);
        foreach (var name in values.Select(v => v.Name).Distinct()) fields.RemoveAll(f => f.Key == name);
        fields.AddRange(values.Where(v => v.Value is not null).Select(v => new KeyValuePair<string, string>(v.Name, v.Value!)));
        return client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>The fields a browser would send for <paramref name="form"/> as it stands.</summary>
    public static List<KeyValuePair<string, string>> Fields(IElement form)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var e in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = e.GetAttribute("name")!;
            switch (e)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box:
                    if (box.IsChecked) fields.Add(new(name, box.Value));
                    break;
                case IHtmlInputElement { Type: "submit" or "button" }:
                    break;
                case IHtmlInputElement input:
                    fields.Add(new(name, input.Value));
                    break;
                case IHtmlTextAreaElement area:
                    fields.Add(new(name, area.Value));
                    break;
                case IHtmlSelectElement select:
                    foreach (var option in select.Options.Where(o => o.IsSelected)) fields.Add(new(name, option.Value));
                    if (!select.IsMultiple && !select.Options.Any(o => o.IsSelected) && select.Options.Length > 0)
                        fields.Add(new(name, select.Options[0]!.Value));
                    break;
            }
        }
        return fields;
    }

    private static (IElement Form, string Action) Find(IHtmlDocument page, string path, string? handler)
    {
        if (handler is not null)
        {
            var button = page.QuerySelectorAll("button[formaction]")
                .FirstOrDefault(b => b.GetAttribute("formaction")!.Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase));
            if (button is not null) return (button.Closest("form")!, button.GetAttribute("formaction")!);
            var form = page.QuerySelectorAll("form[action]")
                .FirstOrDefault(f => f.GetAttribute("action")!.Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase))
                ?? throw new Xunit.Sdk.XunitException($"{path} has no form or button for handler {handler}");
            return (form, form.GetAttribute("action")!);
        }
        var main = page.QuerySelectorAll("form").FirstOrDefault(f =>
            string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase) && !f.ClassList.Contains("newsroom-bar__out") && !f.ClassList.Contains("report-menu"))
            ?? throw new Xunit.Sdk.XunitException($"{path} has no form to post");
        var action = main.GetAttribute("action");
        return (main, string.IsNullOrEmpty(action) ? path : action);
    }
}
