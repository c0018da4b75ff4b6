package app

import (
	"context"
	"fmt"
	"slices"
	"strings"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
)

// drawable reports whether content in status may be drawn with data: its
// creation or last update succeeded. A failed one (a dataset its creator
// may not use, a missing column) and one still being checked draw nothing.
func drawable(status string) bool {
	return status == sg.StatusCreationSuccessful || status == sg.StatusUpdateSuccessful
}

// NotDrawableError is why the console may not draw a dashboard's published
// version or an analysis: its status, and the errors its check found.
type NotDrawableError struct {
	Kind   string // "Dashboard" or "Analysis"
	ID     string
	Name   string
	Status string
	Errors []sg.DefinitionError
}

func (e *NotDrawableError) Error() string {
	return fmt.Sprintf("%s %s can't be shown: its status is %s.", e.Kind, e.ID, e.Status)
}

// Failed reports whether the check ended (as opposed to still running).
func (e *NotDrawableError) Failed() bool { return strings.HasSuffix(e.Status, "_FAILED") }

// Drawable is a dashboard version or analysis the console may draw. Only
// ConsoleDashboardView and ConsoleAnalysisView make one, after the
// visibility rules and the status check, so the viewer cannot read data
// of content that failed; its Query reads only the datasets the
// definition declares.
type Drawable struct {
	a         *App
	accountID string
	def       *definition.Definition
	// reader is who the rows are read for: the dataset's row- and
	// column-level security applies to it.
	reader sg.RowScope
	theme  *ThemeStyle
}

// Theme returns the style to draw with: the content's theme, nil when it
// names none, or a style with only a Notice when that theme cannot be
// drawn.
func (d *Drawable) Theme() *ThemeStyle {
	if d == nil {
		return nil
	}
	return d.theme
}

// WithSession returns d reading for its user with the session's tags, of
// an anonymous embedding session when anonymous (see sg.RowScope). A
// reader already anonymous (RowScopeOf of an anonymous reader) stays so.
func (d *Drawable) WithSession(tags map[string]string, anonymous bool) *Drawable {
	if d == nil {
		return nil
	}
	c := *d
	c.reader.SessionTags = tags
	c.reader.Anonymous = c.reader.Anonymous || anonymous
	if c.reader.Anonymous {
		c.reader.UserName, c.reader.Namespace, c.reader.Groups = "", "", nil
	}
	return &c
}

// Definition returns the definition to draw (empty for a dashboard with
// no published version).
func (d *Drawable) Definition() *definition.Definition {
	if d == nil || d.def == nil {
		return &definition.Definition{}
	}
	return d.def
}

// Query answers a question of a visual on a dataset the definition
// declares. The viewer's access came through the dashboard or analysis,
// and its readers need no rights on the datasets; the datasets' row- and
// column-level security applies to the reader.
func (d *Drawable) Query(ctx context.Context, dataSetARN string, q *query.Question) (*QueryResult, error) {
	if d == nil || d.a == nil || d.def == nil || !slices.Contains(d.def.DataSetARNs(), dataSetARN) {
		return nil, sg.Errorf(sg.EACCESSDENIED, "Dataset %s is not declared by this content.", dataSetARN)
	}
	id, ok := d.a.dataSetID(d.accountID, dataSetARN)
	if !ok {
		return nil, sg.Errorf(sg.EINVALID, "Dataset %s is not a dataset of this account.", dataSetARN)
	}
	return d.a.QueryDataSetAs(ctx, d.reader, d.accountID, id, q)
}

// ConsoleDashboardView returns a dashboard user may see and its published
// version to draw (nothing for a dashboard with no published version). The
// error is a *NotDrawableError, with the dashboard, when that version did
// not succeed.
func (a *App) ConsoleDashboardView(ctx context.Context, u *sg.User, id string) (*sg.Dashboard, *Drawable, error) {
	d, err := a.ConsoleDashboard(ctx, u, id)
	if err != nil {
		return nil, nil, err
	}
	if d.PublishedVersion == 0 {
		return d, &Drawable{}, nil
	}
	v, def, err := a.publishedDefinition(ctx, d)
	if err != nil {
		return d, nil, err
	}
	reader, err := a.readerOf(ctx, u)
	if err != nil {
		return d, nil, err
	}
	return d, &Drawable{a: a, accountID: d.AccountID, def: def, reader: reader, theme: a.ThemeStyleOf(ctx, d.AccountID, v.ThemeARN)}, nil
}

// ConsoleAnalysisView returns an analysis user may open, to draw. The
// error is a *NotDrawableError, with the analysis, when its creation or
// last update did not succeed.
func (a *App) ConsoleAnalysisView(ctx context.Context, u *sg.User, id string) (*sg.Analysis, *Drawable, error) {
	an, err := a.ConsoleAnalysis(ctx, u, id)
	if err != nil {
		return nil, nil, err
	}
	def, err := a.analysisDefinition(an)
	if err != nil {
		return an, nil, err
	}
	reader, err := a.readerOf(ctx, u)
	if err != nil {
		return an, nil, err
	}
	return an, &Drawable{a: a, accountID: an.AccountID, def: def, reader: reader, theme: a.ThemeStyleOf(ctx, an.AccountID, an.ThemeARN)}, nil
}

// readerOf is the reader of content a console user views (no user: a
// reader no rule names).
func (a *App) readerOf(ctx context.Context, u *sg.User) (sg.RowScope, error) {
	if u == nil {
		return sg.RowScope{}, nil
	}
	return a.RowScopeOf(ctx, u)
}
