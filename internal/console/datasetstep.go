package console

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/query/dataset"
	"github.com/sightglass/sightglass/internal/query/expr"
)

// editorState is the dataset editor at one step.
type editorState struct {
	Base      string
	Draft     *draft
	DraftJSON string
	Columns   []sg.DataSetColumn
	Rows      [][]string
	Truncated bool
	// Error is why the last step was refused (the draft is the one
	// before it); ErrorPos is its 1-based position in an expression, or 0.
	Error    string
	ErrorPos int
	Steps    []stepView
	Joins    []joinView
	// Tables are the tables of the draft's data source, for joins.
	Tables []app.SourceTable
	// DataSet is the saved dataset (nil for a new one); Owner says the
	// user may change it.
	DataSet    *sg.DataSet
	Owner      bool
	Ingestions []*sg.Ingestion
	CastTypes  []string
	Page       *dataSetPage
}

// stepView is one transform of the output table, described.
type stepView struct {
	Index int
	Kind  string
	Text  string
}

// joinView is one join of the diagram.
type joinView struct {
	Left, Right, Type, On string
}

// castTypes are the types CastColumnTypeOperation takes.
var castTypes = []string{"STRING", "INTEGER", "DECIMAL", "DATETIME"}

// editor builds the editor's state for a draft: its preview (bounded) or
// why it cannot be previewed.
func (c *Console) editor(ctx context.Context, u *sg.User, sid string, d *draft, stepErr error, p *dataSetPage) *editorState {
	e := &editorState{Base: "/embedding/" + sid + "/data/sets", Draft: d, DraftJSON: d.JSON(), CastTypes: castTypes, Page: p}
	physical, logical := d.maps()
	preview, err := c.app.PreviewDataSetDraft(ctx, u, physical, logical, previewRows)
	if err == nil {
		e.Columns, e.Truncated = preview.Columns, preview.Truncated
		for _, row := range preview.Rows {
			cells := make([]string, len(row))
			for i, v := range row {
				cells[i] = cellText(v)
			}
			e.Rows = append(e.Rows, cells)
		}
	}
	if stepErr == nil {
		stepErr = err
	}
	if stepErr != nil {
		e.Error, e.ErrorPos = stepMessage(stepErr)
	}
	e.Steps, e.Joins = describe(d)
	if d.DataSourceID != "" && !strings.Contains(d.DataSourceID, ",") {
		e.Tables, _ = c.app.SourceTables(ctx, u, d.DataSourceID)
	}
	return e
}

// previewRows is how many rows the editor's preview shows.
const previewRows = 50

// cellText renders a preview value.
func cellText(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case time.Time:
		return x.UTC().Format("2006-01-02 15:04:05")
	case []byte:
		return string(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return fmt.Sprint(v)
}

var rePosition = regexp.MustCompile(`at position (\d+)`)

// stepMessage is the message of a refused step and the position it names.
func stepMessage(err error) (string, int) {
	msg := sg.ErrorMessage(err)
	if _, ok := errors.AsType[*sg.Error](err); !ok {
		msg = "The step could not be applied."
	}
	pos := 0
	if m := rePosition.FindStringSubmatch(msg); m != nil {
		pos, _ = strconv.Atoi(m[1])
	}
	return msg, pos
}

// describe lists the output table's steps and the draft's joins.
func describe(d *draft) ([]stepView, []joinView) {
	var steps []stepView
	if root := d.root(); root != "" {
		for i, raw := range d.LogicalTableMap[root].DataTransforms {
			var op map[string]map[string]any
			_ = json.Unmarshal(raw, &op)
			for kind, body := range op {
				steps = append(steps, stepView{Index: i, Kind: kind, Text: stepText(kind, body)})
			}
		}
	}
	var joins []joinView
	for _, id := range sortedLogical(d) {
		if j := d.LogicalTableMap[id].source().JoinInstruction; j != nil {
			joins = append(joins, joinView{Left: aliasOf(d, j.LeftOperand), Right: aliasOf(d, j.RightOperand), Type: j.Type, On: j.OnClause})
		}
	}
	return steps, joins
}

func sortedLogical(d *draft) []string {
	ids := make([]string, 0, len(d.LogicalTableMap))
	for id := range d.LogicalTableMap {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return ids
}

func aliasOf(d *draft, id string) string {
	if lt := d.LogicalTableMap[id]; lt != nil {
		return lt.Alias
	}
	return id
}

// stepText describes a transform.
func stepText(kind string, body map[string]any) string {
	s := func(k string) string { v, _ := body[k].(string); return v }
	switch kind {
	case "RenameColumnOperation":
		return fmt.Sprintf("Rename %s to %s", s("ColumnName"), s("NewColumnName"))
	case "CastColumnTypeOperation":
		return fmt.Sprintf("Change the type of %s to %s", s("ColumnName"), s("NewColumnType"))
	case "ProjectOperation":
		cols, _ := body["ProjectedColumns"].([]any)
		return fmt.Sprintf("Keep %d columns", len(cols))
	case "FilterOperation":
		return "Filter: " + s("ConditionExpression")
	case "CreateColumnsOperation":
		cols, _ := body["Columns"].([]any)
		var parts []string
		for _, c := range cols {
			if m, ok := c.(map[string]any); ok {
				parts = append(parts, fmt.Sprintf("%v = %v", m["ColumnName"], m["Expression"]))
			}
		}
		return "Calculated field " + strings.Join(parts, ", ")
	}
	return kind
}

// postSession resolves the session of a console POST: the token must come
// in the X-Sightglass-Session header, which a cross-site page cannot set
// (the console's CSRF protection for session requests). It writes the
// refusal itself.
func (c *Console) postSession(w http.ResponseWriter, r *http.Request) (*signedIn, bool) {
	w.Header().Set("Cache-Control", "no-store")
	if _, fromHeader := sessionToken(r); !fromHeader {
		http.Error(w, "missing "+headerName+" header", http.StatusForbidden)
		return nil, false
	}
	return c.fragmentSession(w, r)
}

// fragmentSession resolves the session of a fragment request (the
// header or the cookie) and sets the security headers.
func (c *Console) fragmentSession(w http.ResponseWriter, r *http.Request) (*signedIn, bool) {
	ctx := r.Context()
	if !reSID.MatchString(r.PathValue("sid")) {
		http.NotFound(w, r)
		return nil, false
	}
	if c.failures.blocked(r, c.now()) {
		http.Error(w, "too many failed attempts", http.StatusTooManyRequests)
		return nil, false
	}
	s, err := c.session(ctx, r, r.PathValue("sid"))
	if err != nil {
		if errors.Is(err, app.ErrNoSession) {
			c.failures.fail(r, c.now())
			w.Header().Set("HX-Refresh", "true")
			http.Error(w, "session ended", http.StatusUnauthorized)
			return nil, false
		}
		if errors.Is(err, errExperienceOnly) {
			c.refuseExperience(w, r, false)
			return nil, false
		}
		c.internalError(w, r, err)
		return nil, false
	}
	domains, err := c.app.SessionDomains(ctx, s.Session)
	if err != nil {
		c.internalError(w, r, err)
		return nil, false
	}
	setSecurityHeaders(w, domains)
	return s, true
}

// parseEditorForm reads a posted editor form, bounded.
func parseEditorForm(w http.ResponseWriter, r *http.Request) bool {
	r.Body = http.MaxBytesReader(w, r.Body, maxDraftBytes+64<<10)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "The form is too large or malformed.", http.StatusRequestEntityTooLarge)
		return false
	}
	return true
}

// errorStatus is the HTTP status of a refused console change.
func errorStatus(err error) int {
	switch sg.ErrorCode(err) {
	case sg.EACCESSDENIED:
		return http.StatusForbidden
	case sg.ENOTFOUND:
		return http.StatusNotFound
	case sg.EEXISTS, sg.ECONFLICT:
		return http.StatusConflict
	case sg.ELIMIT:
		return http.StatusTooManyRequests
	case sg.EUNAVAILABLE:
		return http.StatusServiceUnavailable
	}
	return http.StatusBadRequest
}

// editorAccess checks that u may edit the draft: the capability to
// create and change datasets, and for a saved dataset, its ownership.
func (c *Console) editorAccess(ctx context.Context, u *sg.User, d *draft) (*dataSetPage, error) {
	if !app.IsAuthorRole(u.Role) {
		return nil, sg.Errorf(sg.EACCESSDENIED, "Readers can't open data pages.")
	}
	denied, err := c.app.DeniedSet(ctx, u, app.DataSetCapabilities)
	if err != nil {
		return nil, err
	}
	if denied[app.CapabilityCreateAndUpdateDatasets] {
		return nil, sg.Errorf(sg.EACCESSDENIED, "Your custom permissions (%s) deny CreateAndUpdateDatasets: you can't create or change datasets.", u.CustomPermissionsName)
	}
	if !d.Create {
		ds, err := c.app.ConsoleDataSet(ctx, u, d.DataSetID)
		if err != nil {
			return nil, err
		}
		if !c.app.CanEditDataSet(ctx, u, ds) {
			return nil, sg.Errorf(sg.EACCESSDENIED, "Dataset %s is shared with you as a viewer: only its owners can change it.", ds.ID)
		}
	}
	return &dataSetPage{Denied: denied}, nil
}

// handleEditorStart starts a draft from a table of a data source or from
// custom SQL and answers with the editor page's body.
func (c *Console) handleEditorStart(w http.ResponseWriter, r *http.Request) {
	s, ok := c.postSession(w, r)
	if !ok || !parseEditorForm(w, r) {
		return
	}
	ctx := r.Context()
	f := r.PostForm
	err := func() error {
		p, err := c.editorAccess(ctx, s.User, &draft{Create: true})
		if err != nil {
			return err
		}
		sourceID := f.Get("source")
		arn := c.app.DataSourceARN(s.User.AccountID, sourceID)
		var d *draft
		if q := f.Get("sql"); f.Get("kind") == "sql" {
			cols, err := c.app.CustomSQLColumns(ctx, s.User, sourceID, q)
			if err != nil {
				return err
			}
			name := strings.TrimSpace(f.Get("name"))
			if name == "" {
				name = "Custom SQL"
			}
			d = startSQL(arn, sourceID, name, q, cols)
		} else {
			cols, err := c.app.TableColumns(ctx, s.User, sourceID, f.Get("schema"), f.Get("table"))
			if err != nil {
				return err
			}
			d = startTable(arn, sourceID, f.Get("schema"), f.Get("table"), cols)
		}
		p.Base = "/embedding/" + s.Session.EmbedID + "/data/sets"
		return c.renderEditor(w, http.StatusOK, s, c.editor(ctx, s.User, s.Session.EmbedID, d, nil, p))
	}()
	if err != nil {
		c.fragmentError(w, r, err)
	}
}

// renderEditor writes the editor's body.
func (c *Console) renderEditor(w http.ResponseWriter, status int, s *signedIn, e *editorState) error {
	d := &pageData{Sid: s.Session.EmbedID, User: s.User, DataSet: e.Page}
	e.Page.Base = e.Base
	e.Page.Editor = e
	e.Page.Functions = expr.Functions()
	return c.pages.render(w, status, "dataseteditor", "ds-editor", d)
}

// fragmentError answers a refused fragment request with its message.
func (c *Console) fragmentError(w http.ResponseWriter, r *http.Request, err error) {
	if _, ok := errors.AsType[*sg.Error](err); !ok || sg.ErrorCode(err) == sg.EINTERNAL {
		c.log.Error("console request failed", "path", r.URL.Path, "err", err)
		http.Error(w, "Something went wrong.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(errorStatus(err))
	fmt.Fprintf(w, `<p class="ds-refused" role="alert">%s</p>`, template.HTMLEscapeString(sg.ErrorMessage(err)))
}

// handleEditorStep applies one step to the posted draft and answers with
// the editor's body: the new draft and its preview, or the draft as it
// was with the reason the step was refused (status 400).
func (c *Console) handleEditorStep(w http.ResponseWriter, r *http.Request) {
	s, ok := c.postSession(w, r)
	if !ok || !parseEditorForm(w, r) {
		return
	}
	ctx := r.Context()
	f := r.PostForm
	d, err := parseDraft(f.Get("draft"))
	if err != nil {
		c.fragmentError(w, r, err)
		return
	}
	p, err := c.editorAccess(ctx, s.User, d)
	if err != nil {
		c.fragmentError(w, r, err)
		return
	}
	before := d.JSON()
	stepErr := c.applyStep(ctx, s.User, d, f.Get("op"), f)
	if stepErr == nil {
		// The step must leave a dataset CreateDataSet accepts.
		physical, logical := d.maps()
		_, stepErr = c.app.CheckDataSetDraft(ctx, s.User, physical, logical)
	}
	status := http.StatusOK
	if stepErr != nil {
		if _, ok := errors.AsType[*sg.Error](stepErr); !ok {
			c.fragmentError(w, r, stepErr)
			return
		}
		status = errorStatus(stepErr)
		d, _ = parseDraft(before)
	}
	if err := c.renderEditor(w, status, s, c.editor(ctx, s.User, s.Session.EmbedID, d, stepErr, p)); err != nil {
		c.internalError(w, r, err)
	}
}

// applyStep applies the step op with the form's fields to d.
func (c *Console) applyStep(ctx context.Context, u *sg.User, d *draft, op string, f map[string][]string) error {
	get := func(k string) string {
		if v := f[k]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	output := func() ([]sg.DataSetColumn, error) {
		physical, logical := d.maps()
		return c.app.CheckDataSetDraft(ctx, u, physical, logical)
	}
	switch op {
	case "rename":
		if strings.TrimSpace(get("to")) == "" {
			return sg.Errorf(sg.EINVALID, "The new name is empty.")
		}
		return d.rename(get("column"), strings.TrimSpace(get("to")))
	case "cast":
		return d.cast(get("column"), get("type"), get("format"))
	case "exclude":
		cols, err := output()
		if err != nil {
			return err
		}
		return d.exclude(cols, get("column"))
	case "calc":
		name := strings.TrimSpace(get("name"))
		if name == "" {
			return sg.Errorf(sg.EINVALID, "The calculated field needs a name.")
		}
		return d.calculated(name, get("expression"))
	case "filter":
		return d.filter(get("condition"))
	case "remove":
		i, err := strconv.Atoi(get("index"))
		if err != nil {
			return sg.Errorf(sg.EINVALID, "There is no such step.")
		}
		return d.removeStep(i)
	case "settings":
		d.Name = strings.TrimSpace(get("name"))
		if m := get("mode"); m != "" {
			d.ImportMode = m
		}
		return nil
	case "join":
		cols, err := output()
		if err != nil {
			return err
		}
		if d.DataSourceID == "" || strings.Contains(d.DataSourceID, ",") {
			return sg.Errorf(sg.EINVALID, "Joins need a dataset that reads one data source.")
		}
		schema, table := get("schema"), get("table")
		if ref := get("ref"); ref != "" {
			// The form names a table by its place in the source's list.
			tables, err := c.app.SourceTables(ctx, u, d.DataSourceID)
			if err != nil {
				return err
			}
			i, err := strconv.Atoi(ref)
			if err != nil || i < 0 || i >= len(tables) {
				return sg.Errorf(sg.EINVALID, "There is no such table.")
			}
			schema, table = tables[i].Schema, tables[i].Name
		}
		right, err := c.app.TableColumns(ctx, u, d.DataSourceID, schema, table)
		if err != nil {
			return err
		}
		arn := c.app.DataSourceARN(u.AccountID, d.DataSourceID)
		return d.join(arn, schema, table, right, cols, get("type"), get("left"), get("right"))
	}
	return sg.Errorf(sg.EINVALID, "Unknown step %q.", op)
}

// calcCheck is the answer to a calculated field's check as it is typed.
type calcCheck struct {
	OK       bool     `json:"ok"`
	Message  string   `json:"message,omitempty"`
	Position int      `json:"position,omitempty"` // 1-based
	Type     string   `json:"type,omitempty"`
	Values   []string `json:"values,omitempty"`
}

// handleCalcCheck validates a calculated field against the draft with
// the code the API uses and previews its first values.
func (c *Console) handleCalcCheck(w http.ResponseWriter, r *http.Request) {
	s, ok := c.postSession(w, r)
	if !ok || !parseEditorForm(w, r) {
		return
	}
	ctx := r.Context()
	f := r.PostForm
	d, err := parseDraft(f.Get("draft"))
	if err == nil {
		_, err = c.editorAccess(ctx, s.User, d)
	}
	if err != nil {
		c.fragmentError(w, r, err)
		return
	}
	name := strings.TrimSpace(f.Get("name"))
	if name == "" {
		name = "calculated"
	}
	out := calcCheck{}
	if _, perr := expr.Parse(f.Get("expression")); perr != nil {
		out.Message, out.Position = calcError(perr)
	} else if err := d.calculated(name, f.Get("expression")); err != nil {
		out.Message = sg.ErrorMessage(err)
	} else {
		physical, logical := d.maps()
		preview, err := c.app.PreviewDataSetDraft(ctx, s.User, physical, logical, 10)
		if err != nil {
			if _, ok := errors.AsType[*sg.Error](err); !ok {
				c.fragmentError(w, r, err)
				return
			}
			out.Message, out.Position = stepMessage(err)
		} else {
			out.OK = true
			i := len(preview.Columns) - 1
			for j, col := range preview.Columns {
				if col.Name == name {
					i = j
				}
			}
			out.Type = preview.Columns[i].Type
			for _, row := range preview.Rows {
				out.Values = append(out.Values, cellText(row[i]))
			}
		}
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(out)
}

// calcError is the message and 1-based position of a parse error.
func calcError(err error) (string, int) {
	if e, ok := errors.AsType[*expr.Error](err); ok {
		return e.Error(), e.Pos + 1
	}
	return err.Error(), 0
}

// handleEditorSave saves the draft through CreateDataSet or
// UpdateDataSet. With visualize set it then creates an analysis with one
// empty sheet on the dataset (through CreateAnalysis: the analysis editor
// comes later) and opens its page.
func (c *Console) handleEditorSave(w http.ResponseWriter, r *http.Request) {
	s, ok := c.postSession(w, r)
	if !ok || !parseEditorForm(w, r) {
		return
	}
	ctx := r.Context()
	f := r.PostForm
	d, err := parseDraft(f.Get("draft"))
	if err != nil {
		c.fragmentError(w, r, err)
		return
	}
	p, err := c.editorAccess(ctx, s.User, d)
	if err != nil {
		c.fragmentError(w, r, err)
		return
	}
	if name := strings.TrimSpace(f.Get("name")); name != "" {
		d.Name = name
	}
	if m := f.Get("mode"); m != "" {
		d.ImportMode = m
	}
	id := d.DataSetID
	if d.Create {
		id = newResourceID()
	}
	physical, logical := d.maps()
	in := app.ConsoleSaveInput{DataSetID: id, Name: d.Name, ImportMode: d.ImportMode, PhysicalTableMap: physical, LogicalTableMap: logical, Create: d.Create}
	event := "UpdateDataSet"
	if d.Create {
		event = "CreateDataSet"
	}
	params := map[string]any{"awsAccountId": s.User.AccountID, "dataSetId": id}
	err = c.app.ConsoleChange(ctx, s.User, event, params, func(ctx context.Context) error {
		_, _, err := c.app.ConsoleSaveDataSet(ctx, s.User, in)
		return err
	})
	if err != nil {
		if _, ok := errors.AsType[*sg.Error](err); !ok {
			c.fragmentError(w, r, err)
			return
		}
		if err := c.renderEditor(w, errorStatus(err), s, c.editor(ctx, s.User, s.Session.EmbedID, d, err, p)); err != nil {
			c.internalError(w, r, err)
		}
		return
	}
	target := "/embedding/" + s.Session.EmbedID + "/data/sets/" + id
	if f.Get("visualize") != "" {
		var an *sg.Analysis
		err := c.app.ConsoleChange(ctx, s.User, "CreateAnalysis", map[string]any{"awsAccountId": s.User.AccountID, "dataSetId": id}, func(ctx context.Context) error {
			var err error
			an, err = c.app.ConsoleCreateAnalysis(ctx, s.User, d.Name+" analysis", id)
			return err
		})
		if err != nil {
			c.fragmentError(w, r, err)
			return
		}
		target = "/embedding/" + s.Session.EmbedID + "/analyses/" + an.ID + "/edit"
	}
	loc, _ := json.Marshal(map[string]string{"path": target, "target": "body"})
	w.Header().Set("HX-Location", string(loc))
	w.WriteHeader(http.StatusNoContent)
}

// newResourceID returns a new random dataset or analysis id (a UUID).
func newResourceID() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := fmt.Sprintf("%x", b[:])
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}

// handleTableColumns answers the join form's key choice: the columns of
// the table the form names by its place in the source's list.
func (c *Console) handleTableColumns(w http.ResponseWriter, r *http.Request) {
	s, ok := c.fragmentSession(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	q := r.URL.Query()
	cols, err := func() ([]dataset.InputColumn, error) {
		tables, err := c.app.SourceTables(ctx, s.User, q.Get("source"))
		if err != nil {
			return nil, err
		}
		i, err := strconv.Atoi(q.Get("ref"))
		if err != nil || i < 0 || i >= len(tables) {
			return nil, sg.Errorf(sg.ENOTFOUND, "There is no such table.")
		}
		return c.app.TableColumns(ctx, s.User, q.Get("source"), tables[i].Schema, tables[i].Name)
	}()
	if err != nil {
		c.fragmentError(w, r, err)
		return
	}
	c.renderPanel(w, r, http.StatusOK, "ds-right-columns", cols)
}
