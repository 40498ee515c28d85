using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Broadsheet.Features.Site;

/// <summary>
/// A page's handler parameters and its simple query/route properties (an id, a page number, a state) answer
/// 400 when what came cannot be read as their type: "abc" or 99999999999 for an int, 7 for an enum of three.
/// Model binding would otherwise hand the handler a default (0, null, the first state) and the page would act
/// on a number nobody sent: block an account for good, show page one, open the drafts tab.
/// Forms (complex [BindProperty] types such as Input) are left to their page, which shows the form again
/// with the message; so are simple properties with validation attributes, whose failures are form errors.
/// </summary>
public sealed class StrictBinding : IPageFilter
{
    public void OnPageHandlerSelected(PageHandlerSelectedContext context) { }

    public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        if (context.ModelState.IsValid) return;
        var names = new List<string>();
        foreach (var p in context.HandlerMethod?.Parameters ?? [])
            if (IsSimple(p.ParameterType)) names.Add(p.BindingInfo?.BinderModelName ?? p.Name);
        foreach (var p in context.ActionDescriptor.BoundProperties)
            if (IsSimple(p.ParameterType) && !HasValidation(p)) names.Add(p.BindingInfo?.BinderModelName ?? p.Name);
        if (names.Any(n => context.ModelState.GetFieldValidationState(n) == ModelValidationState.Invalid))
            context.Result = new BadRequestResult();
    }

    public void OnPageHandlerExecuted(PageHandlerExecutedContext context) { }

    private static bool IsSimple(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsArray) t = t.GetElementType()!;
        else if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(List<>)) t = t.GetGenericArguments()[0];
        t = Nullable.GetUnderlyingType(t) ?? t;
        return t.IsPrimitive || t.IsEnum || t == typeof(decimal) || t == typeof(DateTime) || t == typeof(DateOnly) || t == typeof(Guid);
    }

    private static bool HasValidation(Microsoft.AspNetCore.Mvc.Abstractions.ParameterDescriptor p) =>
        p is Microsoft.AspNetCore.Mvc.Infrastructure.IPropertyInfoParameterDescriptor { PropertyInfo: var info }
        && info.GetCustomAttributes(typeof(ValidationAttribute), true).Length > 0;
}
