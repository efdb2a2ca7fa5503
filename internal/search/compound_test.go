package search

import "testing"

// compoundQueries are queries whose words are compounds the offers spell apart or differently.
var compoundQueries = []testQuery{
	{query: "forældrekursus", want: []string{"samarbejde-efter-skilsmisse"}},
	{query: "skilsmissekursus", want: []string{"samarbejde-efter-skilsmisse"}},
	{query: "tandbøjle", want: []string{"tandregulering"}},
	{query: "forældrenetværk", want: []string{"ssp-foraeldrenetvaerk"}},
	{query: "ungerådgivning", want: []string{"hoert", "headspace"}},
	{query: "børnerådgivning", want: []string{"boerne-unge-og-familieraadgivningen", "boernetelefonen"}},
	{query: "familierådgivning", want: []string{"boerne-unge-og-familieraadgivningen", "moedrehjaelpen"}},
	{query: "skoleproblemer", want: []string{"foraeldreraadgivningen", "ppr-udgaaende-ressourceteam"}},
	{query: "samtalegruppe", want: []string{"familieretshuset-boernegrupper"}},
	{query: "ungeklub", want: []string{"ungecafeer", "ungdomsskolen-fritidsundervisning"}},
	{query: "sprogudvikling", want: []string{"ppr-udgaaende-ressourceteam", "sundhedsplejen"}},
	{query: "tandskade", want: []string{"akut-tandpleje"}},
	{query: "alkoholproblemer", want: []string{"alkolinjen"}},
	{query: "skilsmissebørn", want: []string{"boernenes-skilsmissetelefon", "familieretshuset-boernegrupper"}},
	{query: "fritidsklub", want: []string{"red-barnet-plads-til-alle", "ungecafeer"}},
	{query: "psykologsamtale", want: []string{"headspace", "hoert"}},
}

// TestCompoundSplitting measures what splitting compounds does: recall of compound queries
// and the hit rate of the public query set, with and without. It keeps splitting only while it
// helps compound queries and costs the query set nothing.
func TestCompoundSplitting(t *testing.T) {
	qs := readQueries(t)
	on := herlevIndex(t, Options{Compounds: true})
	off := herlevIndex(t, Options{Compounds: false})
	cOn, missOn := hitRate(t, on, compoundQueries)
	cOff, missOff := hitRate(t, off, compoundQueries)
	qOn, _ := hitRate(t, on, qs)
	qOff, _ := hitRate(t, off, qs)
	t.Logf("compound queries (%d), right offer in top 3: %.0f %% with splitting, %.0f %% without", len(compoundQueries), 100*cOn, 100*cOff)
	t.Logf("public query set (%d): %.1f %% with splitting, %.1f %% without", len(qs), 100*qOn, 100*qOff)
	for _, m := range missOn {
		t.Logf("miss with splitting: %s", m)
	}
	for _, m := range missOff {
		t.Logf("miss without splitting: %s", m)
	}
	if cOn <= cOff {
		t.Errorf("splitting compounds does not help compound queries (%.0f %% vs %.0f %%); turn it off", 100*cOn, 100*cOff)
	}
	if qOn < qOff {
		t.Errorf("splitting compounds costs the query set (%.1f %% vs %.1f %%)", 100*qOn, 100*qOff)
	}
}
