package console

import (
	"context"
	"net/url"
	"slices"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/authoring"
	"github.com/sightglass/sightglass/internal/definition"
)

// The datasets of the analysis in the editor: the fields pane's dataset
// selector (the pane shows one dataset's fields; a new visual takes that
// dataset, calculated fields are created in it), "Add dataset" from the
// datasets shared with the author, and "Remove dataset", which the
// definition refuses while a visual, filter or calculated field uses it.

// editorDataSets is the datasets part of the editor.
type editorDataSets struct {
	Declared []editorDataSet
	Selected string        // the identifier whose fields the pane shows
	Visual   string        // the dataset the selected visual reads ("" for none)
	Addable  []*sg.DataSet // shared with the author, not yet in the analysis
}

// editorDataSet is a dataset the analysis declares.
type editorDataSet struct {
	Identifier, ID, Name string
}

// add records a declared dataset.
func (e *editorDataSets) add(identifier string, d *sg.DataSet) {
	e.Declared = append(e.Declared, editorDataSet{Identifier: identifier, ID: d.ID, Name: d.Name})
}

// visualDataSetOf returns the dataset a visual's fields read ("" when it
// has none).
func visualDataSetOf(v *definition.Visual) string {
	for _, w := range v.Wells() {
		for _, f := range w.Fields {
			if f.Column != nil && f.Column.DataSetIdentifier != "" {
				return f.Column.DataSetIdentifier
			}
		}
	}
	return ""
}

// pickDataSet sets the dataset the fields pane shows: the one the author
// chose (choice), else the selected visual's, else the first declared;
// and lists the datasets the author may add.
func (c *Console) pickDataSet(ctx context.Context, s *signedIn, ed *editorData, choice string) {
	e := ed.Sets
	if e == nil || len(e.Declared) == 0 {
		return
	}
	has := func(id string) bool {
		return id != "" && slices.ContainsFunc(e.Declared, func(d editorDataSet) bool { return d.Identifier == id })
	}
	switch {
	case has(choice):
		e.Selected = choice
	case has(e.Visual):
		e.Selected = e.Visual
	default:
		e.Selected = e.Declared[0].Identifier
	}
	list, err := c.app.ConsoleAnalysisDataSets(ctx, s.User)
	if err != nil {
		return // the author may not add datasets: the pane offers none
	}
	for _, d := range list {
		if !slices.ContainsFunc(e.Declared, func(x editorDataSet) bool { return x.ID == d.ID }) {
			e.Addable = append(e.Addable, d)
		}
	}
}

// dataSetAction applies the dataset actions: add-dataset (form member
// dataSetId, a dataset shared with the author) and remove-dataset (form
// member identifier). It reports false for any other op.
func (c *Console) dataSetAction(ctx context.Context, s *signedIn, op string, f url.Values, raw []byte) ([]byte, bool, error) {
	switch op {
	case "add-dataset":
		d, err := c.app.ConsoleDataSet(ctx, s.User, f.Get("dataSetId"))
		if err != nil {
			return nil, true, err
		}
		out, identifier, err := authoring.AddDataSet(raw, app.DataSetIdentifier(d), c.app.DataSetARN(s.User.AccountID, d.ID))
		if err == nil {
			f.Set("fieldsDataSet", identifier) // the pane shows the new dataset
		}
		return out, true, err
	case "remove-dataset":
		out, err := authoring.RemoveDataSet(raw, f.Get("identifier"))
		return out, true, err
	}
	return nil, false, nil
}
