package expr

import "testing"

// TestFunctionDocs requires a reference for every function of the
// language and none for a function it lacks.
func TestFunctionDocs(t *testing.T) {
	for _, f := range Functions() {
		if f.Signature == "" || f.Description == "" {
			t.Errorf("function %s has no reference", f.Name)
		}
		if f.Aggregate != IsAggregateFunc(f.Name) {
			t.Errorf("function %s: Aggregate = %v", f.Name, f.Aggregate)
		}
	}
	if len(funcDocs) != len(funcNames) {
		t.Errorf("%d references for %d functions", len(funcDocs), len(funcNames))
	}
}
