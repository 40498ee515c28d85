namespace Broadsheet.Tests.Data;

/// <summary>
/// Tests that make writes fail, one at a time: the outage metrics are read process-wide, so another
/// app's outage running alongside would show in them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class WriteFaultCollection
{
    public const string Name = "Write faults";
}
