package console

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/metrics"
)

var reSID = regexp.MustCompile(`^[0-9a-f]{32}$`)

// pageData is what every console page renders from.
type pageData struct {
	Title       string
	Heading     string
	EmbedOrigin string // the host page's origin, checked against the allow-list
	Sid         string
	Token       string
	User        *sg.User
	Author      bool
	Admin       bool
	Nav         string // highlighted tab
	PageType    string // PAGE_NAVIGATION pageType: START, DASHBOARD, ANALYSIS, ERROR
	ResourceID  string
	// Experience is the embedding SDK experience type the frame reports
	// as: CONSOLE, DASHBOARD for /embed/{sid}/dashboards/{id}, or VISUAL
	// for /embed/{sid}/dashboards/{id}/sheets/{sheet}/visuals/{visual}.
	Experience string

	// Start pages.
	Dashboards []*sg.Dashboard
	Analyses   []*sg.Analysis
	Favorites  []*app.FavoriteItem
	Recent     []app.StartItem // the overview's "Recently opened"
	Find       *findPage       // the finder's results

	// Dashboard and analysis pages.
	KindLabel    string
	FavoriteKind string
	Favorite     bool
	UpdatedAt    time.Time
	Viewer       *viewerData
	// Stream marks a viewer page sent as its tiles are computed
	// (stream.go): its script then runs before the tiles arrive.
	Stream bool
	// Failure replaces the viewer of content that may not be drawn.
	Failure *failure

	// Links is the toolbar of an analysis or dashboard page (share,
	// versions, delete, print); Manage the pages it opens.
	Links  *contentLinks
	Manage *managePage

	// Dataset pages.
	DataSet *dataSetPage
	// The analysis editor.
	NewAnalysis *newAnalysisData
	Editor      *editorData

	// Sign-in and invitation pages.
	Form *formData

	// Error pages.
	Status    int
	ErrorCode string // ERROR_OCCURRED errorCode posted to the host
	Message   string
	Hint      string

	// Data-source and upload pages.
	Data *dataPage
}

// handleExperience serves the console experience frame: it redeems an
// embed code once (?code=…), or continues a session, and renders the entry.
func (c *Console) handleExperience(w http.ResponseWriter, r *http.Request) {
	c.serveExperience(w, r, "/"+r.PathValue("entry"), "CONSOLE")
}

// handleDashboardExperience serves the embedding SDK's dashboard
// experience (embedDashboard's /embed/{sid}/dashboards/{id}): the viewer
// of one dashboard without the console's navigation. Its code is the one
// minted for the console entry point /dashboards/{id}.
//
// A shared view's id after the dashboard's (…/dashboards/<id>/views/<view>,
// as the SDK's contentOptions.viewId and QuickSight's "append the view to
// the embed URL" build it) opens the dashboard in that view; the code is
// still the one minted for the dashboard.
func (c *Console) handleDashboardExperience(w http.ResponseWriter, r *http.Request) {
	c.serveExperience(w, r, "/dashboards/"+r.PathValue("id"), "DASHBOARD")
}

// handleVisualExperience serves the embedding SDK's visual experience
// (embedVisual): one visual of a dashboard's sheet. Its code is the one
// minted for that visual.
func (c *Console) handleVisualExperience(w http.ResponseWriter, r *http.Request) {
	c.serveExperience(w, r, "/dashboards/"+r.PathValue("id")+"/sheets/"+r.PathValue("sheet")+"/visuals/"+r.PathValue("visual"), "VISUAL")
}

// reResourceID is a dashboard, sheet or visual id.
var reResourceID = regexp.MustCompile(`^[\w-]{1,512}$`)

// parseEntry parses the entry point of an experience frame.
func parseEntry(r *http.Request, entryPath, experience string) (app.Entry, error) {
	if experience == "CONSOLE" {
		if e, ok := editorEntry(entryPath); ok {
			return e, nil
		}
	}
	if experience == "DASHBOARD" {
		e, err := app.ParseEntryPoint(entryPath)
		if view := r.PathValue("view"); err == nil && view != "" {
			if !reViewID.MatchString(view) {
				return app.Entry{}, sg.Errorf(sg.ENOTFOUND, "no such shared view")
			}
			e.View = view
		}
		return e, err
	}
	if experience != "VISUAL" {
		return app.ParseEntryPoint(entryPath)
	}
	ids := []string{r.PathValue("id"), r.PathValue("sheet"), r.PathValue("visual")}
	for _, id := range ids {
		if !reResourceID.MatchString(id) {
			return app.Entry{}, sg.Errorf(sg.ENOTFOUND, "no such visual")
		}
	}
	return app.VisualEntry(ids[0], ids[1], ids[2]), nil
}

// serveExperience serves an experience frame for an entry point.
func (c *Console) serveExperience(w http.ResponseWriter, r *http.Request, entryPath, experience string) {
	ctx := r.Context()
	sid := r.PathValue("sid")
	entry, err := parseEntry(r, entryPath, experience)
	if !reSID.MatchString(sid) || err != nil {
		c.errorPage(w, r, "", http.StatusNotFound, "NotFound", "Page not found", "There is no console page at this address.", "")
		return
	}
	now := c.now()
	if c.failures.blocked(r, now) {
		if r.URL.Query().Get("code") != "" {
			c.metrics.SignOn(metrics.SignOnRateLimited)
		}
		c.log.Warn("console request refused: too many failures", "client", clientAddr(r), "sid", sid)
		if r.URL.Query().Get("code") != "" {
			c.app.RecordSignOnRefused(ctx, map[string]any{"signOnType": "embedCode", "embedId": sid, "entryPoint": entry.Path})
		}
		c.errorPage(w, r, "", http.StatusTooManyRequests, "Forbidden", "Too many failed attempts", "This address has failed to sign in too often. Wait a minute and open the embedded console again.", "")
		return
	}
	var s *signedIn
	if code := r.URL.Query().Get("code"); code != "" {
		redeem := entry
		redeem.Experience = experience != "CONSOLE"
		con, token, err := c.app.RedeemEmbedCode(ctx, sid, redeem, code)
		c.metrics.SignOn(signOnOutcome(err))
		if err != nil {
			if !errors.Is(err, app.ErrSignOn) {
				c.internalError(w, r, err)
				return
			}
			c.failures.fail(r, now)
			c.log.Warn("embed sign-on refused", "client", clientAddr(r), "sid", sid, "entry", entry.Path)
			c.errorPage(w, r, "", http.StatusForbidden, "Forbidden", "This link can't be used", "Embedding failed because of an invalid URL or authorization code. An embed URL works once, within 5 minutes of being generated.", "Ask the application that embeds this page to generate a new URL.")
			return
		}
		s = &signedIn{Console: con, Token: token}
	} else {
		presented, _ := sessionToken(r)
		if ticket := r.URL.Query().Get("sgTicket"); ticket != "" {
			var con *app.Console
			if con, presented, err = c.app.RedeemNavigationTicket(ctx, sid, ticket); err == nil {
				s, err = &signedIn{Console: con, Token: presented}, experienceScope(r, con.Session)
			} else {
				presented = ticket // a failed ticket counts as a failure
			}
		} else {
			s, err = c.session(ctx, r, sid)
		}
		if errors.Is(err, errExperienceOnly) {
			c.refuseExperience(w, r, true)
			return
		}
		if err != nil {
			if !errors.Is(err, app.ErrNoSession) {
				c.internalError(w, r, err)
				return
			}
			// A page load with no credentials at all (a reload where the
			// browser blocks our cookie) guesses nothing: its script
			// resumes the session with a navigation ticket.
			if presented != "" {
				c.failures.fail(r, now)
			}
			c.log.Info("console session refused", "client", clientAddr(r), "sid", sid)
			c.errorPage(w, r, "", http.StatusUnauthorized, "Unauthorized", "Your session has ended", "The console session has expired or was ended.", "Reload the page that embeds the console to start a new session.")
			return
		}
	}
	if experience == "CONSOLE" && s.Session.Anonymous() {
		// An anonymous reader has its dashboards' frames alone: no start
		// page, no lists, no data or authoring pages.
		c.errorPage(w, r, "", http.StatusForbidden, "Forbidden", "This page is not available", "This embedded session is anonymous: it opens the dashboards it was embedded with, and has no console.", "")
		return
	}
	domains, err := c.app.SessionDomains(ctx, s.Session)
	if err != nil {
		c.internalError(w, r, err)
		return
	}
	var origin string
	if puny := r.URL.Query().Get("punyCodeEmbedOrigin"); puny != "" {
		var ok bool
		if origin, ok = embedOrigin(puny); !ok || !originAllowed(origin, domains) {
			c.log.Warn("embedding origin not allowed", "origin", origin, "account", s.Session.AccountID)
			c.errorPage(w, r, "", http.StatusForbidden, "Forbidden", "This site may not embed the console", "The page embedding this console is not on the account's embedding-domain allow-list.", "An administrator can add it with: sightglass admin allow-domain --domain <origin>")
			return
		}
	}
	if r.URL.Query().Get("code") != "" {
		setSessionCookie(w, sid, s.Token, s.Session.ExpiresAt, c.app.Clock())
		if experience != "CONSOLE" {
			setCookieAt(w, "/embed/"+sid+"/", s.Token, s.Session.ExpiresAt, c.app.Clock())
		}
	}
	setSecurityHeaders(w, domains)
	if err := c.renderEntry(ctx, w, r, s, entry, origin, experience); err != nil {
		c.renderError(w, r, err)
	}
}

// renderEntry renders the page of an entry point for a signed-in user.
func (c *Console) renderEntry(ctx context.Context, w http.ResponseWriter, r *http.Request, s *signedIn, e app.Entry, origin, experience string) error {
	author, err := c.app.ConsoleAuthor(ctx, s.User)
	if err != nil {
		return err
	}
	d := &pageData{
		Experience:  experience,
		EmbedOrigin: origin,
		Sid:         s.Session.EmbedID,
		Token:       s.Token,
		User:        s.User,
		Author:      author,
		Admin:       app.IsAdminRole(s.User.Role),
	}
	switch e.Kind {
	case "start":
		return c.renderStart(ctx, w, d, e.Tab)
	case "dashboard", "analysis":
		kind := "dashboards"
		if e.Kind == "analysis" {
			kind = "analyses"
		}
		name, content, vd, err := c.viewerContent(ctx, s, kind, e.ID)
		if err != nil {
			return err
		}
		if experience == "CONSOLE" {
			if err := c.app.ConsoleRecordOpen(ctx, s.User, e.Kind, e.ID); err != nil {
				return err
			}
		}
		d.Title, d.ResourceID = name, e.ID
		d.PageType, d.KindLabel, d.FavoriteKind, d.UpdatedAt, d.Nav, d.Favorite = vd.PageType, vd.KindLabel, vd.FavoriteKind, vd.UpdatedAt, vd.Nav, vd.Favorite
		if d.Failure = vd.Failure; d.Failure != nil {
			break // no viewer: nothing of the data is drawn
		}
		q := r.URL.Query()
		features := app.Features{}
		if kind == "dashboards" {
			if features, err = c.app.SessionFeatures(ctx, s.Session); err != nil {
				return err
			}
			if e.View != "" {
				// A shared view: its state, checked against this reader.
				if q, err = c.sharedViewState(ctx, s, e); err != nil {
					return err
				}
			} else if len(viewerState(q)) == 0 && q.Get("sheetId") == "" {
				// State persistence: start from the user's saved state.
				saved, err := c.app.SavedDashboardState(ctx, s.Session, s.User, e.ID)
				if err != nil {
					return err
				}
				if sq, err := url.ParseQuery(saved); err == nil {
					q = sq
				}
			}
		}
		// A page load streams its tiles; a boosted navigation (htmx swaps
		// the whole answer in at once) gets the page drawn whole.
		d.Stream = r.Header.Get("HX-Request") == ""
		if d.Stream {
			d.Viewer = c.startViewer(ctx, s, kind, e.ID, content, q.Get("sheetId"), viewerState(q))
		} else {
			d.Viewer = c.buildViewer(ctx, s, kind, e.ID, content, q.Get("sheetId"), viewerState(q), nil)
		}
		d.Viewer.State = url.Values(viewerState(q)).Encode()
		d.Viewer.Bookmarks, d.Viewer.SharedView = features.Bookmarks, features.SharedView
		d.Viewer.SharedViewLink = features.SharedView && !s.Session.Anonymous()
		d.Viewer.UndoRedoDisabled, d.Viewer.ResetDisabled = features.UndoRedoDisabled, features.ResetDisabled
		d.Viewer.TabsHidden = q.Get("sheetTabsDisabled") == "true"
		if d.Links, err = c.contentLinks(ctx, s, kind, e.ID, d.Viewer); err != nil {
			return err
		}
	case "visual":
		return c.renderVisual(ctx, w, r, s, e, d)
	case "analysis-new":
		return c.renderNewAnalysis(ctx, w, d)
	case "analysis-edit":
		return c.renderAnalysisEditor(ctx, w, r, d, s, e.ID)
	}
	if d.Viewer != nil && d.Viewer.Streaming() {
		return c.streamViewerPage(ctx, w, d)
	}
	return c.pages.render(w, http.StatusOK, "resource", "layout", d)
}

// renderStart renders a start page tab ("" is the overview).
func (c *Console) renderStart(ctx context.Context, w http.ResponseWriter, d *pageData, tab string) error {
	d.PageType, d.Nav = "START", tab
	var err error
	switch tab {
	case "":
		d.Title, d.Heading = "Start", "Start"
		if d.Dashboards, err = c.app.ConsoleDashboards(ctx, d.User); err != nil {
			return err
		}
		if d.Recent, err = c.app.ConsoleRecent(ctx, d.User); err != nil {
			return err
		}
		if d.Author {
			d.Analyses, err = c.app.ConsoleAnalyses(ctx, d.User)
		}
	case "dashboards":
		d.Title, d.Heading = "Dashboards", "Dashboards"
		d.Dashboards, err = c.app.ConsoleDashboards(ctx, d.User)
	case "analyses":
		d.Title, d.Heading = "Analyses", "Analyses"
		d.Analyses, err = c.app.ConsoleAnalyses(ctx, d.User)
		if err == nil && !d.Author {
			err = sg.Errorf(sg.EACCESSDENIED, "Readers can't open analyses.")
		}
	case "favorites":
		d.Title, d.Heading = "Favorites", "Favorites"
		d.Favorites, err = c.app.ConsoleFavorites(ctx, d.User, d.Sid)
	}
	if err != nil {
		return err
	}
	return c.pages.renderStart(w, d)
}

// signOnOutcome is the metrics outcome of a redemption.
func signOnOutcome(err error) string {
	if err == nil {
		return metrics.SignOnOK
	}
	return app.SignOnFailureReason(err)
}
