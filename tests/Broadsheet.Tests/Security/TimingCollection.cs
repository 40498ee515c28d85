namespace Broadsheet.Tests.Security;

/// <summary>
/// Tests that compare how long answers take run with nothing else in the process: on two shared
/// cores a neighbouring test class's burst landed on one side's samples and moved a median by 35 ms
/// (91 vs 56 ms on PostgreSQL, where alone the two sides measure 59 vs 60 ms).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimingCollection
{
    public const string Name = "Answer timing, alone";
}
