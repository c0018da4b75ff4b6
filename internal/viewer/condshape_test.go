package viewer

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// A filled map's shape rule fills the regions whose condition holds with
// its color, out of the color scale; a row that matched no region is
// skipped without shifting the others; the rows the series carried for
// this are gone from the option.
func TestConditionalShapes(t *testing.T) {
	js := strings.Replace(filledCountry, `}}}}`, `}}, "ConditionalFormatting": {"ConditionalFormattingOptions": [
	  {"Shape": {"FieldId": "rev", "Format": {"BackgroundColor": {"Solid": {"Expression": "sum({revenue}) > 3", "Color": "#DE3B00"}}}}}]}}}`, 1)
	vis := visualOf(t, js)
	p, why := mapPlanOf(t, js, map[string]string{"country": "COUNTRY"})
	wantEq(t, "refused", why, "")
	x := New(&definition.Definition{}, nil, testNow).extrasOf(vis, p)
	if len(x.notes) != 0 || len(x.hidden) != 1 || x.hidden[0].expr != "ifelse(sum({revenue}) > 3, 1, 0)" {
		t.Fatalf("notes %v hidden %v", x.notes, x.hidden)
	}
	res, hidden := splitHidden(&Result{
		Columns: []query.ResultColumn{{ID: "c", Type: "STRING"}, {ID: "rev", Type: "DECIMAL", Role: query.RoleMeasure}, {}},
		Rows:    [][]any{{"United States", 10.5, 1}, {"Atlantis", 9.0, 1}, {"DEU", 4.0, 1}, {"fr", 2.0, 0}},
	}, 1)
	opt, _, _ := mapOption(p, res)
	x.formatShapes(opt, hidden)
	data := opt["series"].([]obj)[0]["data"].([]obj)
	red := obj{"areaColor": "#DE3B00", "color": "#DE3B00"}
	wantEq(t, "regions", data, []obj{
		{"name": "United States of America", "value": 10.5, "sgValue": "United States", "itemStyle": red, "visualMap": false},
		{"name": "Germany", "value": 4.0, "sgValue": "DEU", "itemStyle": red, "visualMap": false},
		{"name": "France", "value": 2.0, "sgValue": "fr"}})
	if b, _ := json.Marshal(opt); strings.Contains(string(b), shapeRows) {
		t.Errorf("the option keeps %s: %s", shapeRows, b)
	}
}
