package authoring

import (
	"errors"
	"strings"
	"testing"
)

const ordersARN = "arn:aws:quicksight:us-east-1:123456789012:dataset/orders"

func TestUniqueIdentifier(t *testing.T) {
	used := map[string]bool{}
	got := []string{UniqueIdentifier("Sales", used), UniqueIdentifier("Sales", used), UniqueIdentifier("  ", used), UniqueIdentifier("Sales", used), UniqueIdentifier(strings.Repeat("x", 3000), used)}
	for i, want := range []string{"Sales", "Sales 2", "Dataset", "Sales 3"} {
		if got[i] != want {
			t.Errorf("identifier %d = %q, want %q", i, got[i], want)
		}
	}
	if n := len(got[4]); n == 0 || n > maxIdentifier {
		t.Errorf("a long name gives an identifier of %d characters", n)
	}
}

func TestNewAnalysisOfSeveralDataSets(t *testing.T) {
	raw := must[[]byte](t)(NewAnalysisOf([]DataSet{{"sales", arn}, {"orders", ordersARN}}))
	got := must[[]DataSet](t)(DataSets(raw))
	if len(got) != 2 || got[0] != (DataSet{"sales", arn}) || got[1] != (DataSet{"orders", ordersARN}) {
		t.Fatalf("declarations %v", got)
	}
	if _, err := NewAnalysisOf(nil); !errors.Is(err, ErrEdit) {
		t.Errorf("no dataset: %v", err)
	}
	if _, err := NewAnalysisOf([]DataSet{{"a", arn}, {"a", ordersARN}}); !errors.Is(err, ErrEdit) {
		t.Errorf("a duplicate identifier: %v", err)
	}
}

func TestAddAndRemoveDataSet(t *testing.T) {
	raw := must[[]byte](t)(NewAnalysis("sales", arn))
	raw, id, err := AddDataSet(raw, "sales", ordersARN)
	if err != nil || id != "sales 2" {
		t.Fatalf("AddDataSet = %q, %v", id, err)
	}
	if _, _, err := AddDataSet(raw, "again", ordersARN); err == nil || !strings.Contains(err.Error(), "already uses dataset again (as sales 2)") {
		t.Errorf("the same dataset twice: %v", err)
	}
	orders := Column{id, "amount", "DECIMAL"}
	raw, v1, _ := AddVisual(raw, FirstSheetID, "BarChartVisual")
	raw = first(t)(AddField(raw, v1, "Category", region, -1))
	raw, v2, _ := AddVisual(raw, FirstSheetID, "KPIVisual")
	raw = first(t)(AddField(raw, v2, "Values", orders, -1))
	if ds, _ := VisualDataSet(raw, v2); ds != id {
		t.Errorf("visual %s reads %q", v2, ds)
	}

	// A visual reads one dataset.
	_, _, err = AddField(raw, v1, "Values", orders, -1)
	if !errors.Is(err, ErrEdit) || !strings.Contains(err.Error(), "visual reads one dataset") || !strings.Contains(err.Error(), "reads dataset sales") {
		t.Errorf("a field of another dataset: %v", err)
	}

	// Removing a dataset in use names its users.
	raw = must[[]byte](t)(SetCalculatedField(raw, CalculatedField{id, "Double", "amount * 2"}, ""))
	lo := 1.0
	raw = first(t)(AddNumericRangeFilter(raw, orders, &lo, nil, Scope{SheetID: FirstSheetID}))
	_, err = RemoveDataSet(raw, id)
	if err == nil {
		t.Fatal("a dataset in use was removed")
	}
	for _, want := range []string{"visual KPI (visual-2)", "calculated field Double", "filter group "} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the refusal %q does not name %q", err, want)
		}
	}
	if strings.Contains(err.Error(), "visual-1") {
		t.Errorf("the refusal names a visual of the other dataset: %v", err)
	}
	if _, err := RemoveDataSet(raw, "nope"); !errors.Is(err, ErrEdit) {
		t.Errorf("an unknown dataset: %v", err)
	}

	// Unused, it goes; the last one stays.
	fresh := must[[]byte](t)(NewAnalysis("sales", arn))
	fresh, id, _ = AddDataSet(fresh, "orders", ordersARN)
	fresh = must[[]byte](t)(RemoveDataSet(fresh, "sales"))
	if got := must[[]DataSet](t)(DataSets(fresh)); len(got) != 1 || got[0].Identifier != id {
		t.Errorf("after removing sales: %v", got)
	}
	if _, err := RemoveDataSet(fresh, id); err == nil || !strings.Contains(err.Error(), "only dataset") {
		t.Errorf("removing the last dataset: %v", err)
	}
}

func first(t *testing.T) func([]byte, string, error) []byte {
	return func(out []byte, _ string, err error) []byte {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
}
