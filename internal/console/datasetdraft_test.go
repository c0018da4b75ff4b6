package console

import (
	"encoding/json"
	"strings"
	"testing"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/dataset"
)

const testSourceARN = "arn:aws:quicksight:us-east-1:123456789012:datasource/shop"

func ordersDraft() *draft {
	return startTable(testSourceARN, "shop", "", "orders", []dataset.InputColumn{{Name: "id", Type: "INTEGER"}, {Name: "customer_id", Type: "INTEGER"}, {Name: "region", Type: "STRING"}})
}

// parsed checks a draft with the dataset package (what CreateDataSet
// runs first) and returns its output columns.
func parsed(t *testing.T, d *draft) []string {
	t.Helper()
	physical, logical := d.maps()
	tables, err := dataset.Parse(physical, logical)
	if err != nil {
		t.Fatalf("draft does not parse: %v\n%s", err, d.JSON())
	}
	var out []string
	for _, c := range tables.OutputColumns() {
		out = append(out, c.Name+" "+c.Type)
	}
	return out
}

func TestDraftJoinRenamesClashes(t *testing.T) {
	d := ordersDraft()
	out := []sg.DataSetColumn{{Name: "id", Type: "INTEGER"}, {Name: "customer_id", Type: "INTEGER"}, {Name: "region", Type: "STRING"}}
	customers := []dataset.InputColumn{{Name: "id", Type: "INTEGER"}, {Name: "region", Type: "STRING"}, {Name: "name", Type: "STRING"}}
	if err := d.join(testSourceARN, "", "customers", customers, out, "LEFT", "customer_id", "id"); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(parsed(t, d), ", ")
	if want := "id INTEGER, customer_id INTEGER, region STRING, id[customers] INTEGER, region[customers] STRING, name STRING"; got != want {
		t.Fatalf("columns %s, want %s", got, want)
	}
	if root := d.root(); root != "j1" || d.LogicalTableMap[root].source().JoinInstruction.OnClause != "{customer_id} = {id[customers]}" {
		t.Fatalf("root %s: %s", root, d.JSON())
	}
	// The join type and keys of different types are refused before the
	// draft changes.
	before := d.JSON()
	if err := d.join(testSourceARN, "", "customers", customers, out, "CROSS", "id", "id"); err == nil {
		t.Error("a CROSS join was accepted")
	}
	err := d.join(testSourceARN, "", "customers", customers, out, "INNER", "region", "id")
	if err == nil || !strings.Contains(sg.ErrorMessage(err), "region is STRING and id is INTEGER") {
		t.Errorf("keys of different types: %v", err)
	}
	if d.JSON() != before {
		t.Error("a refused join changed the draft")
	}
}

func TestDraftColumnSteps(t *testing.T) {
	d := ordersDraft()
	cols := []sg.DataSetColumn{{Name: "id", Type: "INTEGER"}, {Name: "customer_id", Type: "INTEGER"}, {Name: "region", Type: "STRING"}}
	for _, step := range []func() error{
		func() error { return d.rename("region", "area") },
		func() error { return d.cast("customer_id", "STRING", "") },
		func() error { return d.calculated("twice", "{id} * 2") },
		func() error { return d.filter("{area} <> 'North'") },
	} {
		if err := step(); err != nil {
			t.Fatal(err)
		}
	}
	if got := strings.Join(parsed(t, d), ", "); got != "id INTEGER, customer_id STRING, area STRING, twice INTEGER" {
		t.Fatalf("columns %s", got)
	}
	steps, _ := describe(d)
	var texts []string
	for _, s := range steps {
		texts = append(texts, s.Text)
	}
	if got := strings.Join(texts, "; "); got != "Rename region to area; Change the type of customer_id to STRING; Calculated field twice = {id} * 2; Filter: {area} <> 'North'" {
		t.Errorf("steps: %s", got)
	}
	if err := d.removeStep(3); err != nil {
		t.Fatal(err)
	}
	if err := d.removeStep(3); err == nil {
		t.Error("removed a step that is not there")
	}
	if err := d.exclude(cols[:1], "id"); err == nil {
		t.Error("excluded the last column")
	}
	if err := d.exclude(cols, "nope"); err == nil {
		t.Error("excluded a column that is not there")
	}
	// A draft survives its round trip through the page.
	again, err := parseDraft(d.JSON())
	if err != nil || again.JSON() != d.JSON() {
		t.Fatalf("round trip: %v", err)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(d.JSON()), &m); err != nil || m["ImportMode"] != sg.ImportDirectQuery {
		t.Errorf("draft JSON: %v %v", err, m)
	}
}

func TestParseDraftRefuses(t *testing.T) {
	for _, raw := range []string{"", "{", `{"LogicalTableMap":{"a":null}}`, strings.Repeat(" ", maxDraftBytes+1)} {
		if _, err := parseDraft(raw); sg.ErrorCode(err) != sg.EINVALID {
			t.Errorf("parseDraft(%.20q): %v", raw, err)
		}
	}
}
