package console

import (
	"context"
	"errors"
	"net/http"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/query/expr"
)

// The dataset pages (/embedding/{sid}/data/sets…): the list of datasets,
// the start of a new one (a table of a data source, or custom SQL), and
// the editor. Every change goes through the App's dataset methods
// (CreateDataSet, UpdateDataSet, UpdateDataSetPermissions,
// CreateIngestion), so that what an author builds is what DescribeDataSet
// returns.

// dataSetPage is what the dataset pages render from.
type dataSetPage struct {
	Base string // /embedding/{sid}/data/sets
	// List page.
	DataSets []*sg.DataSet
	Sources  []*sg.DataSource
	// New page.
	Source *sg.DataSource
	Tables []app.SourceTable
	// Editor.
	Editor *editorState
	// Denied holds the dataset capabilities the user's custom
	// permissions deny; the page hides what they take away.
	Denied map[string]bool
	// Functions is the calculation language's reference, for the
	// calculated-field editor.
	Functions []expr.FunctionDoc
}

// CanCreate reports whether the user may create and change datasets.
func (p *dataSetPage) CanCreate() bool { return !p.Denied[app.CapabilityCreateAndUpdateDatasets] }

// CanShare reports whether the user may share datasets.
func (p *dataSetPage) CanShare() bool { return !p.Denied[app.CapabilityShareDatasets] }

// CanSPICE reports whether the user may create SPICE datasets.
func (p *dataSetPage) CanSPICE() bool { return !p.Denied[app.CapabilityCreateSPICEDataset] }

// resumeSession resolves the session of a page load (the cookie, the
// header or a navigation ticket, never a sign-on code) and writes the
// error page when there is none. It sets the security headers of the
// session's allow-list and returns the page's base data.
func (c *Console) resumeSession(w http.ResponseWriter, r *http.Request) (*signedIn, *pageData, bool) {
	ctx := r.Context()
	sid := r.PathValue("sid")
	if !reSID.MatchString(sid) {
		c.errorPage(w, r, "", http.StatusNotFound, "NotFound", "Page not found", "There is no console page at this address.", "")
		return nil, nil, false
	}
	now := c.now()
	if c.failures.blocked(r, now) {
		c.errorPage(w, r, "", http.StatusTooManyRequests, "Forbidden", "Too many failed attempts", "This address has failed to sign in too often. Wait a minute and open the embedded console again.", "")
		return nil, nil, false
	}
	var s *signedIn
	var err error
	presented, _ := sessionToken(r)
	if ticket := r.URL.Query().Get("sgTicket"); ticket != "" {
		var con *app.Console
		if con, presented, err = c.app.RedeemNavigationTicket(ctx, sid, ticket); err == nil {
			s, err = &signedIn{Console: con, Token: presented}, experienceScope(r, con.Session)
		} else {
			presented = ticket
		}
	} else {
		s, err = c.session(ctx, r, sid)
	}
	if errors.Is(err, errExperienceOnly) {
		c.refuseExperience(w, r, true)
		return nil, nil, false
	}
	if err != nil {
		if !errors.Is(err, app.ErrNoSession) {
			c.internalError(w, r, err)
			return nil, nil, false
		}
		if presented != "" {
			c.failures.fail(r, now)
		}
		c.errorPage(w, r, "", http.StatusUnauthorized, "Unauthorized", "Your session has ended", "The console session has expired or was ended.", "Reload the page that embeds the console to start a new session.")
		return nil, nil, false
	}
	domains, err := c.app.SessionDomains(ctx, s.Session)
	if err != nil {
		c.internalError(w, r, err)
		return nil, nil, false
	}
	var origin string
	if puny := r.URL.Query().Get("punyCodeEmbedOrigin"); puny != "" {
		var ok bool
		if origin, ok = embedOrigin(puny); !ok || !originAllowed(origin, domains) {
			c.errorPage(w, r, "", http.StatusForbidden, "Forbidden", "This site may not embed the console", "The page embedding this console is not on the account's embedding-domain allow-list.", "")
			return nil, nil, false
		}
	}
	setSecurityHeaders(w, domains)
	d := &pageData{
		Experience: "CONSOLE", EmbedOrigin: origin, Sid: sid, Token: s.Token, User: s.User,
		Author: app.IsAuthorRole(s.User.Role), Admin: app.IsAdminRole(s.User.Role),
		Nav: "datasets", PageType: "DATASET",
	}
	return s, d, true
}

// dataSetPageData fills the dataset part of a page: readers get
// EACCESSDENIED.
func (c *Console) dataSetPageData(ctx context.Context, d *pageData) (*dataSetPage, error) {
	if !d.Author {
		return nil, sg.Errorf(sg.EACCESSDENIED, "Readers can't open data pages.")
	}
	denied, err := c.app.DeniedSet(ctx, d.User, app.DataSetCapabilities)
	if err != nil {
		return nil, err
	}
	p := &dataSetPage{Base: "/embedding/" + d.Sid + "/data/sets", Denied: denied, Functions: expr.Functions()}
	d.DataSet = p
	return p, nil
}

// handleDataSets lists the datasets the user may see and the data
// sources a new dataset may start from.
func (c *Console) handleDataSets(w http.ResponseWriter, r *http.Request) {
	s, d, ok := c.resumeSession(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	err := func() error {
		p, err := c.dataSetPageData(ctx, d)
		if err != nil {
			return err
		}
		if p.DataSets, err = c.app.ConsoleDataSets(ctx, s.User); err != nil {
			return err
		}
		if p.CanCreate() {
			p.Sources, err = c.app.ConsoleDataSources(ctx, s.User)
		}
		d.Title, d.Heading = "Datasets", "Datasets"
		return err
	}()
	c.finishDataPage(w, r, d, "datasets", err)
}

// handleNewDataSet shows the tables of a data source and the custom SQL
// editor: the two ways to start a dataset.
func (c *Console) handleNewDataSet(w http.ResponseWriter, r *http.Request) {
	s, d, ok := c.resumeSession(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	err := func() error {
		p, err := c.dataSetPageData(ctx, d)
		if err != nil {
			return err
		}
		if !p.CanCreate() {
			return sg.Errorf(sg.EACCESSDENIED, "Your custom permissions (%s) deny CreateAndUpdateDatasets: you can't create datasets.", s.User.CustomPermissionsName)
		}
		sources, err := c.app.ConsoleDataSources(ctx, s.User)
		if err != nil {
			return err
		}
		id := r.URL.Query().Get("source")
		for _, src := range sources {
			if src.ID == id {
				p.Source = src
			}
		}
		if p.Source == nil {
			return sg.Errorf(sg.ENOTFOUND, "Data source %s doesn't exist or is not shared with you.", id)
		}
		if p.Tables, err = c.app.SourceTables(ctx, s.User, id); err != nil {
			return err
		}
		d.Title, d.Heading = "New dataset", "New dataset from "+p.Source.Name
		return nil
	}()
	c.finishDataPage(w, r, d, "datasetnew", err)
}

// handleDataSet opens a dataset: the editor for its owners, its refresh
// and history, its sharing.
func (c *Console) handleDataSet(w http.ResponseWriter, r *http.Request) {
	s, d, ok := c.resumeSession(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	err := func() error {
		p, err := c.dataSetPageData(ctx, d)
		if err != nil {
			return err
		}
		ds, err := c.app.ConsoleDataSet(ctx, s.User, r.PathValue("id"))
		if err != nil {
			return err
		}
		dr, err := draftOf(ds)
		if err != nil {
			return err
		}
		p.Editor = c.editor(ctx, s.User, d.Sid, dr, nil, p)
		p.Editor.DataSet = ds
		p.Editor.Owner = c.app.CanEditDataSet(r.Context(), s.User, ds)
		if p.Editor.Ingestions, err = c.app.ConsoleIngestions(ctx, s.User, ds.ID); err != nil {
			return err
		}
		d.Title, d.Heading, d.ResourceID = ds.Name, ds.Name, ds.ID
		return nil
	}()
	c.finishDataPage(w, r, d, "dataseteditor", err)
}

// finishDataPage renders a data page, or the page of its error.
func (c *Console) finishDataPage(w http.ResponseWriter, r *http.Request, d *pageData, page string, err error) {
	if err == nil {
		err = c.pages.render(w, http.StatusOK, page, "layout", d)
	}
	if err != nil {
		c.renderError(w, r, err)
	}
}
