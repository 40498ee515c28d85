namespace Broadsheet.Tests.Newsroom;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PictureCostCollection
{
    public const string Name = "Picture costs, alone";
}
