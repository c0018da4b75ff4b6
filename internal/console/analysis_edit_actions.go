package console

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/authoring"
)

// postEditSession resolves the session of a state-changing console request:
// it must carry the session header (which a cross-site page cannot send),
// and its form is read, bounded. It answers the request itself when it
// returns nil.
func (c *Console) postEditSession(w http.ResponseWriter, r *http.Request) *signedIn {
	ctx := r.Context()
	sid := r.PathValue("sid")
	if !reSID.MatchString(sid) {
		http.NotFound(w, r)
		return nil
	}
	if _, fromHeader := sessionToken(r); !fromHeader {
		http.Error(w, "missing "+headerName+" header", http.StatusForbidden)
		return nil
	}
	if c.failures.blocked(r, c.now()) {
		http.Error(w, "too many failed attempts", http.StatusTooManyRequests)
		return nil
	}
	s, err := c.session(ctx, r, sid)
	if err != nil {
		if errors.Is(err, app.ErrNoSession) {
			c.failures.fail(r, c.now())
			w.Header().Set("HX-Refresh", "true")
			http.Error(w, "Your session has ended. Reload the page.", http.StatusUnauthorized)
			return nil
		}
		c.internalError(w, r, err)
		return nil
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "The form could not be read.", http.StatusBadRequest)
		return nil
	}
	domains, err := c.app.SessionDomains(ctx, s.Session)
	if err != nil {
		c.internalError(w, r, err)
		return nil
	}
	setSecurityHeaders(w, domains)
	return s
}

// actionStatus is the HTTP status of a refused editor action.
func actionStatus(err error) (int, bool) {
	switch sg.ErrorCode(err) {
	case sg.EINVALID, sg.EVALIDATION, sg.ELIMIT:
		return http.StatusBadRequest, true
	case sg.ECONFLICT:
		return http.StatusConflict, true
	case sg.EACCESSDENIED:
		return http.StatusForbidden, true
	case sg.ENOTFOUND:
		return http.StatusNotFound, true
	}
	return 0, false
}

// handleCreateAnalysis creates an analysis from the dataset picker and
// sends the page to its editor.
func (c *Console) handleCreateAnalysis(w http.ResponseWriter, r *http.Request) {
	s := c.postEditSession(w, r)
	if s == nil {
		return
	}
	ctx := r.Context()
	name := strings.TrimSpace(r.PostForm.Get("name"))
	dataSetIDs := r.PostForm["dataSetId"] // one or more (checkboxes)
	var an *sg.Analysis
	params := map[string]any{"awsAccountId": s.User.AccountID, "dataSetIds": dataSetIDs, "name": name}
	err := c.app.ConsoleChange(ctx, s.User, "CreateAnalysis", params, func(ctx context.Context) error {
		var err error
		an, err = c.app.ConsoleCreateAnalysis(ctx, s.User, name, dataSetIDs...)
		return err
	})
	if err != nil {
		if status, ok := actionStatus(err); ok {
			http.Error(w, sg.ErrorMessage(err), status)
			return
		}
		c.internalError(w, r, err)
		return
	}
	// htmx loads the editor as a boosted link would (the session header
	// and the SDK's parameters travel with it) and swaps its page in.
	to := "/embedding/" + s.Session.EmbedID + "/analyses/" + an.ID + "/edit"
	loc, _ := json.Marshal(map[string]string{"path": to, "target": "#main", "select": "#main", "swap": "outerHTML"})
	w.Header().Set("HX-Location", string(loc))
	w.Header().Set("Location", to)
	w.WriteHeader(http.StatusCreated)
}

// handleEditAnalysis applies one editor action (form member op) and
// answers with the editor re-rendered.
func (c *Console) handleEditAnalysis(w http.ResponseWriter, r *http.Request) {
	s := c.postEditSession(w, r)
	if s == nil {
		return
	}
	ctx := r.Context()
	id := r.PathValue("id")
	f := r.PostForm
	op, version, selected, sheetID := f.Get("op"), f.Get("version"), f.Get("visual"), f.Get("sheetId")
	key := historyKey(s, id)
	var before []byte
	undoing := op == "undo"
	edit := func(raw []byte) ([]byte, error) {
		before = raw
		out, newSel, newSheet, handled, err := c.applyLayoutAction(ctx, s, id, op, f, raw)
		if !handled {
			out, newSel, err = c.applyAction(ctx, s, key, op, f, raw)
		}
		if newSel != "" {
			selected = newSel
		}
		if newSheet != "" {
			sheetID = newSheet
		}
		return out, err
	}
	params := map[string]any{"awsAccountId": s.User.AccountID, "analysisId": id, "editorAction": op}
	err := c.app.ConsoleChange(ctx, s.User, "UpdateAnalysis", params, func(ctx context.Context) error {
		_, err := c.app.ConsoleSaveAnalysis(ctx, s.User, id, version, editSummary(op, f), edit)
		if err != nil {
			return err
		}
		switch op {
		case "undo", "redo":
			return c.historyMoved(ctx, key, undoing, before)
		}
		return c.historyChanged(ctx, key, before)
	})
	status := http.StatusOK
	message := ""
	if err != nil {
		var ok bool
		if status, ok = actionStatus(err); !ok {
			c.internalError(w, r, err)
			return
		}
		message = sg.ErrorMessage(err)
		if status == http.StatusNotFound || status == http.StatusForbidden {
			http.Error(w, message, status)
			return
		}
	}
	c.answerEditor(w, r, s, id, sheetID, selected, status, message, "")
}

// answerEditor renders the editor fragment htmx swaps in.
func (c *Console) answerEditor(w http.ResponseWriter, r *http.Request, s *signedIn, id, sheetID, selected string, status int, message, published string) {
	ed, err := c.buildEditor(r.Context(), s, id, sheetID, selected)
	if err != nil {
		if st, ok := actionStatus(err); ok {
			http.Error(w, sg.ErrorMessage(err), st)
			return
		}
		c.internalError(w, r, err)
		return
	}
	c.pickDataSet(r.Context(), s, ed, r.PostForm.Get("fieldsDataSet"))
	ed.Message, ed.Published = message, published
	if err := c.pages.render(w, status, "analysis_edit", "editor", ed); err != nil {
		c.internalError(w, r, err)
	}
}

// applyAction computes the definition an editor action makes of raw, and
// the visual to select afterwards ("" to keep the selection).
func (c *Console) applyAction(ctx context.Context, s *signedIn, key sg.EditStackKey, op string, f url.Values, raw []byte) ([]byte, string, error) {
	visual, field, kind, well, value := f.Get("visual"), f.Get("field"), f.Get("kind"), f.Get("well"), f.Get("value")
	index := -1
	if i, err := strconv.Atoi(f.Get("index")); err == nil && i >= 0 {
		index = i
	}
	if out, ok, err := c.paramAction(ctx, s, op, f, raw); ok {
		return out, "", err
	}
	if out, ok, err := c.dataSetAction(ctx, s, op, f, raw); ok {
		return out, "", err
	}
	switch op {
	case "add-visual":
		return authoring.AddVisual(raw, f.Get("sheetId"), kind)
	case "duplicate-visual":
		return authoring.DuplicateVisual(raw, visual)
	case "delete-visual":
		out, err := authoring.DeleteVisual(raw, visual)
		return out, "", err
	case "change-type":
		out, err := authoring.ChangeType(raw, visual, kind)
		return out, visual, err
	case "add-field":
		col, err := c.columnOf(ctx, s, raw, f.Get("dataset"), f.Get("column"))
		if err != nil {
			return nil, "", err
		}
		out, _, err := authoring.AddField(raw, visual, well, col, index)
		return out, visual, err
	case "move-field":
		out, err := authoring.MoveField(raw, field, well, index)
		return out, "", err
	case "remove-field":
		out, err := authoring.RemoveField(raw, field)
		return out, "", err
	case "aggregation":
		out, err := authoring.SetAggregation(raw, field, value)
		return out, "", err
	case "granularity":
		out, err := authoring.SetGranularity(raw, field, value)
		return out, "", err
	case "sort":
		out, err := authoring.SetSort(raw, field, value)
		return out, "", err
	case "add-filter":
		out, err := c.addFilter(ctx, s, f, raw)
		return out, "", err
	case "remove-filter":
		out, err := authoring.RemoveFilterGroup(raw, f.Get("group"))
		return out, "", err
	case "undo", "redo":
		def, ok, err := c.historyTop(ctx, key, op == "undo")
		if err != nil {
			return nil, "", err
		}
		if !ok {
			return nil, "", sg.Errorf(sg.ECONFLICT, "There is nothing to %s.", op)
		}
		return def, "", nil
	}
	return nil, "", sg.Errorf(sg.EINVALID, "Unknown editor action %q.", op)
}

// columnOf returns a column of a dataset the definition declares, with its
// type as the dataset has it (never as the page says).
func (c *Console) columnOf(ctx context.Context, s *signedIn, raw []byte, identifier, name string) (authoring.Column, error) {
	dss, err := authoring.DataSets(raw)
	if err != nil {
		return authoring.Column{}, err
	}
	for _, ds := range dss {
		if ds.Identifier != identifier {
			continue
		}
		d, err := c.dataSetOf(ctx, s, ds.ARN)
		if err != nil {
			return authoring.Column{}, err
		}
		for _, col := range d.OutputColumns {
			if col.Name == name {
				return authoring.Column{DataSetIdentifier: identifier, Name: name, Type: col.Type}, nil
			}
		}
		return authoring.Column{}, sg.Errorf(sg.EINVALID, "Dataset %s has no field %s.", d.Name, name)
	}
	return authoring.Column{}, sg.Errorf(sg.EINVALID, "The analysis has no dataset %s.", identifier)
}

// handlePublishAnalysis publishes the analysis as a new dashboard or as a
// new, published version of one the author may update.
func (c *Console) handlePublishAnalysis(w http.ResponseWriter, r *http.Request) {
	s := c.postEditSession(w, r)
	if s == nil {
		return
	}
	ctx := r.Context()
	id := r.PathValue("id")
	dashboardID := r.PostForm.Get("dashboardId")
	if dashboardID == "" {
		var b [16]byte
		rand.Read(b[:])
		h := hex.EncodeToString(b[:])
		dashboardID = h[:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
	}
	name := strings.TrimSpace(r.PostForm.Get("name"))
	params := map[string]any{"awsAccountId": s.User.AccountID, "analysisId": id, "dashboardId": dashboardID}
	err := c.app.ConsoleChange(ctx, s.User, "PublishDashboard", params, func(ctx context.Context) error {
		_, _, err := c.app.PublishDashboard(ctx, s.User, s.User.AccountID, dashboardID, name, id)
		return err
	})
	status, message := http.StatusOK, ""
	if err != nil {
		var ok bool
		if status, ok = actionStatus(err); !ok {
			c.internalError(w, r, err)
			return
		}
		message = sg.ErrorMessage(err)
	}
	published := ""
	if message == "" {
		published = dashboardID
	}
	c.answerEditor(w, r, s, id, r.PostForm.Get("sheetId"), r.PostForm.Get("visual"), status, message, published)
}
