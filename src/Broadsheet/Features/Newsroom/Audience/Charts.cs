using Broadsheet.Features.ViewCounting;

namespace Broadsheet.Features.Newsroom.Audience;

/// <summary>A ranking to draw (_Bars): its element id, caption, the table's first header and the bars.</summary>
public sealed record BarChart(string Id, string Title, string LabelHeader, List<Figure> Figures);

/// <summary>One article's hours to draw (_Hours).</summary>
public sealed record HourChart(string Title, List<HourFigure> Hours);
