package authoring

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/definition"
)

func sheetNames(t *testing.T, raw []byte) string {
	t.Helper()
	def, err := definition.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, s := range def.Sheets {
		out = append(out, s.SheetId+":"+s.Name)
	}
	return strings.Join(out, ",")
}

func wantEditErr(t *testing.T, err error, contains string) {
	t.Helper()
	if !errors.Is(err, ErrEdit) || !strings.Contains(err.Error(), contains) {
		t.Fatalf("error %v, want an edit error with %q", err, contains)
	}
}

func TestSheets(t *testing.T) {
	raw := must[[]byte](t)(NewAnalysis("sales", arn))
	raw, s2, err := AddSheet(raw, "")
	if err != nil || s2 != "sheet-2" {
		t.Fatalf("add: %q %v", s2, err)
	}
	raw, s3, _ := AddSheet(raw, " Details ")
	if got := sheetNames(t, raw); got != "sheet-1:Sheet 1,sheet-2:Sheet 2,sheet-3:Details" {
		t.Fatalf("sheets %s", got)
	}
	raw = must[[]byte](t)(RenameSheet(raw, s2, "Trends"))
	raw = must[[]byte](t)(MoveSheet(raw, s3, 0))
	if got := sheetNames(t, raw); got != "sheet-3:Details,sheet-1:Sheet 1,sheet-2:Trends" {
		t.Fatalf("after rename and move: %s", got)
	}
	_, err = RenameSheet(raw, s2, "  ")
	wantEditErr(t, err, "needs a name")

	// A sheet deleted takes its filter scopes and the navigations to it.
	raw, v, _ := AddVisual(raw, FirstSheetID, "BarChartVisual")
	raw, _, _ = AddField(raw, v, "Category", region, -1)
	raw, _, err = AddNavigationAction(raw, v, "", s2)
	if err != nil {
		t.Fatal(err)
	}
	raw, _, err = AddCategoryFilter(raw, region, []string{"Europe"}, Scope{SheetID: s2})
	if err != nil {
		t.Fatal(err)
	}
	raw = must[[]byte](t)(DeleteSheet(raw, s2))
	if got := sheetNames(t, raw); got != "sheet-3:Details,sheet-1:Sheet 1" {
		t.Fatalf("after delete: %s", got)
	}
	if s := string(raw); strings.Contains(s, "FilterGroupId") || strings.Contains(s, "NavigationOperation") {
		t.Fatalf("the deleted sheet's filter or navigation stays: %s", s)
	}
	raw = must[[]byte](t)(DeleteSheet(raw, s3))
	_, err = DeleteSheet(raw, FirstSheetID)
	wantEditErr(t, err, "at least one sheet")
	_, err = MoveSheet(raw, "nope", 0)
	wantEditErr(t, err, "no sheet")
	for range MaxSheets - 1 {
		raw, _, err = AddSheet(raw, "")
		if err != nil {
			t.Fatal(err)
		}
	}
	_, _, err = AddSheet(raw, "")
	wantEditErr(t, err, "at most 20 sheets")
}

func TestTiles(t *testing.T) {
	raw := must[[]byte](t)(NewAnalysis("sales", arn))
	raw, v, _ := AddVisual(raw, FirstSheetID, "BarChartVisual")
	if got := must[Tile](t)(TileOf(raw, v)); got != (Tile{-1, -1, 18, 12}) {
		t.Fatalf("new tile %+v", got)
	}
	raw = must[[]byte](t)(SetTile(raw, v, Tile{Column: 6, Row: 3, ColumnSpan: 30, RowSpan: 8}))
	if got := must[Tile](t)(TileOf(raw, v)); got != (Tile{6, 3, 30, 8}) {
		t.Fatalf("tile %+v", got)
	}
	if !strings.Contains(string(raw), `"ColumnIndex":6,"ColumnSpan":30,"ElementId":"visual-1","ElementType":"VISUAL","RowIndex":3,"RowSpan":8`) {
		t.Fatalf("grid element: %s", raw)
	}
	for _, bad := range []Tile{{7, 0, 30, 8}, {0, 0, 0, 8}, {0, 0, 37, 8}, {0, -1, 10, 8}, {0, 0, 10, 22}} {
		_, err := SetTile(raw, v, bad)
		wantEditErr(t, err, "a tile")
	}
}

func TestFormat(t *testing.T) {
	raw := must[[]byte](t)(NewAnalysis("sales", arn))
	// Every option of every type is where the model puts it.
	for _, k := range Kinds {
		var v string
		var err error
		raw, v, err = AddVisual(raw, FirstSheetID, k.Kind)
		if err != nil {
			t.Fatal(err)
		}
		values := map[string]string{FormatLegend: "HIDDEN", FormatDataLabels: "VISIBLE", FormatColor: "#1f77b4", FormatCategoryLabel: "Region", FormatValueLabel: "Revenue"}
		for _, o := range FormatOptions(k.Kind) {
			if raw, err = SetFormat(raw, v, o, values[o]); err != nil {
				t.Fatalf("%s %s: %v", k.Kind, o, err)
			}
			want := values[o]
			if o == FormatColor {
				want = "#1F77B4"
			}
			if got := must[string](t)(FormatValue(raw, v, o)); got != want {
				t.Fatalf("%s %s = %q", k.Kind, o, got)
			}
		}
		raw = must[[]byte](t)(SetTitle(raw, v, false, "Revenue by region"))
		raw = must[[]byte](t)(SetTitle(raw, v, true, "All years"))
		if raw, err = DeleteVisual(raw, v); err != nil {
			t.Fatal(err)
		}
	}
	raw, v, _ := AddVisual(raw, FirstSheetID, "TableVisual")
	_, err := SetFormat(raw, v, FormatLegend, "HIDDEN")
	wantEditErr(t, err, "a table has no legend option")
	raw, v, _ = AddVisual(raw, FirstSheetID, "BarChartVisual")
	_, err = SetFormat(raw, v, FormatColor, "red")
	wantEditErr(t, err, "#RRGGBB")
	_, err = SetFormat(raw, v, FormatLegend, "MAYBE")
	wantEditErr(t, err, "VISIBLE or HIDDEN")
	raw = must[[]byte](t)(SetTitle(raw, v, true, "Sub"))
	raw = must[[]byte](t)(SetTitle(raw, v, false, ""))
	var d struct {
		Sheets []struct{ Visuals []map[string]json.RawMessage }
	}
	must[struct{}](t)(struct{}{}, json.Unmarshal(raw, &d))
	got := string(d.Sheets[0].Visuals[1]["BarChartVisual"])
	if !strings.Contains(got, `"Title":{"Visibility":"HIDDEN"}`) || !strings.Contains(got, `"Subtitle":{"FormatText":{"PlainText":"Sub"},"Visibility":"VISIBLE"}`) {
		t.Fatalf("title and subtitle: %s", got)
	}
}

func TestActions(t *testing.T) {
	raw := must[[]byte](t)(NewAnalysis("sales", arn))
	raw, bar, _ := AddVisual(raw, FirstSheetID, "BarChartVisual")
	raw, regionID, _ := AddField(raw, bar, "Category", region, -1)
	raw, _, _ = AddField(raw, bar, "Values", revenue, -1)
	raw, table, _ := AddVisual(raw, FirstSheetID, "TableVisual")
	raw, s2, _ := AddSheet(raw, "Detail")
	raw, fa, err := AddFilterAction(raw, bar, FilterAction{Fields: []string{regionID}, TargetVisuals: []string{table}})
	if err != nil {
		t.Fatal(err)
	}
	raw, na, err := AddNavigationAction(raw, bar, "Open detail", s2)
	if err != nil {
		t.Fatal(err)
	}
	if fa != "visual-1-action-1" || na != "visual-1-action-2" {
		t.Fatalf("ids %s %s", fa, na)
	}
	def, err := definition.Parse(raw)
	if err != nil {
		t.Fatal(err)
	}
	var got struct{ Actions []map[string]any }
	must[struct{}](t)(struct{}{}, json.Unmarshal(def.Sheets[0].Visuals[0].Raw, &got))
	b, _ := json.Marshal(got.Actions)
	want := `[{"ActionOperations":[{"FilterOperation":{"SelectedFieldsConfiguration":{"SelectedFields":["visual-1.region-1"]},"TargetVisualsConfiguration":{"SameSheetTargetVisualConfiguration":{"TargetVisuals":["visual-2"]}}}}],"CustomActionId":"visual-1-action-1","Name":"Filter","Status":"ENABLED","Trigger":"DATA_POINT_MENU"},` +
		`{"ActionOperations":[{"NavigationOperation":{"LocalNavigationConfiguration":{"TargetSheetId":"sheet-2"}}}],"CustomActionId":"visual-1-action-2","Name":"Open detail","Status":"ENABLED","Trigger":"DATA_POINT_CLICK"}]`
	if string(b) != want {
		t.Fatalf("actions\n%s\nwant\n%s", b, want)
	}
	_, _, err = AddFilterAction(raw, bar, FilterAction{TargetVisuals: []string{bar}})
	wantEditErr(t, err, "not its own")
	_, _, err = AddFilterAction(raw, bar, FilterAction{Fields: []string{"nope"}})
	wantEditErr(t, err, "no field nope")
	_, _, err = AddNavigationAction(raw, bar, "", FirstSheetID)
	wantEditErr(t, err, "not its own")

	// A type change keeps the actions whose fields it keeps.
	raw = must[[]byte](t)(ChangeType(raw, bar, "PieChartVisual"))
	if n := strings.Count(string(raw), "CustomActionId"); n != 2 {
		t.Fatalf("%d actions after a type change", n)
	}
	// A deleted target leaves the action filtering nothing, never all.
	raw = must[[]byte](t)(DeleteVisual(raw, table))
	if !strings.Contains(string(raw), `"SameSheetTargetVisualConfiguration":{"TargetVisuals":[]}`) {
		t.Fatalf("after deleting the target: %s", raw)
	}
	raw = must[[]byte](t)(RemoveAction(raw, bar, fa))
	raw = must[[]byte](t)(RemoveAction(raw, bar, na))
	if strings.Contains(string(raw), "CustomActionId") {
		t.Fatalf("actions stay: %s", raw)
	}
}

func TestSuggestKind(t *testing.T) {
	amount := Column{"sales", "quantity", "INTEGER"}
	for _, c := range []struct {
		cols []Column
		want string
	}{
		{nil, ""},
		{[]Column{revenue}, "KPIVisual"},
		{[]Column{date, revenue}, "LineChartVisual"},
		{[]Column{region, revenue}, "BarChartVisual"},
		{[]Column{region, revenue, amount}, "ScatterPlotVisual"},
		{[]Column{region, Column{"sales", "segment", "STRING"}, revenue}, "HeatMapVisual"},
		{[]Column{region}, "TableVisual"},
	} {
		raw := must[[]byte](t)(NewAnalysis("sales", arn))
		raw, v, _ := AddVisual(raw, FirstSheetID, "TableVisual")
		for _, col := range c.cols {
			well := "GroupBy"
			if col.numeric() {
				well = "Values"
			}
			raw, _, _ = AddField(raw, v, well, col, -1)
		}
		def, err := definition.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		if got := SuggestKind(&def.Sheets[0].Visuals[0]); got != c.want {
			t.Errorf("%v: %q, want %q", c.cols, got, c.want)
		}
	}
}

// TestEveryKindTakesFields: each type the picker offers takes a dimension
// and a measure in its wells, and a type change between any two keeps
// what fits; every result is model-valid (encode validates).
func TestEveryKindTakesFields(t *testing.T) {
	for _, k := range Kinds {
		raw := must[[]byte](t)(NewAnalysis("sales", arn))
		raw, v, err := AddVisual(raw, FirstSheetID, k.Kind)
		if err != nil {
			t.Fatalf("%s: %v", k.Kind, err)
		}
		for _, w := range k.Wells {
			col := region
			if w.Measure {
				col = revenue
			}
			if raw, _, err = AddField(raw, v, w.Name, col, -1); err != nil {
				t.Fatalf("%s %s: %v", k.Kind, w.Name, err)
			}
			break
		}
		for _, to := range Kinds {
			if _, err := ChangeType(raw, v, to.Kind); err != nil {
				t.Errorf("%s → %s: %v", k.Kind, to.Kind, err)
			}
		}
	}
}
