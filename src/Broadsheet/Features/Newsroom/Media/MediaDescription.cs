using Broadsheet.Features.Newsroom.Language;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Broadsheet.Features.Newsroom.Media;

/// <summary>The limits on a picture's caption, credit and alt text, the same at upload and when they are edited later.</summary>
public static class MediaDescription
{
    public const int CaptionLength = 1000, CreditLength = 300, AltTextLength = 500;

    public static void Check(ModelStateDictionary state, NewsroomWords words, string? caption, string? credit, string? altText)
    {
        if (caption is { Length: > CaptionLength }) state.AddModelError("Caption", words["The caption is too long: at most {0} characters.", CaptionLength]);
        if (credit is { Length: > CreditLength }) state.AddModelError("Credit", words["The credit is too long: at most {0} characters.", CreditLength]);
        if (altText is { Length: > AltTextLength }) state.AddModelError("AltText", words["The alt text is too long: at most {0} characters.", AltTextLength]);
    }
}
