package definition

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	sg "github.com/sightglass/sightglass"
)

// Definition is an AnalysisDefinition or a DashboardVersionDefinition.
type Definition struct {
	DataSetIdentifierDeclarations []DataSetIdentifierDeclaration `json:"DataSetIdentifierDeclarations"`
	Sheets                        []SheetDefinition              `json:"Sheets"`
	CalculatedFields              []CalculatedField              `json:"CalculatedFields"`
	ParameterDeclarations         []ParameterDeclaration         `json:"ParameterDeclarations"`
	FilterGroups                  []FilterGroup                  `json:"FilterGroups"`
	// Other members (ColumnConfigurations, AnalysisDefaults, Options, …)
	// are kept raw.
	ColumnConfigurations  json.RawMessage `json:"ColumnConfigurations,omitempty"`
	AnalysisDefaults      json.RawMessage `json:"AnalysisDefaults,omitempty"`
	Options               json.RawMessage `json:"Options,omitempty"`
	QueryExecutionOptions json.RawMessage `json:"QueryExecutionOptions,omitempty"`
	StaticFiles           json.RawMessage `json:"StaticFiles,omitempty"`
	TooltipSheets         json.RawMessage `json:"TooltipSheets,omitempty"`

	raw json.RawMessage // the definition as parsed
}

// SheetDefinition is one sheet of a definition.
type SheetDefinition struct {
	SheetId              string             `json:"SheetId"`
	Name                 string             `json:"Name,omitempty"`
	Title                string             `json:"Title,omitempty"`
	Description          string             `json:"Description,omitempty"`
	ContentType          string             `json:"ContentType,omitempty"`
	Visuals              []Visual           `json:"Visuals,omitempty"`
	Layouts              []Layout           `json:"Layouts,omitempty"`
	TextBoxes            []SheetTextBox     `json:"TextBoxes,omitempty"`
	FilterControls       []FilterControl    `json:"FilterControls,omitempty"`
	ParameterControls    []ParameterControl `json:"ParameterControls,omitempty"`
	Images               json.RawMessage    `json:"Images,omitempty"`
	SheetControlLayouts  json.RawMessage    `json:"SheetControlLayouts,omitempty"`
	CustomActionDefaults json.RawMessage    `json:"CustomActionDefaults,omitempty"`
}

// Visual kinds Sightglass renders; Visual.Kind holds the member name of
// any visual, these or others (such as "LayerMapVisual").
const (
	KindBar       = "BarChartVisual"
	KindLine      = "LineChartVisual"
	KindPie       = "PieChartVisual"
	KindTable     = "TableVisual"
	KindPivot     = "PivotTableVisual"
	KindKPI       = "KPIVisual"
	KindScatter   = "ScatterPlotVisual"
	KindCombo     = "ComboChartVisual"
	KindHeatMap   = "HeatMapVisual"
	KindTreeMap   = "TreeMapVisual"
	KindFunnel    = "FunnelChartVisual"
	KindGauge     = "GaugeChartVisual"
	KindWaterfall = "WaterfallVisual"
	KindHistogram = "HistogramVisual"
	KindBoxPlot   = "BoxPlotVisual"
	KindSankey    = "SankeyDiagramVisual"
	KindWordCloud = "WordCloudVisual"
	KindRadar     = "RadarChartVisual"
	KindFilledMap = "FilledMapVisual"
	KindPointMap  = "GeospatialMapVisual"
)

// Visual is QuickSight's Visual union. Exactly one member is set in a
// valid definition; Kind is its member name and VisualID its VisualId,
// whatever its type. The typed member is set for the kinds Sightglass
// renders; for other kinds only Kind, VisualID and Raw are.
type Visual struct {
	Kind     string
	VisualID string
	// Raw is the JSON of the member (the visual itself).
	Raw json.RawMessage

	BarChartVisual      *BarChartVisual
	LineChartVisual     *LineChartVisual
	PieChartVisual      *PieChartVisual
	TableVisual         *TableVisual
	PivotTableVisual    *PivotTableVisual
	KPIVisual           *KPIVisual
	ScatterPlotVisual   *ScatterPlotVisual
	ComboChartVisual    *ComboChartVisual
	HeatMapVisual       *HeatMapVisual
	TreeMapVisual       *TreeMapVisual
	FunnelChartVisual   *FunnelChartVisual
	GaugeChartVisual    *GaugeChartVisual
	WaterfallVisual     *WaterfallVisual
	HistogramVisual     *HistogramVisual
	BoxPlotVisual       *BoxPlotVisual
	SankeyDiagramVisual *SankeyDiagramVisual
	WordCloudVisual     *WordCloudVisual
	RadarChartVisual    *RadarChartVisual
	FilledMapVisual     *FilledMapVisual
	GeospatialMapVisual *GeospatialMapVisual
	LayerMapVisual      *LayerMapVisual
	PluginVisual        *PluginVisual

	members int // how many members the union object had
}

// Supported reports whether Sightglass renders the visual's kind.
func (v *Visual) Supported() bool {
	switch v.Kind {
	case KindBar, KindLine, KindPie, KindTable, KindPivot, KindKPI, KindScatter, KindCombo, KindHeatMap, KindTreeMap, KindFunnel, KindGauge, KindWaterfall, KindHistogram, KindBoxPlot, KindSankey, KindWordCloud, KindRadar, KindFilledMap, KindPointMap, KindLayerMap:
		return true
	case KindPlugin:
		return v.PluginVisual != nil && HighchartsPlugin(v.PluginVisual.PluginArn)
	}
	return false
}

// UnmarshalJSON decodes the union: the first (and normally only) member
// decides the kind.
func (v *Visual) UnmarshalJSON(b []byte) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	*v = Visual{members: len(m)}
	if len(m) == 0 {
		return nil
	}
	keys := memberOrder(b)
	if len(keys) == 0 {
		return nil
	}
	v.Kind = keys[0]
	v.Raw = m[v.Kind]
	var id struct {
		VisualId string
	}
	if err := json.Unmarshal(v.Raw, &id); err != nil {
		return fmt.Errorf("%s: %w", v.Kind, err)
	}
	v.VisualID = id.VisualId
	var target any
	switch v.Kind {
	case KindBar:
		v.BarChartVisual = new(BarChartVisual)
		target = v.BarChartVisual
	case KindLine:
		v.LineChartVisual = new(LineChartVisual)
		target = v.LineChartVisual
	case KindPie:
		v.PieChartVisual = new(PieChartVisual)
		target = v.PieChartVisual
	case KindTable:
		v.TableVisual = new(TableVisual)
		target = v.TableVisual
	case KindPivot:
		v.PivotTableVisual = new(PivotTableVisual)
		target = v.PivotTableVisual
	case KindKPI:
		v.KPIVisual = new(KPIVisual)
		target = v.KPIVisual
	case KindScatter:
		v.ScatterPlotVisual = new(ScatterPlotVisual)
		target = v.ScatterPlotVisual
	case KindCombo:
		v.ComboChartVisual = new(ComboChartVisual)
		target = v.ComboChartVisual
	case KindHeatMap:
		v.HeatMapVisual = new(HeatMapVisual)
		target = v.HeatMapVisual
	case KindTreeMap:
		v.TreeMapVisual = new(TreeMapVisual)
		target = v.TreeMapVisual
	case KindFunnel:
		v.FunnelChartVisual = new(FunnelChartVisual)
		target = v.FunnelChartVisual
	case KindGauge:
		v.GaugeChartVisual = new(GaugeChartVisual)
		target = v.GaugeChartVisual
	case KindWaterfall:
		v.WaterfallVisual = new(WaterfallVisual)
		target = v.WaterfallVisual
	case KindHistogram:
		v.HistogramVisual = new(HistogramVisual)
		target = v.HistogramVisual
	case KindBoxPlot:
		v.BoxPlotVisual = new(BoxPlotVisual)
		target = v.BoxPlotVisual
	case KindSankey:
		v.SankeyDiagramVisual = new(SankeyDiagramVisual)
		target = v.SankeyDiagramVisual
	case KindWordCloud:
		v.WordCloudVisual = new(WordCloudVisual)
		target = v.WordCloudVisual
	case KindRadar:
		v.RadarChartVisual = new(RadarChartVisual)
		target = v.RadarChartVisual
	case KindFilledMap:
		v.FilledMapVisual = new(FilledMapVisual)
		target = v.FilledMapVisual
	case KindPointMap:
		v.GeospatialMapVisual = new(GeospatialMapVisual)
		target = v.GeospatialMapVisual
	case KindLayerMap:
		v.LayerMapVisual = new(LayerMapVisual)
		target = v.LayerMapVisual
	case KindPlugin:
		v.PluginVisual = new(PluginVisual)
		target = v.PluginVisual
	default:
		return nil
	}
	return json.Unmarshal(v.Raw, target)
}

// memberOrder returns the member names of the JSON object b in order.
func memberOrder(b []byte) []string {
	dec := json.NewDecoder(bytes.NewReader(b))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	var keys []string
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return keys
		}
		k, _ := t.(string)
		keys = append(keys, k)
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return keys
		}
	}
	return keys
}

// Parse decodes a definition. It fails with EINVALID when raw is not a
// JSON object or a member has the wrong JSON type; it does not check the
// model's constraints (see Check).
func Parse(raw []byte) (*Definition, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] != '{' {
		return nil, sg.Errorf(sg.EINVALID, "The definition must be a JSON object.")
	}
	var d Definition
	if err := json.Unmarshal(raw, &d); err != nil {
		if te, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
			field := te.Field
			if field == "" {
				field = "definition"
			}
			return nil, sg.Errorf(sg.EINVALID, "Definition member %s must be of type %s, not JSON %s.", field, te.Type, te.Value)
		}
		return nil, sg.Errorf(sg.EINVALID, "The definition is not valid JSON: %s.", err.Error())
	}
	d.raw = raw
	return &d, nil
}

// DataSetARNs returns the ARNs of the declared datasets, in declaration
// order, without duplicates.
func (d *Definition) DataSetARNs() []string {
	seen := map[string]bool{}
	out := []string{}
	for _, ds := range d.DataSetIdentifierDeclarations {
		if !seen[ds.DataSetArn] {
			seen[ds.DataSetArn] = true
			out = append(out, ds.DataSetArn)
		}
	}
	return out
}

// DataSetARN returns the ARN declared for a dataset identifier.
func (d *Definition) DataSetARN(identifier string) (string, bool) {
	for _, ds := range d.DataSetIdentifierDeclarations {
		if ds.Identifier == identifier {
			return ds.DataSetArn, true
		}
	}
	return "", false
}

// Sheet is what Describe* returns of a sheet.
type Sheet struct {
	SheetID string
	Name    string
}

// SheetList returns the sheets' ids and names, in order.
func (d *Definition) SheetList() []Sheet {
	out := make([]Sheet, len(d.Sheets))
	for i, s := range d.Sheets {
		out[i] = Sheet{SheetID: s.SheetId, Name: s.Name}
	}
	return out
}

// Raw returns the definition's JSON as it was parsed (nil for a
// definition built in code).
func (d *Definition) Raw() json.RawMessage { return d.raw }
