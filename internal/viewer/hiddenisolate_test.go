package viewer_test

import (
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/viewer"
)

// TestHiddenIsolated: a table with two conditional formats, one that
// cannot be computed (a console-written comparison of a sum with a
// string), draws the other and names the one it left out, instead of
// leaving both out.
func TestHiddenIsolated(t *testing.T) {
	render, db := sampleFixture(t, `[{"TableVisual": {"VisualId": "t", "ChartConfiguration": {"FieldWells": {"TableAggregatedFieldWells": {
		"GroupBy": [`+pRegion+`], "Values": [`+pSum+`]}}},
		"ConditionalFormatting": {"ConditionalFormattingOptions": [
		  {"Cell": {"FieldId": "rev", "TextFormat": {"TextColor": {"Solid": {"Expression": "SUM({revenue}) > 0", "Color": "#DE3B00"}}}}},
		  {"Cell": {"FieldId": "rev", "TextFormat": {"BackgroundColor": {"Solid": {"Expression": "(SUM({revenue}) >= 0) AND (SUM({revenue}) <= \"TOP_25_PERCENT\")", "Color": "#00FF00"}}}}}]}}}]`)
	tl := render("t")
	if tl.Kind != viewer.TileTable {
		t.Fatalf("%s: %s", tl.Kind, tl.Message)
	}
	regions := sqlOrder(t, db, `SELECT region, 0 FROM orders GROUP BY 1`)
	if len(tl.Table.Rows) != len(regions) {
		t.Fatalf("%d rows, SQL %d", len(tl.Table.Rows), len(regions))
	}
	for _, r := range tl.Table.Rows {
		if f := r[1].Format; f.Color != "#DE3B00" || f.Background != "" {
			t.Errorf("row %s: format %+v, want the text color alone", r[0].Text, f)
		}
	}
	notes := strings.Join(tl.Notes, " ")
	if !strings.Contains(notes, `A conditional format or computed reference line is not shown: cannot compare a decimal value with a string value (its expression: (SUM({revenue}) >= 0) AND (SUM({revenue}) <= "TOP_25_PERCENT")).`) ||
		strings.Contains(notes, "__sg_hidden") || len(tl.Notes) != 1 {
		t.Errorf("notes %q", notes)
	}
}
