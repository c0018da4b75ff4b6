package authoring

import (
	"errors"
	"testing"
)

// FuzzSheetEdits applies the sheet, layout, format and action edits to
// arbitrary definitions and arguments: each returns a definition the model
// accepts or an edit error, never a panic.
func FuzzSheetEdits(f *testing.F) {
	raw, _ := NewAnalysis("sales", arn)
	raw, id, _ := AddVisual(raw, FirstSheetID, "BarChartVisual")
	raw, _, _ = AddField(raw, id, "Category", region, -1)
	raw, _, _ = AddSheet(raw, "")
	f.Add(raw, "visual-1", "sheet-2", "visual-1.region-1", "legend", "HIDDEN", 3)
	f.Add([]byte(`{"Sheets":[{"SheetId":"s","Layouts":[{"Configuration":{"GridLayout":7}}],"Visuals":[{"PieChartVisual":{"VisualId":"v","Actions":[{"ActionOperations":[3]}]}}]}]}`), "v", "s", "f", "color", "#FFFFFF", 40)
	f.Fuzz(func(t *testing.T, def []byte, visual, sheet, field, option, value string, n int) {
		check := func(out []byte, err error) {
			if err == nil {
				if verr := Validate(out); verr != nil {
					t.Fatalf("an edit returned a definition the model refuses: %v", verr)
				}
			} else if !errors.Is(err, ErrEdit) {
				t.Fatalf("error outside ErrEdit: %v", err)
			}
		}
		first := func(out []byte, _ string, err error) ([]byte, error) { return out, err }
		check(first(AddSheet(def, value)))
		check(RenameSheet(def, sheet, value))
		check(MoveSheet(def, sheet, n))
		check(DeleteSheet(def, sheet))
		check(SetTile(def, visual, Tile{n % 40, n, n%37 + 1, n%22 + 1}))
		_, _ = TileOf(def, visual)
		check(SetTitle(def, visual, n%2 == 0, value))
		check(SetFormat(def, visual, option, value))
		_, _ = FormatValue(def, visual, option)
		check(first(AddFilterAction(def, visual, FilterAction{Name: value, Fields: []string{field}, TargetVisuals: []string{sheet}})))
		check(first(AddFilterAction(def, visual, FilterAction{})))
		check(first(AddNavigationAction(def, visual, value, sheet)))
		check(RemoveAction(def, visual, field))
	})
}
