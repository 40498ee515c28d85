using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace Broadsheet.Features.Newsroom.Language;

/// <summary>
/// Data-annotation messages on newsroom forms in the person's newsroom language. .NET ships its
/// attribute messages in English only, so each newsroom attribute without a message of its own gets an
/// English phrase that <see cref="NewsroomWords"/> knows, and MVC looks every message up through
/// <see cref="Localizer"/> when it validates (in the request's culture, after <see cref="PersonalLanguage"/>).
/// A field is named by its property, spelled as words ("PublicationName" is "Publication name"),
/// with its Russian under the context "field|" in Fields.ru.tsv.
/// </summary>
public sealed partial class FormWords(NewsroomWords words) : IValidationMetadataProvider, IDisplayMetadataProvider
{
    public const string Required = "Fill in “{0}”.";
    public const string TooLong = "“{0}” is too long: at most {1} characters.";
    public const string Between = "“{0}” takes from {2} to {1} characters.";
    public const string OutOfRange = "“{0}” must be from {1} to {2}.";
    public const string NotAnAddress = "“{0}” is not a mail address.";

    public static bool IsNewsroom(Type? type) => type?.FullName?.StartsWith("Broadsheet.Features.Newsroom.", StringComparison.Ordinal) == true;

    public void CreateValidationMetadata(ValidationMetadataProviderContext context)
    {
        if (!IsNewsroom(context.Key.ContainerType)) return;
        foreach (var attribute in context.ValidationMetadata.ValidatorMetadata.OfType<ValidationAttribute>())
        {
            if (attribute.ErrorMessage is not null || attribute.ErrorMessageResourceType is not null) continue;
            attribute.ErrorMessage = attribute switch
            {
                RequiredAttribute => Required,
                StringLengthAttribute { MinimumLength: > 0 } => Between,
                StringLengthAttribute or MaxLengthAttribute => TooLong,
                RangeAttribute => OutOfRange,
                EmailAddressAttribute => NotAnAddress,
                _ => null,
            };
        }
    }

    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        if (!IsNewsroom(context.Key.ContainerType) || context.Key.Name is not { } name || context.DisplayMetadata.DisplayName is not null) return;
        var key = "field|" + FieldName(name);
        context.DisplayMetadata.DisplayName = () => words[key];
    }

    /// <summary>"PublicationName" as "Publication name".</summary>
    public static string FieldName(string property)
    {
        var spaced = WordStart().Replace(property, " $1").ToLowerInvariant();
        return char.ToUpperInvariant(spaced[0]) + spaced[1..];
    }

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex WordStart();

    /// <summary>What MVC asks for each newsroom message: the phrase in the request's language, holes filled.</summary>
    public sealed class Localizer(NewsroomWords words) : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, words[name], !words.Knows(name));
        public LocalizedString this[string name, params object[] arguments] => new(name, words[name, arguments], !words.Knows(name));
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
