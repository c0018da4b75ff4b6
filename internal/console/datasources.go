package console

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
)

// The data-source pages (QuickSight's "Datasets / New dataset" flow):
// list the data sources a user may see, create and edit PostgreSQL, MySQL
// and MariaDB sources with a live connection test, share, and delete with
// the datasets that read a source shown first. Every change goes through
// the App methods the API uses.

// dataPage is what the data pages render.
type dataPage struct {
	Sources []*sg.DataSource
	Source  *sg.DataSource
	// Form is the data-source form (new or edit); Problem explains its
	// last failed connection test.
	Form    *sourceForm
	Problem *connectionProblem
	// Tested is set on the fragment of a connection test that succeeded.
	Tested bool
	// Manage and Share: the user may edit/delete and share Source.
	Manage, Share bool
	Shares        []shareRow
	Dependents    []*sg.DataSet
	HiddenDeps    int
	// Denied are the capabilities the user's profile denies.
	Denied map[string]bool
	Notice string
	Upload *uploadPage
	// CanUpload: the user may upload files.
	CanUpload bool
	// SQLiteFiles are the operator's files a SQLite source may read.
	SQLiteFiles []string
	Browse      *browsePage
}

// sourceForm is the data-source form's values.
type sourceForm struct {
	ID, Name, Type, Host, Database, Username string
	Port                                     int
	DisableSSL                               bool
	FileName                                 string // SQLITE: shown, not editable
	Error                                    string
}

// shareRow is one principal a data source is shared with.
type shareRow struct {
	Principal, UserName, Level string
}

// dataSourceTypes are the types the form offers.
var dataSourceTypes = []struct{ Value, Label string }{
	{sg.DataSourcePostgreSQL, "PostgreSQL"}, {sg.DataSourceMySQL, "MySQL"}, {sg.DataSourceMariaDB, "MariaDB"},
}

func (c *Console) deniedCaps(r *http.Request, s *signedIn) (map[string]bool, error) {
	return c.app.DeniedSet(r.Context(), s.User, app.DataPageCapabilities)
}

func (c *Console) renderData(w http.ResponseWriter, r *http.Request, status int, page string, d *pageData) {
	if err := c.pages.render(w, status, page, "layout", d); err != nil {
		c.internalError(w, r, err)
	}
}

// handleDataSources lists the data sources.
func (c *Console) handleDataSources(w http.ResponseWriter, r *http.Request) {
	s := c.dataSession(w, r)
	if s == nil {
		return
	}
	list, err := c.app.ConsoleDataSources(r.Context(), s.User)
	if err != nil {
		c.dataError(w, r, err)
		return
	}
	denied, err := c.deniedCaps(r, s)
	if err != nil {
		c.internalError(w, r, err)
		return
	}
	d := c.dataPageData(r, s, "Data sources")
	d.Data = &dataPage{Sources: list, Denied: denied, CanUpload: c.app.CheckUpload(r.Context(), s.User) == nil, Notice: noticeText(r.URL.Query().Get("done"))}
	c.renderData(w, r, http.StatusOK, "data_sources", d)
}

// noticeText is the notice a redirect after a change asks for.
func noticeText(done string) string {
	switch done {
	case "deleted":
		return "The data source was deleted."
	}
	return ""
}

// handleNewDataSource shows the empty form.
func (c *Console) handleNewDataSource(w http.ResponseWriter, r *http.Request) {
	s := c.dataSession(w, r)
	if s == nil {
		return
	}
	if err := c.requireDataSourceAuthoring(r, s); err != nil {
		c.dataError(w, r, err)
		return
	}
	files, err := c.app.ConsoleSQLiteFiles(s.User)
	if err != nil {
		c.dataError(w, r, err)
		return
	}
	d := c.dataPageData(r, s, "New data source")
	d.Data = &dataPage{Form: &sourceForm{Type: sg.DataSourcePostgreSQL, Port: 5432}, Manage: true, SQLiteFiles: files}
	c.renderData(w, r, http.StatusOK, "data_source", d)
}

// requireDataSourceAuthoring refuses readers and a denied
// CreateAndUpdateDataSources before a form is shown.
func (c *Console) requireDataSourceAuthoring(r *http.Request, s *signedIn) error {
	if _, err := c.app.ConsoleDataSources(r.Context(), s.User); err != nil && sg.ErrorCode(err) == sg.EACCESSDENIED {
		return err
	}
	denied, err := c.deniedCaps(r, s)
	if err != nil {
		return err
	}
	if denied[app.CapabilityCreateAndUpdateDataSources] {
		return sg.Errorf(sg.EACCESSDENIED, "Your custom permissions (%s) deny CreateAndUpdateDataSources: you can't create or change data sources.", s.User.CustomPermissionsName)
	}
	return nil
}

// readSourceForm reads the posted data-source form.
func readSourceForm(r *http.Request) (app.ConsoleDataSourceInput, *sourceForm) {
	f := r.PostForm
	port, _ := strconv.Atoi(strings.TrimSpace(f.Get("port")))
	in := app.ConsoleDataSourceInput{
		ID:         r.PathValue("id"),
		Name:       strings.TrimSpace(f.Get("name")),
		Type:       f.Get("type"),
		Host:       strings.TrimSpace(f.Get("host")),
		Port:       port,
		Database:   strings.TrimSpace(f.Get("database")),
		Username:   strings.TrimSpace(f.Get("username")),
		Password:   f.Get("password"),
		DisableSSL: f.Get("disableSsl") == "on",
		FileName:   f.Get("file"),
	}
	return in, &sourceForm{ID: in.ID, Name: in.Name, Type: in.Type, Host: in.Host, Port: in.Port, Database: in.Database, Username: in.Username, DisableSSL: in.DisableSSL}
}

// parseDataForm reads a small posted form (the console's body limit
// applies); false after writing the refusal.
func (c *Console) parseDataForm(w http.ResponseWriter, r *http.Request) bool {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	if err := r.ParseForm(); err != nil {
		c.errorPage(w, r, r.PathValue("sid"), http.StatusBadRequest, "BadRequest", "The form could not be read", "The form was too large or malformed.", "")
		return false
	}
	return true
}

// handleCreateDataSource creates a data source from the form. A source
// whose connection test fails is created (as CreateDataSource does, with
// status CREATION_FAILED) and its page explains the failure.
func (c *Console) handleCreateDataSource(w http.ResponseWriter, r *http.Request) {
	s := c.dataSession(w, r)
	if s == nil || !c.parseDataForm(w, r) {
		return
	}
	in, form := readSourceForm(r)
	in.ID = ""
	var ds *sg.DataSource
	params := map[string]any{"awsAccountId": s.User.AccountID, "type": in.Type, "name": in.Name}
	err := c.app.ConsoleChange(r.Context(), s.User, "CreateDataSource", params, func(ctx context.Context) error {
		var err error
		ds, err = c.app.ConsoleCreateDataSource(ctx, s.User, in)
		return err
	})
	if err != nil {
		if sg.ErrorCode(err) == sg.EINVALID {
			d := c.dataPageData(r, s, "New data source")
			form.Error = sg.ErrorMessage(err)
			if form.Type == sg.DataSourceSQLite {
				form.Type = sg.DataSourcePostgreSQL
			}
			files, _ := c.app.ConsoleSQLiteFiles(s.User)
			d.Data = &dataPage{Form: form, Manage: true, SQLiteFiles: files}
			c.renderData(w, r, http.StatusBadRequest, "data_source", d)
			return
		}
		c.dataError(w, r, err)
		return
	}
	c.renderSource(w, r, s, ds, http.StatusOK, "")
}

// handleDataSource shows a data source: its status, the explanation of a
// failed test, and for its owners the edit form, sharing and deletion.
func (c *Console) handleDataSource(w http.ResponseWriter, r *http.Request) {
	s := c.dataSession(w, r)
	if s == nil {
		return
	}
	ds, err := c.app.ConsoleDataSource(r.Context(), s.User, r.PathValue("id"))
	if err != nil {
		c.dataError(w, r, err)
		return
	}
	c.renderSource(w, r, s, ds, http.StatusOK, "")
}

// renderSource renders the page of a data source.
func (c *Console) renderSource(w http.ResponseWriter, r *http.Request, s *signedIn, ds *sg.DataSource, status int, notice string) {
	ctx := r.Context()
	denied, err := c.deniedCaps(r, s)
	if err != nil {
		c.internalError(w, r, err)
		return
	}
	p := &dataPage{Source: ds, Problem: explainConnection(ds), Denied: denied, Notice: notice,
		Manage: c.app.CanManageDataSource(ctx, s.User, ds) && !denied[app.CapabilityCreateAndUpdateDataSources],
		Share:  c.app.CanShareDataSource(ctx, s.User, ds) && !denied[app.CapabilityShareDataSources],
	}
	if c.app.CanManageDataSource(ctx, s.User, ds) {
		conn, err := c.app.ConsoleDataSourceConnection(ctx, s.User, ds)
		if err != nil {
			c.internalError(w, r, err)
			return
		}
		p.Form = &sourceForm{ID: ds.ID, Name: ds.Name, Type: ds.Type, Host: conn.Host, Port: conn.Port, Database: conn.Database, Username: conn.Username, DisableSSL: conn.DisableSSL, FileName: conn.FileName}
		if p.Dependents, p.HiddenDeps, err = c.app.DataSourceDependents(ctx, s.User, ds.ID); err != nil {
			c.internalError(w, r, err)
			return
		}
	}
	if c.app.CanShareDataSource(ctx, s.User, ds) {
		for _, perm := range ds.Permissions {
			row := shareRow{Principal: perm.Principal, UserName: principalName(perm.Principal), Level: "user"}
			for _, a := range perm.Actions {
				if a == "quicksight:UpdateDataSourcePermissions" {
					row.Level = "owner"
				}
			}
			p.Shares = append(p.Shares, row)
		}
	}
	d := c.dataPageData(r, s, ds.Name)
	d.ResourceID = ds.ID
	d.Data = p
	c.renderData(w, r, status, "data_source", d)
}

// principalName is the user name of a QuickSight user ARN, else the ARN.
func principalName(arn string) string {
	if i := strings.LastIndex(arn, ":user/"); i >= 0 {
		rest := arn[i+len(":user/"):]
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			return rest[j+1:]
		}
	}
	return arn
}

// handleUpdateDataSource saves the edit form (a new test runs).
func (c *Console) handleUpdateDataSource(w http.ResponseWriter, r *http.Request) {
	s := c.dataSession(w, r)
	if s == nil || !c.parseDataForm(w, r) {
		return
	}
	in, form := readSourceForm(r)
	var ds *sg.DataSource
	params := map[string]any{"awsAccountId": s.User.AccountID, "dataSourceId": in.ID, "name": in.Name}
	err := c.app.ConsoleChange(r.Context(), s.User, "UpdateDataSource", params, func(ctx context.Context) error {
		var err error
		ds, err = c.app.ConsoleUpdateDataSource(ctx, s.User, in)
		return err
	})
	if err != nil {
		if sg.ErrorCode(err) == sg.EINVALID {
			cur, ferr := c.app.ConsoleDataSource(r.Context(), s.User, in.ID)
			if ferr != nil {
				c.dataError(w, r, ferr)
				return
			}
			d := c.dataPageData(r, s, cur.Name)
			form.Error, form.Type = sg.ErrorMessage(err), cur.Type
			d.Data = &dataPage{Source: cur, Form: form, Manage: true}
			c.renderData(w, r, http.StatusBadRequest, "data_source", d)
			return
		}
		c.dataError(w, r, err)
		return
	}
	c.renderSource(w, r, s, ds, http.StatusOK, "")
}

// handleTestDataSource tests the form's connection and answers with the
// result fragment; nothing is stored.
func (c *Console) handleTestDataSource(w http.ResponseWriter, r *http.Request) {
	s := c.dataSession(w, r)
	if s == nil || !c.parseDataForm(w, r) {
		return
	}
	in, _ := readSourceForm(r)
	in.ID = r.PostForm.Get("id")
	ds, err := c.app.ConsoleTestDataSource(r.Context(), s.User, in)
	p := &dataPage{}
	switch {
	case err == nil:
		p.Problem = explainConnection(ds)
		p.Tested = p.Problem == nil
	case sg.ErrorCode(err) == sg.EINVALID:
		p.Problem = &connectionProblem{Heading: "The form is not complete", Detail: sg.ErrorMessage(err), Hint: "Fill in the host, port, database and user name."}
	default:
		c.dataError(w, r, err)
		return
	}
	if err := c.pages.render(w, http.StatusOK, "data_source", "connection-result", &pageData{Data: p}); err != nil {
		c.internalError(w, r, err)
	}
}

// handleDeleteDataSource deletes a data source after the page showed what
// reads it.
func (c *Console) handleDeleteDataSource(w http.ResponseWriter, r *http.Request) {
	s := c.dataSession(w, r)
	if s == nil || !c.parseDataForm(w, r) {
		return
	}
	id := r.PathValue("id")
	params := map[string]any{"awsAccountId": s.User.AccountID, "dataSourceId": id}
	err := c.app.ConsoleChange(r.Context(), s.User, "DeleteDataSource", params, func(ctx context.Context) error {
		return c.app.ConsoleDeleteDataSource(ctx, s.User, id)
	})
	if err != nil {
		c.dataError(w, r, err)
		return
	}
	list, err := c.app.ConsoleDataSources(r.Context(), s.User)
	if err != nil {
		c.dataError(w, r, err)
		return
	}
	denied, _ := c.deniedCaps(r, s)
	d := c.dataPageData(r, s, "Data sources")
	d.Data = &dataPage{Sources: list, Denied: denied, Notice: noticeText("deleted"), CanUpload: c.app.CheckUpload(r.Context(), s.User) == nil}
	w.Header().Set("HX-Push-Url", "/embedding/"+s.Session.EmbedID+"/data/sources")
	c.renderData(w, r, http.StatusOK, "data_sources", d)
}

// handleShareDataSource grants or revokes a user's access (the
// permissions dialog).
func (c *Console) handleShareDataSource(w http.ResponseWriter, r *http.Request) {
	s := c.dataSession(w, r)
	if s == nil || !c.parseDataForm(w, r) {
		return
	}
	id := r.PathValue("id")
	f := r.PostForm
	userName, level, revoke := strings.TrimSpace(f.Get("user")), f.Get("level"), f.Get("revoke") != ""
	event := "UpdateDataSourcePermissions"
	params := map[string]any{"awsAccountId": s.User.AccountID, "dataSourceId": id, "user": userName, "level": level, "revoke": revoke}
	var ds *sg.DataSource
	err := c.app.ConsoleChange(r.Context(), s.User, event, params, func(ctx context.Context) error {
		var err error
		ds, err = c.app.ConsoleShareDataSource(ctx, s.User, id, userName, level, revoke)
		return err
	})
	if err != nil {
		if sg.ErrorCode(err) == sg.EINVALID {
			cur, ferr := c.app.ConsoleDataSource(r.Context(), s.User, id)
			if ferr != nil {
				c.dataError(w, r, ferr)
				return
			}
			c.renderSource(w, r, s, cur, http.StatusBadRequest, sg.ErrorMessage(err))
			return
		}
		c.dataError(w, r, err)
		return
	}
	c.renderSource(w, r, s, ds, http.StatusOK, "")
}

// browsePage is the result of browsing a data source.
type browsePage struct {
	Search    string
	Tables    []browseTable
	Truncated bool
	Error     string
}

// browseTable is a table and its columns.
type browseTable struct {
	Schema, Table string
	Columns       []app.SourceColumn
}

// handleBrowseDataSource lists the tables and columns of a data source
// matching ?q=: the fragment for htmx's search box, the whole page
// otherwise.
func (c *Console) handleBrowseDataSource(w http.ResponseWriter, r *http.Request) {
	s := c.dataSession(w, r)
	if s == nil {
		return
	}
	id, q := r.PathValue("id"), r.URL.Query().Get("q")
	cols, more, err := c.app.ConsoleBrowseDataSource(r.Context(), s.User, id, q)
	b := &browsePage{Search: q, Truncated: more}
	switch {
	case err == nil:
		for _, col := range cols {
			if n := len(b.Tables); n == 0 || b.Tables[n-1].Schema != col.Schema || b.Tables[n-1].Table != col.Table {
				b.Tables = append(b.Tables, browseTable{Schema: col.Schema, Table: col.Table})
			}
			t := &b.Tables[len(b.Tables)-1]
			t.Columns = append(t.Columns, col)
		}
	case sg.ErrorCode(err) == sg.EINVALID:
		b.Error = sg.ErrorMessage(err)
	default:
		c.dataError(w, r, err)
		return
	}
	d := c.dataPageData(r, s, "Browse")
	d.ResourceID = id
	d.Data = &dataPage{Browse: b}
	tmpl := "layout"
	if r.Header.Get("HX-Request") == "true" && r.Header.Get("HX-Boosted") != "true" {
		tmpl = "browse-results"
	}
	if err := c.pages.render(w, http.StatusOK, "data_source", tmpl, d); err != nil {
		c.internalError(w, r, err)
	}
}
