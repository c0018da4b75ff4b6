package console

import (
	"context"
	"encoding/json"
	"net/url"
	"strconv"
	"strings"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/authoring"
	"github.com/sightglass/sightglass/internal/definition"
)

// The editor's sheets, layout, format, visual actions and version
// history: the actions that edit them (applyLayoutAction) and what their
// panels show (editorLayout).

// editorLayout is what the sheets bar, the format and actions panels and
// the version history show.
type editorLayout struct {
	Sheets     []editorSheet
	Tile       *authoring.Tile // the selected visual's place, when it has one
	Subtitle   string
	Format     []editorFormat
	Actions    []editorAction
	Fields     []editorWellField // the selected visual's fields, for a filter action
	Others     []editorVisual    // the sheet's other visuals, for a filter action's targets
	Suggested  *authoring.KindSpec
	Versions   []*sg.AnalysisVersion
	VersionErr string
}

// editorSheet is a sheet in the sheets bar.
type editorSheet struct {
	ID, Name          string
	Current           bool
	Index             int
	Left, Right       int // the positions a move left or right takes it to
	HasLeft, HasRight bool
}

// editorFormat is one format option of the selected visual.
type editorFormat struct {
	Option, Label, Value string
	Visibility           bool // VISIBLE/HIDDEN, else text or color
	Color                bool
}

// editorAction is a custom action of the selected visual.
type editorAction struct {
	ID, Name, Trigger, What string
}

var formatLabels = map[string]string{
	authoring.FormatLegend: "Legend", authoring.FormatDataLabels: "Data labels", authoring.FormatColor: "Color",
	authoring.FormatCategoryLabel: "X axis title", authoring.FormatValueLabel: "Y axis title",
}

// editorLayout computes the panels of the editor for the definition raw
// (parsed as def) with ed's sheet and selection.
func (c *Console) editorLayout(ctx context.Context, s *signedIn, id string, raw []byte, def *definition.Definition, ed *editorData) *editorLayout {
	l := &editorLayout{}
	for i, sh := range def.Sheets {
		name := sh.Name
		if name == "" {
			name = sh.SheetId
		}
		l.Sheets = append(l.Sheets, editorSheet{ID: sh.SheetId, Name: name, Current: sh.SheetId == ed.SheetID, Index: i,
			Left: i - 1, Right: i + 1, HasLeft: i > 0, HasRight: i+1 < len(def.Sheets)})
	}
	if sel := ed.Selected; sel != nil {
		if t, err := authoring.TileOf(raw, sel.ID); err == nil {
			l.Tile = &t
		}
		for _, sh := range def.Sheets {
			for i := range sh.Visuals {
				v := &sh.Visuals[i]
				if v.VisualID == sel.ID {
					l.Subtitle = visualSubtitle(v)
					l.Actions = visualActionList(v)
					if k := authoring.SuggestKind(v); k != "" && k != v.Kind {
						l.Suggested, _ = authoring.Kind(k)
					}
				}
			}
		}
		for _, o := range authoring.FormatOptions(sel.Kind) {
			value, _ := authoring.FormatValue(raw, sel.ID, o)
			l.Format = append(l.Format, editorFormat{Option: o, Label: formatLabels[o], Value: value,
				Visibility: o == authoring.FormatLegend || o == authoring.FormatDataLabels, Color: o == authoring.FormatColor})
		}
		for _, w := range ed.Wells {
			l.Fields = append(l.Fields, w.Fields...)
		}
		for _, v := range ed.Visuals {
			if v.ID != sel.ID {
				l.Others = append(l.Others, v)
			}
		}
	}
	versions, err := c.app.ConsoleAnalysisVersions(ctx, s.User, id)
	if err != nil {
		l.VersionErr = sg.ErrorMessage(err)
	}
	l.Versions = versions
	return l
}

// visualSubtitle returns a visual's shown subtitle text.
func visualSubtitle(v *definition.Visual) string {
	var m struct {
		Subtitle *struct {
			Visibility string
			FormatText *struct{ PlainText, RichText string }
		}
	}
	if json.Unmarshal(v.Raw, &m) != nil || m.Subtitle == nil || m.Subtitle.Visibility == "HIDDEN" || m.Subtitle.FormatText == nil {
		return ""
	}
	if m.Subtitle.FormatText.PlainText != "" {
		return m.Subtitle.FormatText.PlainText
	}
	return definition.RichTextPlain(m.Subtitle.FormatText.RichText)
}

// visualActionList describes a visual's custom actions.
func visualActionList(v *definition.Visual) []editorAction {
	var m struct {
		Actions []struct {
			CustomActionId, Name, Trigger string
			ActionOperations              []map[string]json.RawMessage
		}
	}
	if json.Unmarshal(v.Raw, &m) != nil {
		return nil
	}
	var out []editorAction
	for _, a := range m.Actions {
		var what []string
		for _, op := range a.ActionOperations {
			for k := range op {
				what = append(what, strings.TrimSuffix(k, "Operation"))
			}
		}
		trigger := "on click"
		if a.Trigger == "DATA_POINT_MENU" {
			trigger = "from the menu"
		}
		out = append(out, editorAction{ID: a.CustomActionId, Name: a.Name, Trigger: trigger, What: strings.Join(what, ", ")})
	}
	return out
}

// applyLayoutAction applies the sheet, layout, format, action and version
// actions: the definition, the visual and sheet to show afterwards ("" to
// keep them), and whether op is one of them.
func (c *Console) applyLayoutAction(ctx context.Context, s *signedIn, id, op string, f url.Values, raw []byte) (out []byte, visual, sheet string, handled bool, err error) {
	vis, sheetID, value := f.Get("visual"), f.Get("sheetId"), f.Get("value")
	handled = true
	switch op {
	case "add-sheet":
		out, sheet, err = authoring.AddSheet(raw, f.Get("name"))
	case "rename-sheet":
		out, err = authoring.RenameSheet(raw, sheetID, f.Get("name"))
	case "move-sheet":
		var i int
		if i, err = formInt(f, "index"); err == nil {
			out, err = authoring.MoveSheet(raw, sheetID, i)
		}
	case "delete-sheet":
		if out, err = authoring.DeleteSheet(raw, sheetID); err == nil {
			sheet = firstSheet(out)
		}
	case "tile":
		var t authoring.Tile
		for _, m := range []struct {
			name string
			into *int
		}{{"column", &t.Column}, {"row", &t.Row}, {"columnSpan", &t.ColumnSpan}, {"rowSpan", &t.RowSpan}} {
			if *m.into, err = formInt(f, m.name); err != nil {
				return nil, "", "", true, err
			}
		}
		out, err = authoring.SetTile(raw, vis, t)
	case "title", "subtitle":
		out, err = authoring.SetTitle(raw, vis, op == "subtitle", value)
	case "format":
		out, err = authoring.SetFormat(raw, vis, f.Get("option"), value)
	case "add-filter-action":
		out, _, err = authoring.AddFilterAction(raw, vis, authoring.FilterAction{Name: f.Get("name"), Fields: f["fields"], TargetVisuals: f["targets"]})
	case "add-navigation-action":
		out, _, err = authoring.AddNavigationAction(raw, vis, f.Get("name"), f.Get("targetSheetId"))
	case "remove-action":
		out, err = authoring.RemoveAction(raw, vis, f.Get("action"))
	case "restore-version":
		var n int
		if n, err = formInt(f, "number"); err != nil {
			return nil, "", "", true, err
		}
		var v *sg.AnalysisVersion
		if v, err = c.app.ConsoleAnalysisVersion(ctx, s.User, id, int64(n)); err == nil {
			out = v.Definition
			if err = authoring.Validate(out); err != nil {
				err = sg.Errorf(sg.EINVALID, "Version %d can't be restored: %s", n, strings.TrimPrefix(err.Error(), authoring.ErrEdit.Error()+": "))
			}
		}
		if err == nil {
			sheet = keepSheet(out, sheetID)
		}
	default:
		handled = false
	}
	return out, visual, sheet, handled, err
}

func formInt(f url.Values, name string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(f.Get(name)))
	if err != nil {
		return 0, sg.Errorf(sg.EINVALID, "%s must be a whole number, not %q.", name, f.Get(name))
	}
	return n, nil
}

// firstSheet returns the id of a definition's first sheet.
func firstSheet(raw []byte) string {
	def, err := definition.Parse(raw)
	if err != nil || len(def.Sheets) == 0 {
		return ""
	}
	return def.Sheets[0].SheetId
}

// keepSheet returns sheetID when the definition has it, else its first.
func keepSheet(raw []byte, sheetID string) string {
	def, err := definition.Parse(raw)
	if err != nil {
		return ""
	}
	for _, sh := range def.Sheets {
		if sh.SheetId == sheetID {
			return sheetID
		}
	}
	return firstSheet(raw)
}

// editSummary says in a word what an editor action changed, for the
// version history.
func editSummary(op string, f url.Values) string {
	switch op {
	case "restore-version":
		return "Restored version " + f.Get("number")
	}
	if s, ok := editSummaries[op]; ok {
		return s
	}
	return "Edited"
}

var editSummaries = map[string]string{
	"add-visual": "Added a visual", "duplicate-visual": "Duplicated a visual", "delete-visual": "Deleted a visual",
	"change-type": "Changed a visual's type", "add-field": "Added a field", "move-field": "Moved a field",
	"remove-field": "Removed a field", "aggregation": "Changed an aggregation", "granularity": "Changed a date granularity",
	"sort": "Changed a sort", "add-filter": "Added a filter", "remove-filter": "Removed a filter",
	"undo": "Undid a change", "redo": "Redid a change",
	"add-sheet": "Added a sheet", "rename-sheet": "Renamed a sheet", "move-sheet": "Moved a sheet", "delete-sheet": "Deleted a sheet",
	"tile": "Moved or resized a visual", "title": "Changed a title", "subtitle": "Changed a subtitle", "format": "Formatted a visual",
	"add-filter-action": "Added a filter action", "add-navigation-action": "Added a navigation action", "remove-action": "Removed an action",
}
