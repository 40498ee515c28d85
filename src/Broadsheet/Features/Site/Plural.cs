namespace Broadsheet.Features.Site;

public static class Plural
{
    /// <summary>Russian has three forms: 1 просмотр, 2 просмотра, 5 просмотров (and 11–14 take the third).</summary>
    public static string Russian(long n, string one, string few, string many)
    {
        var tens = Math.Abs(n) % 100;
        var units = Math.Abs(n) % 10;
        var form = tens is >= 11 and <= 14 ? many : units == 1 ? one : units is >= 2 and <= 4 ? few : many;
        return form;
    }

    public static string English(long n, string one, string other) => n == 1 ? one : other;
}
