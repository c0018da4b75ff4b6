package definition

import (
	"os"
	"testing"

	sg "github.com/sightglass/sightglass"
)

// FuzzParseDefinition feeds arbitrary bytes to Parse, Check and the
// accessors: they must not panic, and every failure must be EINVALID.
func FuzzParseDefinition(f *testing.F) {
	sales, err := os.ReadFile("testdata/sales.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sales)
	f.Add([]byte(`{}`))
	f.Add([]byte(`{"DataSetIdentifierDeclarations":[{"Identifier":"d","DataSetArn":"a"}],"Sheets":[{"SheetId":"s","Visuals":[{"BarChartVisual":{"VisualId":"v"}},{}]}]}`))
	f.Add([]byte(`{"Sheets":[{"Visuals":[{"KPIVisual":null,"X":1}]}],"FilterGroups":[{"Filters":[{}],"ScopeConfiguration":{"SelectedSheets":{}}}]}`))
	f.Add([]byte(`{"ParameterDeclarations":[{"IntegerParameterDeclaration":{"DefaultValues":{"StaticValues":[1e99]}}}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := Parse(b)
		if err != nil {
			if sg.ErrorCode(err) != sg.EINVALID {
				t.Fatalf("Parse error %v is not EINVALID", err)
			}
			return
		}
		if err := d.Check(); err != nil && sg.ErrorCode(err) != sg.EINVALID {
			t.Fatalf("Check error %v is not EINVALID", err)
		}
		d.SheetList()
		d.DataSetARNs()
		d.ColumnRefs()
		for i := range d.Sheets {
			for j := range d.Sheets[i].Visuals {
				d.Sheets[i].Visuals[j].Supported()
				d.Sheets[i].Visuals[j].Wells()
				d.Sheets[i].Visuals[j].Title()
				d.FiltersFor(d.Sheets[i].SheetId, d.Sheets[i].Visuals[j].VisualID)
			}
			for j := range d.Sheets[i].FilterControls {
				d.Sheets[i].FilterControls[j].Kind()
			}
			for j := range d.Sheets[i].ParameterControls {
				d.Sheets[i].ParameterControls[j].Kind()
			}
		}
		for i := range d.FilterGroups {
			for j := range d.FilterGroups[i].Filters {
				d.FilterGroups[i].Filters[j].Kind()
			}
		}
		for i := range d.ParameterDeclarations {
			d.ParameterDeclarations[i].Kind()
		}
	})
}
