package console

import (
	"context"
	"encoding/json"
	"errors"
	"html/template"
	"net/http"
	"net/url"
	"strings"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query"
	"github.com/sightglass/sightglass/internal/viewer"
)

// viewerData is what the dashboard and analysis viewer renders from.
type viewerData struct {
	Kind     string // "dashboards" or "analyses"
	ID       string
	Base     string // /embedding/{sid}/{Kind}/{ID}
	Sheets   []viewerSheet
	Selected string
	// TabsHidden hides the sheet tabs (the SDK's sheetTabsDisabled).
	TabsHidden bool
	// Single draws one visual filling the frame (the visual experience).
	Single bool
	Sheet  *viewer.Sheet
	// Params is the JSON of the parameters' current values (GET_PARAMETERS).
	Params string
	// SDK is the JSON of the sheets, their visuals and visual actions,
	// from which the page answers the embedding SDK's getters.
	SDK string
	// State is the viewer state the page starts from (a restored one,
	// when state persistence is on), as a URL query.
	State string
	// Bookmarks and SharedView are the session's features: the toolbar's
	// bookmarks, and the SDK's createSharedView. SharedViewLink shows the
	// toolbar's shared-view link too, for a registered reader: an
	// anonymous reader has no sign-in for a link to open, and its host
	// shares views through the SDK's ids instead.
	Bookmarks, SharedView, SharedViewLink bool
	// UndoRedoDisabled and ResetDisabled refuse the SDK's undo and redo,
	// or reset (GetDashboardEmbedUrl's undo-redo-disabled, reset-disabled).
	UndoRedoDisabled, ResetDisabled bool
	// Export lists the export formats the user may use ("csv xlsx"),
	// Print whether they may print (PrintReports); see contentlinks.go.
	Export string
	Print  bool

	// pending is the sheet still being computed, on a page whose tiles
	// are sent as they are ready (stream.go); nil once drawn whole.
	pending *viewer.Pending
}

// Streaming reports whether the sheet's tiles are still being computed:
// the page then holds a mark where they go (stream.go).
func (vd *viewerData) Streaming() bool { return vd.pending != nil }

// viewerSheet is a sheet tab.
type viewerSheet struct {
	SheetId string
	Name    string
}

// sdkSheet is a sheet as the page's SDK getters answer it, with the
// filter groups whose scope reaches it (GET_FILTER_GROUPS_FOR_SHEET).
type sdkSheet struct {
	SheetId      string
	Name         string
	Visuals      []sdkVisual
	FilterGroups []json.RawMessage
}

type sdkVisual struct {
	VisualId string
	Name     string
	Actions  []json.RawMessage
	// FilterGroups indexes the sheet's FilterGroups that reach the
	// visual (GET_FILTER_GROUPS_FOR_VISUAL).
	FilterGroups []int
}

// sdkParameter is a parameter as GET_PARAMETERS and PARAMETERS_CHANGED
// carry it.
type sdkParameter struct {
	Name   string
	Values []string
}

// runner answers the viewer's questions through the content it draws:
// only a drawable dashboard version or analysis (app.Drawable) reads data,
// and only from the datasets its definition declares.
func runner(content *app.Drawable) viewer.Runner {
	return func(ctx context.Context, arn string, q *query.Question) (*viewer.Result, error) {
		res, err := content.Query(ctx, arn, q)
		if err != nil {
			return nil, err
		}
		return &viewer.Result{Columns: res.Columns, Rows: res.Rows}, nil
	}
}

// viewerContent returns the content a user views: a dashboard's published
// version or an analysis, after the visibility rules and the check that
// it may be drawn. Content that may not be drawn (its creation failed or
// is still checked) comes back as failure, with no definition: the page
// then shows why, and no data. A dashboard with no published version has
// nothing to show.
func (c *Console) viewerContent(ctx context.Context, s *signedIn, kind, id string) (name string, content *app.Drawable, d *pageData, err error) {
	d = &pageData{}
	var notDrawable *app.NotDrawableError
	switch kind {
	case "dashboards":
		dash, content, err := c.app.ConsoleDashboardView(ctx, s.User, id)
		content = content.WithSession(sessionRowScope(s))
		if errors.As(err, &notDrawable) {
			d.Failure = failureOf(notDrawable)
		} else if err != nil {
			return "", nil, nil, err
		}
		d.PageType, d.KindLabel, d.FavoriteKind, d.UpdatedAt, d.Nav = "DASHBOARD", "Dashboard", "dashboard", dash.UpdatedAt, "dashboards"
		if d.Favorite, err = c.app.IsFavorite(ctx, s.User, sg.FavoriteDashboard, dash.ID); err != nil {
			return "", nil, nil, err
		}
		return dash.Name, content, d, nil
	default:
		an, content, err := c.app.ConsoleAnalysisView(ctx, s.User, id)
		content = content.WithSession(sessionRowScope(s))
		if errors.As(err, &notDrawable) {
			d.Failure = failureOf(notDrawable)
		} else if err != nil {
			return "", nil, nil, err
		}
		d.PageType, d.KindLabel, d.FavoriteKind, d.UpdatedAt, d.Nav = "ANALYSIS", "Analysis", "analysis", an.UpdatedAt, "analyses"
		if d.Favorite, err = c.app.IsFavorite(ctx, s.User, sg.FavoriteAnalysis, an.ID); err != nil {
			return "", nil, nil, err
		}
		return an.Name, content, d, nil
	}
}

// sessionRowScope returns what row-level security learns of the viewer's
// session besides its user: the session tags of an anonymous embedding
// session (GenerateEmbedUrlForAnonymousUser's SessionTags), and whether it
// is one. The one place the viewer fills them.
func sessionRowScope(s *signedIn) (tags map[string]string, anonymous bool) {
	if s == nil || s.Session == nil {
		return nil, false
	}
	return s.Session.Tags, s.Session.Anonymous()
}

// failure is what the page of content that may not be drawn shows.
type failure struct {
	Heading string
	Status  string
	Errors  []sg.DefinitionError
}

func failureOf(e *app.NotDrawableError) *failure {
	f := &failure{Heading: "This " + strings.ToLower(e.Kind) + " is still being created", Status: e.Status, Errors: e.Errors}
	if e.Failed() {
		f.Heading = "This " + strings.ToLower(e.Kind) + " failed creation"
		if strings.HasPrefix(e.Status, "UPDATE_") {
			f.Heading = "The last update of this " + strings.ToLower(e.Kind) + " failed"
		}
	}
	return f
}

// viewerState returns the viewer state a request carries (p.*, f.*).
func viewerState(q url.Values) viewer.State {
	st := viewer.State{}
	for k, vs := range q {
		if strings.HasPrefix(k, "p.") || strings.HasPrefix(k, "f.") {
			st[k] = vs
		}
	}
	return st
}

// buildViewer computes the selected sheet of a definition for a viewer.
// With only not nil, just those visuals of the sheet are computed (a
// control change).
func (c *Console) buildViewer(ctx context.Context, s *signedIn, kind, id string, content *app.Drawable, sheetID string, st viewer.State, only []string) *viewerData {
	return c.viewerPage(ctx, s, kind, id, content, sheetID, st, only, false)
}

// startViewer is buildViewer for a whole page whose tiles are sent as they
// are computed: the sheet's layout and controls are there, its tiles are
// still pending (streamViewerPage writes them).
func (c *Console) startViewer(ctx context.Context, s *signedIn, kind, id string, content *app.Drawable, sheetID string, st viewer.State) *viewerData {
	return c.viewerPage(ctx, s, kind, id, content, sheetID, st, nil, true)
}

func (c *Console) viewerPage(ctx context.Context, s *signedIn, kind, id string, content *app.Drawable, sheetID string, st viewer.State, only []string, stream bool) *viewerData {
	def := content.Definition()
	v := viewer.New(def, st, c.app.Clock())
	v.SetTheme(viewerTheme(content.Theme()))
	v.SetGeoRoles(content.GeoRoles)
	v.SetStaticFiles(c.static)
	v.ApplyDynamicDefaults(ctx, runner(content), c.viewerOf(ctx, s))
	vd := &viewerData{Kind: kind, ID: id, Base: "/embedding/" + s.Session.EmbedID + "/" + kind + "/" + id}
	var sdk []sdkSheet
	groups := rawFilterGroups(def)
	for _, sh := range v.Sheets() {
		vd.Sheets = append(vd.Sheets, viewerSheet{SheetId: sh.SheetID, Name: sh.Name})
		ss := sdkSheet{SheetId: sh.SheetID, Name: sh.Name, Visuals: []sdkVisual{}}
		if groups != nil || len(def.FilterGroups) == 0 {
			// Otherwise null: the page then answers that it can't tell.
			ss.FilterGroups = []json.RawMessage{}
		}
		var onSheet []int // indexes into def.FilterGroups
		for i := range groups {
			if def.FilterGroups[i].CoversSheet(sh.SheetID) {
				onSheet = append(onSheet, i)
				ss.FilterGroups = append(ss.FilterGroups, groups[i])
			}
		}
		for _, vis := range v.SheetVisuals(sh.SheetID) {
			sv := sdkVisual{VisualId: vis.VisualID, Name: vis.Name, Actions: visualActions(def, sh.SheetID, vis.VisualID), FilterGroups: []int{}}
			for j, i := range onSheet {
				if def.FilterGroups[i].CoversVisual(sh.SheetID, vis.VisualID) {
					sv.FilterGroups = append(sv.FilterGroups, j)
				}
			}
			ss.Visuals = append(ss.Visuals, sv)
		}
		sdk = append(sdk, ss)
	}
	if !v.HasSheet(sheetID) {
		sheetID = ""
	}
	switch {
	case only != nil:
		vd.Sheet = v.RenderVisuals(ctx, sheetID, only, runner(content), viewer.DefaultParallel)
	case stream:
		if vd.pending = v.StartSheet(ctx, sheetID, runner(content), viewer.DefaultParallel); vd.pending != nil {
			vd.Sheet = vd.pending.Sheet()
		}
	default:
		vd.Sheet = v.RenderSheet(ctx, sheetID, runner(content), viewer.DefaultParallel)
	}
	if vd.Sheet != nil {
		vd.Selected = vd.Sheet.ID
	}
	vd.Params = paramsJSON(v)
	b, _ := json.Marshal(sdk)
	vd.SDK = string(b)
	return vd
}

func paramsJSON(v *viewer.View) string {
	ps := []sdkParameter{}
	for _, p := range v.Parameters() {
		vals := p.Values
		if vals == nil {
			vals = []string{}
		}
		ps = append(ps, sdkParameter{Name: p.Name, Values: vals})
	}
	b, _ := json.Marshal(ps)
	return string(b)
}

// rawFilterGroups returns the definition's filter groups as it has them,
// one for each of def.FilterGroups (nil when they can't be matched).
func rawFilterGroups(def *definition.Definition) []json.RawMessage {
	var raw struct{ FilterGroups []json.RawMessage }
	if json.Unmarshal(def.Raw(), &raw) != nil || len(raw.FilterGroups) != len(def.FilterGroups) {
		return nil
	}
	return raw.FilterGroups
}

// visualActions returns a visual's custom actions as the definition has
// them (GET_VISUAL_ACTIONS).
func visualActions(def *definition.Definition, sheetID, visualID string) []json.RawMessage {
	for _, s := range def.Sheets {
		if s.SheetId != sheetID {
			continue
		}
		for _, vis := range s.Visuals {
			if vis.VisualID != visualID {
				continue
			}
			var a struct{ Actions []json.RawMessage }
			if json.Unmarshal(vis.Raw, &a) == nil && a.Actions != nil {
				return a.Actions
			}
		}
	}
	return []json.RawMessage{}
}

// handleSheet renders one sheet of a dashboard or analysis for the
// viewer's state: the fragment the page swaps in when the viewer changes
// sheet, a control or a parameter.
func (c *Console) handleSheet(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	sid := r.PathValue("sid")
	if !reSID.MatchString(sid) {
		http.NotFound(w, r)
		return
	}
	if c.failures.blocked(r, c.now()) {
		http.Error(w, "too many failed attempts", http.StatusTooManyRequests)
		return
	}
	s, err := c.session(ctx, r, sid)
	if err != nil {
		if errors.Is(err, app.ErrNoSession) {
			c.failures.fail(r, c.now())
			http.Error(w, "Your session has ended. Reload the page.", http.StatusUnauthorized)
			return
		}
		if errors.Is(err, errExperienceOnly) {
			c.refuseExperience(w, r, false)
			return
		}
		c.internalError(w, r, err)
		return
	}
	kind, id := "dashboards", r.PathValue("id")
	if strings.HasPrefix(r.URL.Path, "/embedding/"+sid+"/analyses/") {
		kind = "analyses"
	}
	_, content, pd, err := c.viewerContent(ctx, s, kind, id)
	if err == nil && pd.Failure != nil {
		err = sg.Errorf(sg.ECONFLICT, "%s %s can't be shown: %s.", pd.KindLabel, id, strings.ToLower(pd.Failure.Heading))
	}
	if err != nil {
		switch sg.ErrorCode(err) {
		case sg.ENOTFOUND:
			http.Error(w, sg.ErrorMessage(err), http.StatusNotFound)
		case sg.EACCESSDENIED:
			http.Error(w, sg.ErrorMessage(err), http.StatusForbidden)
		case sg.ECONFLICT:
			http.Error(w, sg.ErrorMessage(err), http.StatusConflict)
		default:
			c.internalError(w, r, err)
		}
		return
	}
	sheetID := r.PathValue("sheet")
	v := viewer.New(content.Definition(), nil, c.app.Clock())
	if !v.HasSheet(sheetID) {
		http.Error(w, "No sheet "+sheetID+".", http.StatusNotFound)
		return
	}
	q := r.URL.Query()
	var only []string
	tmpl := "sheet"
	if list, ok := q["visuals"]; ok {
		// A control change: only the visuals it affects, swapped in place.
		only, tmpl = []string{}, "visuals"
		for _, l := range list {
			for id := range strings.FieldsSeq(strings.ReplaceAll(l, ",", " ")) {
				only = append(only, id)
			}
		}
	}
	vd := c.buildViewer(ctx, s, kind, id, content, sheetID, withActionState(viewerState(q), q), only)
	if _, fromHeader := sessionToken(r); fromHeader && kind == "dashboards" {
		// State persistence: the state the viewer asked for is the user's
		// current one. Only the page's own requests (with the session
		// header) count, not a link another site makes the browser open.
		saved := viewerState(q)
		saved.Set("sheetId", sheetID)
		if err := c.app.SaveDashboardState(ctx, s.Session, s.User, id, url.Values(saved)); err != nil {
			c.internalError(w, r, err)
			return
		}
	}
	domains, err := c.app.SessionDomains(ctx, s.Session)
	if err != nil {
		c.internalError(w, r, err)
		return
	}
	setSecurityHeaders(w, domains)
	if err := c.pages.render(w, http.StatusOK, "resource", tmpl, vd); err != nil {
		c.internalError(w, r, err)
	}
}

// cssStyle marks a tile's grid placement (built from integers only) as
// safe CSS.
func cssStyle(s string) template.CSS { return template.CSS(s) }

// viewerOf names the signed-in user and their groups, for the parameter
// defaults a dataset gives them. Anonymous sessions have neither.
func (c *Console) viewerOf(ctx context.Context, s *signedIn) viewer.Viewer {
	if s == nil || s.Console == nil || s.User == nil || (s.Session != nil && s.Session.Anonymous()) {
		return viewer.Viewer{}
	}
	groups, err := c.app.UserGroupNames(ctx, s.User.AccountID, s.User.Namespace, s.User.UserName)
	if err != nil {
		groups = nil // the user's own rows still apply
	}
	return viewer.Viewer{UserName: s.User.UserName, Groups: groups}
}
