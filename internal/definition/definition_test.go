package definition

import (
	"os"
	"strings"
	"testing"

	sg "github.com/sightglass/sightglass"
)

func loadSales(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/sales.json")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseSales(t *testing.T) {
	d, err := Parse(loadSales(t))
	if err != nil {
		t.Fatal(err)
	}
	if err := d.Check(); err != nil {
		t.Fatalf("Check: %v", err)
	}
	if got := d.SheetList(); len(got) != 3 || got[0] != (Sheet{"overview", "Overview"}) || got[2] != (Sheet{"notes", "Notes"}) {
		t.Fatalf("SheetList = %+v", got)
	}
	if got := d.DataSetARNs(); len(got) != 1 || got[0] != "arn:aws:quicksight:us-east-1:123456789012:dataset/tf-sales" {
		t.Fatalf("DataSetARNs = %v", got)
	}
	var kinds []string
	for _, s := range d.Sheets {
		for _, v := range s.Visuals {
			kinds = append(kinds, v.Kind+"/"+v.VisualID)
			if !v.Supported() {
				t.Errorf("%s: Supported() = %v", v.Kind, v.Supported())
			}
		}
	}
	want := "KPIVisual/kpi-sales BarChartVisual/bar-region LineChartVisual/line-trend PieChartVisual/pie-category SankeyDiagramVisual/sankey-flow TableVisual/table-orders PivotTableVisual/pivot-region-month ScatterPlotVisual/scatter-discount ComboChartVisual/combo-monthly HeatMapVisual/heat-region-category"
	if got := strings.Join(kinds, " "); got != want {
		t.Fatalf("visuals:\n got %s\nwant %s", got, want)
	}

	bar := d.Sheets[0].Visuals[1].BarChartVisual
	wells := bar.ChartConfiguration.FieldWells.BarChartAggregatedFieldWells
	if wells.Category[0].CategoricalDimensionField.Column.ColumnName != "region" ||
		wells.Values[0].NumericalMeasureField.AggregationFunction.SimpleNumericalAggregation != "SUM" ||
		wells.Colors[0].CategoricalDimensionField.Column.ColumnName != "category" {
		t.Fatalf("bar field wells: %+v", wells)
	}
	sort := bar.ChartConfiguration.SortConfiguration
	if sort.CategorySort[0].FieldSort.FieldId != "bar-region-v" || sort.CategorySort[0].FieldSort.Direction != "DESC" || *sort.CategoryItemsLimit.ItemsLimit != 10 {
		t.Fatalf("bar sort: %+v", sort)
	}
	if bar.ChartConfiguration.Orientation != "HORIZONTAL" {
		t.Fatalf("orientation %q", bar.ChartConfiguration.Orientation)
	}
	pie := d.Sheets[0].Visuals[3].PieChartVisual.ChartConfiguration
	if pie.DonutOptions == nil || pie.FieldWells.PieChartAggregatedFieldWells.Values[0].CategoricalMeasureField.AggregationFunction != "DISTINCT_COUNT" {
		t.Fatalf("pie: %+v", pie)
	}
	p90 := d.Sheets[1].Visuals[0].TableVisual.ChartConfiguration.FieldWells.TableAggregatedFieldWells.Values[2]
	if *p90.NumericalMeasureField.AggregationFunction.PercentileAggregation.PercentileValue != 90 {
		t.Fatalf("percentile: %+v", p90)
	}
	grid := d.Sheets[0].Layouts[0].Configuration.GridLayout.Elements
	if len(grid) != 6 || grid[2].ElementId != "bar-region" || *grid[2].ColumnSpan != 24 || *grid[2].ColumnIndex != 12 {
		t.Fatalf("grid: %+v", grid)
	}

	typ, name, vt := d.ParameterDeclarations[1].Kind()
	if typ != ParameterInteger || name != "TopN" || vt != "SINGLE_VALUED" || d.ParameterDeclarations[1].IntegerParameterDeclaration.DefaultValues.StaticValues[0] != 10 {
		t.Fatalf("integer parameter: %s %s %s", typ, name, vt)
	}
	if d.ParameterDeclarations[3].DateTimeParameterDeclaration.DefaultValues.RollingDate.Expression != "truncDate('YYYY', now())" {
		t.Fatal("datetime parameter default")
	}
	var filterKinds []string
	for _, g := range d.FilterGroups {
		for _, f := range g.Filters {
			k, _, _ := f.Kind()
			filterKinds = append(filterKinds, k)
		}
	}
	if got := strings.Join(filterKinds, " "); got != "CategoryFilter NumericRangeFilter NumericEqualityFilter TimeRangeFilter RelativeDatesFilter TopBottomFilter" {
		t.Fatalf("filters: %s", got)
	}
	scope := d.FilterGroups[1].ScopeConfiguration.SelectedSheets.SheetVisualScopingConfigurations[0]
	if scope.SheetId != "overview" || scope.Scope != "SELECTED_VISUALS" || len(scope.VisualIds) != 2 || d.FilterGroups[0].ScopeConfiguration.AllSheets == nil {
		t.Fatalf("scopes: %+v", scope)
	}
	if k, id, src, title := d.Sheets[0].FilterControls[0].Kind(); k != "Slider" || id != "fc-sales" || src != "f-sales" || title != "Sales" {
		t.Fatalf("filter control: %s %s %s %s", k, id, src, title)
	}
	if k, _, src, _ := d.Sheets[0].ParameterControls[0].Kind(); k != "Dropdown" || src != "Region" {
		t.Fatalf("parameter control: %s %s", k, src)
	}

	refs := d.ColumnRefs()
	found := map[string]bool{}
	for _, r := range refs {
		found[r.ColumnName] = true
		if r.DataSetIdentifier != "sales" {
			t.Errorf("ref %+v", r)
		}
	}
	for _, col := range []string{"region", "sales", "order_date", "category", "product", "Profit", "Margin", "discount", "quantity", "order_id"} {
		if !found[col] {
			t.Errorf("ColumnRefs misses %s", col)
		}
	}
	const sankeyPath = "Sheets[0].Visuals[4].SankeyDiagramVisual.ChartConfiguration.FieldWells.SankeyDiagramAggregatedFieldWells.Weight[0].NumericalMeasureField.Column"
	if !containsRef(refs, sankeyPath) {
		t.Errorf("ColumnRefs misses the unrenderable visual's column at %s", sankeyPath)
	}
}

func containsRef(refs []ColumnRef, path string) bool {
	for _, r := range refs {
		if r.Path == path {
			return true
		}
	}
	return false
}

func TestParseErrors(t *testing.T) {
	for _, tc := range []struct{ name, json, msg string }{
		{"not an object", `[1]`, "must be a JSON object"},
		{"empty", ``, "must be a JSON object"},
		{"bad JSON", `{"Sheets": [}`, "not valid JSON"},
		{"wrong type", `{"Sheets": "x"}`, "Definition member Sheets must be of type"},
		{"wrong nested type", `{"Sheets": [{"SheetId": 5}]}`, "Sheets.SheetId"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Parse([]byte(tc.json))
			if sg.ErrorCode(err) != sg.EINVALID || !strings.Contains(sg.ErrorMessage(err), tc.msg) {
				t.Fatalf("Parse(%s) = %v, want EINVALID with %q", tc.json, err, tc.msg)
			}
		})
	}
}

func TestCheckErrors(t *testing.T) {
	const ds = `"DataSetIdentifierDeclarations":[{"Identifier":"d","DataSetArn":"arn:x"}]`
	for _, tc := range []struct{ name, json, msg string }{
		{"no declarations", `{"Sheets":[]}`, "Value null at 'definition.dataSetIdentifierDeclarations' failed to satisfy constraint: Member must not be null"},
		{"empty declarations", `{"DataSetIdentifierDeclarations":[]}`, "Member must have length greater than or equal to 1"},
		{"declaration without arn", `{"DataSetIdentifierDeclarations":[{"Identifier":"d"}]}`, "definition.dataSetIdentifierDeclarations.1.member.dataSetArn"},
		{"duplicate identifier", `{"DataSetIdentifierDeclarations":[{"Identifier":"d","DataSetArn":"a"},{"Identifier":"d","DataSetArn":"b"}]}`, "declared more than once"},
		{"sheet without id", `{` + ds + `,"Sheets":[{"Name":"x"}]}`, "definition.sheets.1.member.sheetId"},
		{"bad sheet id", `{` + ds + `,"Sheets":[{"SheetId":"a b"}]}`, `Value 'a b' at 'definition.sheets.1.member.sheetId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\w\-]+`},
		{"duplicate sheet", `{` + ds + `,"Sheets":[{"SheetId":"a"},{"SheetId":"a"}]}`, "Sheet id a is used by more than one sheet"},
		{"bad content type", `{` + ds + `,"Sheets":[{"SheetId":"a","ContentType":"X"}]}`, "enum value set: [PAGINATED, INTERACTIVE]"},
		{"visual with two members", `{` + ds + `,"Sheets":[{"SheetId":"a","Visuals":[{"BarChartVisual":{"VisualId":"v"},"KPIVisual":{"VisualId":"w"}}]}]}`, "Exactly one member of definition.sheets.1.member.visuals.1.member must be set; 2 are"},
		{"empty visual", `{` + ds + `,"Sheets":[{"SheetId":"a","Visuals":[{}]}]}`, "0 are"},
		{"visual without id", `{` + ds + `,"Sheets":[{"SheetId":"a","Visuals":[{"KPIVisual":{}}]}]}`, "definition.sheets.1.member.visuals.1.member.kpiVisual.visualId"},
		{"duplicate visual", `{` + ds + `,"Sheets":[{"SheetId":"a","Visuals":[{"KPIVisual":{"VisualId":"v"}}]},{"SheetId":"b","Visuals":[{"WordCloudVisual":{"VisualId":"v"}}]}]}`, "Visual id v is used by more than one visual"},
		{"undeclared dataset in unrenderable visual", `{` + ds + `,"Sheets":[{"SheetId":"a","Visuals":[{"WordCloudVisual":{"VisualId":"v","ChartConfiguration":{"FieldWells":{"WordCloudAggregatedFieldWells":{"GroupBy":[{"CategoricalDimensionField":{"FieldId":"f","Column":{"DataSetIdentifier":"other","ColumnName":"c"}}}]}}}}}]}]}`, "Data set identifier other at Sheets[0].Visuals[0].WordCloudVisual"},
		{"two layouts", `{` + ds + `,"Sheets":[{"SheetId":"a","Layouts":[{"Configuration":{}},{"Configuration":{}}]}]}`, "Member must have length less than or equal to 1"},
		{"grid span", `{` + ds + `,"Sheets":[{"SheetId":"a","Layouts":[{"Configuration":{"GridLayout":{"Elements":[{"ElementId":"x","ElementType":"VISUAL","ColumnSpan":37,"RowSpan":1}]}}}]}]}`, "Value '37' at 'definition.sheets.1.member.layouts.1.member.configuration.gridLayout.elements.1.member.columnSpan' failed to satisfy constraint: Member must have value between 1 and 36"},
		{"calculated field dataset", `{` + ds + `,"CalculatedFields":[{"DataSetIdentifier":"x","Name":"n","Expression":"1"}]}`, "Data set identifier x at definition.calculatedFields.1.member.dataSetIdentifier is not declared"},
		{"calculated field name", `{` + ds + `,"CalculatedFields":[{"DataSetIdentifier":"d","Name":"` + strings.Repeat("n", 129) + `","Expression":"1"}]}`, "Member must have length less than or equal to 128"},
		{"parameter name", `{` + ds + `,"ParameterDeclarations":[{"StringParameterDeclaration":{"Name":"a-b","ParameterValueType":"SINGLE_VALUED"}}]}`, "^[a-zA-Z0-9]+$"},
		{"parameter value type", `{` + ds + `,"ParameterDeclarations":[{"IntegerParameterDeclaration":{"Name":"a"}}]}`, "integerParameterDeclaration.parameterValueType"},
		{"duplicate parameter", `{` + ds + `,"ParameterDeclarations":[{"IntegerParameterDeclaration":{"Name":"a","ParameterValueType":"SINGLE_VALUED"}},{"DateTimeParameterDeclaration":{"Name":"a"}}]}`, "Parameter a is declared more than once"},
		{"filter group without scope", `{` + ds + `,"FilterGroups":[{"FilterGroupId":"g","CrossDataset":"SINGLE_DATASET","Filters":[]}]}`, "definition.filterGroups.1.member.scopeConfiguration"},
		{"filter group cross dataset", `{` + ds + `,"FilterGroups":[{"FilterGroupId":"g","CrossDataset":"SOME","Filters":[],"ScopeConfiguration":{"AllSheets":{}}}]}`, "[ALL_DATASETS, SINGLE_DATASET]"},
		{"filter column", `{` + ds + `,"FilterGroups":[{"FilterGroupId":"g","CrossDataset":"SINGLE_DATASET","Filters":[{"CategoryFilter":{"FilterId":"f"}}],"ScopeConfiguration":{"AllSheets":{}}}]}`, "categoryFilter.column"},
		{"scope sheet", `{` + ds + `,"FilterGroups":[{"FilterGroupId":"g","CrossDataset":"SINGLE_DATASET","Filters":[],"ScopeConfiguration":{"SelectedSheets":{"SheetVisualScopingConfigurations":[{"SheetId":"nope","Scope":"ALL_VISUALS"}]}}}]}`, "scoped to sheet nope, which does not exist"},
		{"scope visual", `{` + ds + `,"Sheets":[{"SheetId":"a"}],"FilterGroups":[{"FilterGroupId":"g","CrossDataset":"SINGLE_DATASET","Filters":[],"ScopeConfiguration":{"SelectedSheets":{"SheetVisualScopingConfigurations":[{"SheetId":"a","Scope":"SELECTED_VISUALS","VisualIds":["v"]}]}}}]}`, "scoped to visual v, which is not on sheet a"},
		{"filter control source", `{` + ds + `,"Sheets":[{"SheetId":"a","FilterControls":[{"Dropdown":{"FilterControlId":"c","SourceFilterId":"nope","Title":"t"}}]}]}`, "names filter nope, which does not exist"},
		{"parameter control source", `{` + ds + `,"Sheets":[{"SheetId":"a","ParameterControls":[{"TextField":{"ParameterControlId":"c","SourceParameterName":"nope","Title":"t"}}]}]}`, "names parameter nope, which is not declared"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse([]byte(tc.json))
			if err == nil {
				err = d.Check()
			}
			if sg.ErrorCode(err) != sg.EINVALID || !strings.Contains(sg.ErrorMessage(err), tc.msg) {
				t.Fatalf("got %v, want EINVALID containing %q", err, tc.msg)
			}
		})
	}
}

func TestLowerFirst(t *testing.T) {
	for in, want := range map[string]string{"KPIVisual": "kpiVisual", "BarChartVisual": "barChartVisual", "": "", "X": "x"} {
		if got := lowerFirst(in); got != want {
			t.Errorf("lowerFirst(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWells(t *testing.T) {
	d, err := Parse(loadSales(t))
	if err != nil {
		t.Fatal(err)
	}
	describe := func(v *Visual) string {
		var parts []string
		for _, w := range v.Wells() {
			var fs []string
			for _, f := range w.Fields {
				s := f.FieldID + ":" + f.Kind
				if f.Column != nil {
					s += "(" + f.Column.ColumnName + ")"
				}
				if f.DateGranularity != "" {
					s += "/" + f.DateGranularity
				}
				if f.Aggregation != "" {
					s += "/" + f.Aggregation
				}
				if f.Expression != "" {
					s += "=" + f.Expression
				}
				fs = append(fs, s)
			}
			parts = append(parts, w.Name+"["+strings.Join(fs, ",")+"]")
		}
		return strings.Join(parts, " ")
	}
	for _, tc := range []struct {
		sheet, visual int
		title, wells  string
	}{
		{0, 0, "Total sales", "TrendGroups[kpi-sales-t:DateDimensionField(order_date)/MONTH] Values[kpi-sales-v:NumericalMeasureField(sales)/SUM]"},
		{0, 1, "Sales by region", "Category[bar-region-c:CategoricalDimensionField(region)] Colors[bar-region-g:CategoricalDimensionField(category)] Values[bar-region-v:NumericalMeasureField(sales)/SUM]"},
		{0, 2, "", "Category[line-trend-c:DateDimensionField(order_date)/MONTH] Values[line-trend-v:NumericalMeasureField(sales)/SUM,line-trend-m:CalculatedMeasureField=sum({sales}) - sum({cost})]"},
		{0, 3, "", "Category[pie-category-c:CategoricalDimensionField(category)] Values[pie-category-v:CategoricalMeasureField(order_id)/DISTINCT_COUNT]"},
		{0, 4, "", "Source[sankey-s:CategoricalDimensionField(region)] Destination[sankey-d:CategoricalDimensionField(category)] Weight[sankey-w:NumericalMeasureField(sales)/SUM]"},
		{1, 0, "", "GroupBy[t-product:CategoricalDimensionField(product),t-month:DateDimensionField(order_date)/MONTH] Values[t-sales:NumericalMeasureField(sales)/SUM,t-profit:NumericalMeasureField(Profit)/SUM,t-p90:NumericalMeasureField(sales)/PERCENTILE]"},
		{1, 1, "", "Rows[p-region:CategoricalDimensionField(region)] Columns[p-quarter:DateDimensionField(order_date)/QUARTER] Values[p-sales:NumericalMeasureField(sales)/AVERAGE]"},
		{1, 2, "", "Category[s-c:CategoricalDimensionField(product)] XAxis[s-x:NumericalMeasureField(discount)/AVERAGE] YAxis[s-y:NumericalMeasureField(Margin)/AVERAGE] Size[s-size:NumericalMeasureField(quantity)/SUM]"},
		{1, 3, "", "Category[c-month:DateDimensionField(order_date)/MONTH] BarValues[c-sales:NumericalMeasureField(sales)/SUM] LineValues[c-qty:NumericalMeasureField(quantity)/SUM]"},
	} {
		v := &d.Sheets[tc.sheet].Visuals[tc.visual]
		if got := v.Title(); got != tc.title {
			t.Errorf("%s title %q, want %q", v.VisualID, got, tc.title)
		}
		if got := describe(v); got != tc.wells {
			t.Errorf("%s wells:\n got %s\nwant %s", v.VisualID, got, tc.wells)
		}
	}
}

func TestFiltersFor(t *testing.T) {
	d, err := Parse(loadSales(t))
	if err != nil {
		t.Fatal(err)
	}
	ids := func(sheet, visual string) string {
		var out []string
		for _, f := range d.FiltersFor(sheet, visual) {
			_, id, _ := f.Filter.Kind()
			out = append(out, f.Group.FilterGroupId+"/"+id)
		}
		return strings.Join(out, " ")
	}
	for _, tc := range []struct{ sheet, visual, want string }{
		{"overview", "bar-region", "fg-region/f-region fg-sales/f-sales fg-dates/f-range fg-dates/f-relative"},
		{"overview", "kpi-sales", "fg-region/f-region fg-dates/f-range fg-dates/f-relative"},
		{"details", "pivot-region-month", "fg-region/f-region fg-qty/f-qty fg-dates/f-range fg-dates/f-relative"},
		{"details", "table-orders", "fg-region/f-region fg-qty/f-qty fg-dates/f-range fg-dates/f-relative"}, // fg-top is DISABLED
	} {
		if got := ids(tc.sheet, tc.visual); got != tc.want {
			t.Errorf("FiltersFor(%s, %s):\n got %s\nwant %s", tc.sheet, tc.visual, got, tc.want)
		}
	}
}
