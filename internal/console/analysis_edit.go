package console

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/authoring"
	"github.com/sightglass/sightglass/internal/definition"
)

// The analysis editor: /analyses/new (a dataset picker that creates an
// analysis with one empty sheet) and /analyses/{id}/edit (fields pane,
// the sheet drawn by the viewer, a visual's field wells). Every change is
// one POST that edits the definition (internal/authoring), saves it
// through the App's UpdateAnalysis path, and answers with the editor
// re-rendered for htmx to swap in.

var reEditPath = regexp.MustCompile(`^/analyses/([\w-]{1,512})/edit$`)

// editorEntry parses the editor's console paths.
func editorEntry(p string) (app.Entry, bool) {
	if p == "/analyses/new" {
		return app.Entry{Path: p, Kind: "analysis-new"}, true
	}
	if m := reEditPath.FindStringSubmatch(p); m != nil {
		return app.Entry{Path: p, Kind: "analysis-edit", ID: m[1]}, true
	}
	return app.Entry{}, false
}

// newAnalysisData is the dataset picker's page.
type newAnalysisData struct {
	DataSets []*sg.DataSet
	Message  string
}

// renderNewAnalysis renders the dataset picker.
func (c *Console) renderNewAnalysis(ctx context.Context, w http.ResponseWriter, d *pageData) error {
	list, err := c.app.ConsoleAnalysisDataSets(ctx, d.User)
	if err != nil {
		return err
	}
	d.Title, d.Heading, d.PageType, d.Nav = "New analysis", "New analysis", "ANALYSIS", "analyses"
	d.NewAnalysis = &newAnalysisData{DataSets: list}
	return c.pages.render(w, http.StatusOK, "analysis_edit_new", "layout", d)
}

// editorData is what the editor renders from.
type editorData struct {
	Sid, AnalysisID, Name string
	Base                  string // /embedding/{sid}/analyses/{id}/edit
	Version               string
	SheetID               string
	Fields                []editorField
	Kinds                 []authoring.KindSpec
	Visuals               []editorVisual
	Selected              *editorVisual
	Wells                 []editorWell
	Filters               []editorFilter
	Viewer                *viewerData
	Message               string   // why the last action was refused
	Failure               *failure // why the analysis is not drawn
	CanUndo, CanRedo      bool
	Dashboards            []*sg.Dashboard // the dashboards a publish may replace
	Published             string          // the dashboard just published
	Params                *editorParams   // parameters, controls, calculated fields
	Layout                *editorLayout   // sheets, format, actions, versions
	Sets                  *editorDataSets // the analysis's datasets (analysis_edit_datasets.go)
}

// editorField is a dataset column in the fields pane.
type editorField struct {
	DataSet, Name, Type string
	Measure             bool
	Key                 string // dataset and name, as the filter form posts them
}

// editorVisual is a visual of the sheet.
type editorVisual struct {
	ID, Title, Kind, KindLabel string
	Editable                   bool
}

// editorWell is one well of the selected visual.
type editorWell struct {
	authoring.WellSpec
	Fields []editorWellField
}

// editorWellField is a field in a well, with its menu's choices.
type editorWellField struct {
	ID, Label, Kind string
	Aggregation     string
	Aggregations    []string
	Granularity     string
	Granularities   []string
	Sortable        bool
	Sort            string
	Renamable       bool   // the field takes a label where its visual type and well have one
	CustomLabel     string // its label in the visual
	Formattable     bool   // a numeric measure the viewer draws with a number format
	DateFormattable bool   // a date dimension, which takes a DateTimeFormat
}

// buildEditor computes the editor of an analysis for a user.
func (c *Console) buildEditor(ctx context.Context, s *signedIn, id, sheetID, selected string) (*editorData, error) {
	an, content, err := c.app.ConsoleAnalysisView(ctx, s.User, id)
	var notDrawable *app.NotDrawableError
	var def *definition.Definition
	switch {
	case errors.As(err, &notDrawable):
		// Not drawn (its last update failed, or is still checked), but
		// editable: the author may be about to fix it.
		if def, err = definition.Parse(an.Definition); err != nil {
			return nil, sg.Errorf(sg.ECONFLICT, "Analysis %s can't be edited: its definition can't be read.", id)
		}
	case err != nil:
		return nil, err
	default:
		content = content.WithSession(sessionRowScope(s))
		def = content.Definition()
	}
	ed := &editorData{
		Sid: s.Session.EmbedID, AnalysisID: id, Name: an.Name,
		Base:    "/embedding/" + s.Session.EmbedID + "/analyses/" + id + "/edit",
		Version: app.DefinitionVersion(an.Definition),
		Kinds:   authoring.Kinds,
		Sets:    &editorDataSets{},
	}
	for _, ds := range def.DataSetIdentifierDeclarations {
		d, err := c.dataSetOf(ctx, s, ds.DataSetArn)
		if err != nil {
			return nil, err
		}
		ed.Sets.add(ds.Identifier, d)
		for _, col := range d.OutputColumns {
			key := url.Values{"d": {ds.Identifier}, "c": {col.Name}}.Encode()
			ed.Fields = append(ed.Fields, editorField{DataSet: ds.Identifier, Name: col.Name, Type: col.Type, Measure: col.Type == "INTEGER" || col.Type == "DECIMAL", Key: key})
		}
	}
	ed.Fields = append(ed.Fields, calculatedEditorFields(def, ed.Fields)...)
	if notDrawable != nil {
		ed.Failure = failureOf(notDrawable)
		if len(def.Sheets) > 0 {
			ed.SheetID = def.Sheets[0].SheetId
		}
		for _, sh := range def.Sheets {
			if sh.SheetId == sheetID {
				ed.SheetID = sheetID
			}
		}
	} else {
		ed.Viewer = c.buildViewer(ctx, s, "analyses", id, content, sheetID, nil, nil)
		ed.SheetID = ed.Viewer.Selected
		if err := c.viewerExports(ctx, s, "analyses", id, ed.Viewer); err != nil { // the export links (contentlinks.go)
			return nil, err
		}
	}
	for _, sh := range def.Sheets {
		if sh.SheetId != ed.SheetID {
			continue
		}
		for i := range sh.Visuals {
			v := &sh.Visuals[i]
			ev := editorVisual{ID: v.VisualID, Title: v.Title(), Kind: v.Kind, KindLabel: v.Kind}
			if k, ok := authoring.Kind(v.Kind); ok {
				ev.KindLabel, ev.Editable = k.Label, true
			}
			if ev.Title == "" {
				ev.Title = ev.KindLabel
			}
			ed.Visuals = append(ed.Visuals, ev)
			if v.VisualID == selected || selected == "" && i == len(sh.Visuals)-1 {
				ed.Selected = &ed.Visuals[len(ed.Visuals)-1]
				ed.Wells = editorWells(v)
				ed.Sets.Visual = visualDataSetOf(v)
			}
		}
	}
	ed.Filters = sheetFilters(def, ed.SheetID)
	ed.Params = buildParams(def, ed.SheetID, ed.Fields)
	if ed.Selected != nil {
		sel := *ed.Selected
		ed.Selected = &sel
	}
	undo, redo, err := c.app.EditStacks().CountEdits(ctx, historyKey(s, id))
	if err != nil {
		return nil, err
	}
	ed.CanUndo, ed.CanRedo = undo > 0, redo > 0
	ed.Layout = c.editorLayout(ctx, s, id, an.Definition, def, ed)
	if dashes, err := c.app.ConsoleDashboards(ctx, s.User); err == nil {
		ed.Dashboards = dashes
	}
	return ed, nil
}

// editorWells lists a visual's wells as the editor shows them.
func editorWells(v *definition.Visual) []editorWell {
	k, ok := authoring.Kind(v.Kind)
	if !ok {
		return nil
	}
	have := map[string][]definition.Field{}
	for _, w := range v.Wells() {
		have[w.Name] = w.Fields
	}
	sorts := visualSorts(v)
	labels := customLabels(v)
	_, sortable := sortableKinds[v.Kind]
	var out []editorWell
	for _, ws := range k.Wells {
		ew := editorWell{WellSpec: ws}
		for _, f := range have[ws.Name] {
			ef := editorWellField{ID: f.FieldID, Kind: f.Kind, Sortable: sortable, Sort: sorts[f.FieldID], Renamable: authoring.Renamable(v.Kind, ws.Name, f.Column != nil), CustomLabel: labels[f.FieldID],
				Formattable: authoring.Formattable(v.Kind) && f.Kind == "NumericalMeasureField", DateFormattable: f.Kind == "DateDimensionField"}
			if f.Column != nil {
				ef.Label = f.Column.ColumnName
			} else {
				ef.Label = f.Expression // a calculated measure
			}
			if f.Measure {
				ef.Aggregation = f.Aggregation
				ef.Aggregations = authoring.Aggregations[f.Kind]
				if f.Aggregation != "" {
					ef.Label = strings.ToLower(f.Aggregation) + "(" + ef.Label + ")"
				}
			}
			if f.Kind == "DateDimensionField" {
				ef.Granularity, ef.Granularities = f.DateGranularity, authoring.Granularities
			}
			ew.Fields = append(ew.Fields, ef)
		}
		out = append(out, ew)
	}
	return out
}

var sortableKinds = map[string]bool{"BarChartVisual": true, "LineChartVisual": true, "PieChartVisual": true, "ComboChartVisual": true, "FunnelChartVisual": true, "TableVisual": true}

// visualSorts returns the direction each field sorts the visual by.
func visualSorts(v *definition.Visual) map[string]string {
	out := map[string]string{}
	var cc struct {
		ChartConfiguration struct {
			SortConfiguration map[string][]struct {
				FieldSort *struct{ FieldId, Direction string }
			}
		}
	}
	if json.Unmarshal(v.Raw, &cc) == nil {
		for _, l := range cc.ChartConfiguration.SortConfiguration {
			for _, s := range l {
				if s.FieldSort != nil {
					out[s.FieldSort.FieldId] = s.FieldSort.Direction
				}
			}
		}
	}
	return out
}

// dataSetOf returns a dataset a definition declares, which the user must
// be allowed to use.
func (c *Console) dataSetOf(ctx context.Context, s *signedIn, arn string) (*sg.DataSet, error) {
	p, ok := sg.ParseARN(arn)
	id, isDataSet := strings.CutPrefix(p.Resource, "dataset/")
	if !ok || !isDataSet || p.AccountID != s.User.AccountID {
		return nil, sg.Errorf(sg.ENOTFOUND, "Dataset %s doesn't exist.", arn)
	}
	return c.app.ConsoleDataSet(ctx, s.User, id)
}

// renderAnalysisEditor renders the editor page.
func (c *Console) renderAnalysisEditor(ctx context.Context, w http.ResponseWriter, r *http.Request, d *pageData, s *signedIn, id string) error {
	if _, err := c.app.ConsoleEditableAnalysis(ctx, s.User, id); err != nil {
		return err
	}
	q := r.URL.Query()
	ed, err := c.buildEditor(ctx, s, id, q.Get("sheetId"), q.Get("visual"))
	if err != nil {
		return err
	}
	c.pickDataSet(ctx, s, ed, q.Get("dataset"))
	d.Title, d.ResourceID, d.PageType, d.Nav = ed.Name, id, "ANALYSIS", "analyses"
	d.Editor = ed
	return c.pages.render(w, http.StatusOK, "analysis_edit", "layout", d)
}
