namespace Broadsheet.Features.TypoReports;

/// <summary>The JSON the endpoint answers with (camel-cased): typo.js shows <c>message</c> or <c>error</c> as it is.</summary>
public static class TypoReportAnswer
{
    public sealed record Accepted(string Message, int Count);

    public sealed record Refusal(string Error);

    public static IResult Refuse(string error, int status = StatusCodes.Status400BadRequest) =>
        Results.Json(new Refusal(error), statusCode: status);
}
