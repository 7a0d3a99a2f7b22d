using Drills.Orchestrator.App;
using Drills.Orchestrator.Tests.Scenarios;
using Drills.Orchestrator.Tests.Support;

namespace Drills.Orchestrator.Tests.Orchestrator.App;

public sealed class KeptCataloguesTests
{
    [Fact]
    public void A_kept_catalogue_is_loaded_once_and_one_not_kept_yet_is_found_once_it_is()
    {
        var store = new InMemoryRunStore();
        var kept = new KeptCatalogues(store);

        Assert.Null(kept.Load("aa11"));
        store.KeepCatalogue("aa11", CatalogueText.FileName, CatalogueText.Minimal);
        var first = kept.Load("aa11");
        var second = kept.Load("aa11");

        Assert.NotNull(first?.Catalogue);
        Assert.Same(first, second);
        Assert.Contains("web-kill", first.Catalogue.Scenarios.Keys);
    }

    [Fact]
    public void A_text_that_no_longer_loads_is_returned_with_its_errors()
    {
        var store = new InMemoryRunStore();
        store.KeepCatalogue("bb22", CatalogueText.FileName, "version: 1\nsystems: [not, a, map]\n");

        var loaded = new KeptCatalogues(store).Load("bb22");

        Assert.NotNull(loaded);
        Assert.Null(loaded.Catalogue);
        Assert.NotEmpty(loaded.Errors);
    }
}
