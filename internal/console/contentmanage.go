package console

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
)

// The pages that manage an analysis or dashboard: its share dialog, a
// dashboard's versions, deleting an analysis, the deleted analyses and
// restoring one. Each change goes through the App's console methods,
// which check the user's access and custom permissions, and is recorded
// as a console event.

// managePage is what the manage pages render from.
type managePage struct {
	Kind      string // "analyses" or "dashboards"
	KindLabel string
	ID        string
	Name      string
	Base      string // /embedding/{sid}/{kind}/{id}
	Message   string // what the last change did
	// The share dialog.
	Shares     []app.ContentShare
	CanShare   bool
	Principals []app.SharePrincipal
	CanDelete  bool
	// DeletedHref is the page of the deleted analyses.
	DeletedHref string
	// A dashboard's versions.
	Versions *app.DashboardVersions
	// The deleted analyses.
	Deleted []*sg.Analysis
}

// contentKindPath returns the kind ("analyses" or "dashboards") of a
// manage route's path.
func contentKindPath(r *http.Request, sid string) string {
	if strings.HasPrefix(r.URL.Path, "/embedding/"+sid+"/analyses/") {
		return "analyses"
	}
	return "dashboards"
}

// sharePage builds the share dialog of an analysis or dashboard.
func (c *Console) sharePage(ctx context.Context, s *signedIn, kind, id string) (*managePage, error) {
	shares, canShare, err := c.app.ConsoleContentShares(ctx, s.User, kind, id)
	if err != nil {
		return nil, err
	}
	m := &managePage{Kind: kind, ID: id, Base: "/embedding/" + s.Session.EmbedID + "/" + kind + "/" + id, Shares: shares, CanShare: canShare}
	if kind == "analyses" {
		an, err := c.app.ConsoleAnalysis(ctx, s.User, id)
		if err != nil {
			return nil, err
		}
		m.Name, m.KindLabel = an.Name, "Analysis"
		m.DeletedHref = "/embedding/" + s.Session.EmbedID + "/start/analyses/deleted"
		m.CanDelete = canShare || app.IsAdminRole(s.User.Role)
		for _, sh := range shares {
			if sh.Principal == c.app.UserARN(s.User) && sh.Level == app.ShareCoOwner {
				m.CanDelete = true
			}
		}
	} else {
		d, err := c.app.ConsoleDashboard(ctx, s.User, id)
		if err != nil {
			return nil, err
		}
		m.Name, m.KindLabel = d.Name, "Dashboard"
	}
	if canShare {
		if m.Principals, err = c.app.ConsoleSharePrincipals(ctx, s.User); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// renderManage renders a manage page.
func (c *Console) renderManage(w http.ResponseWriter, r *http.Request, s *signedIn, status int, title, nav string, m *managePage) {
	d := c.dataPageData(r, s, title)
	d.Nav, d.PageType, d.ResourceID, d.Manage = nav, "MANAGE", m.ID, m
	if err := c.pages.render(w, status, "manage", "layout", d); err != nil {
		c.internalError(w, r, err)
	}
}

// handleSharePage shows who has access to an analysis or dashboard and,
// to its co-owners, the form that shares it.
func (c *Console) handleSharePage(w http.ResponseWriter, r *http.Request) {
	s := c.dataSession(w, r)
	if s == nil {
		return
	}
	kind := contentKindPath(r, s.Session.EmbedID)
	m, err := c.sharePage(r.Context(), s, kind, r.PathValue("id"))
	if err != nil {
		c.dataError(w, r, err)
		return
	}
	c.renderManage(w, r, s, http.StatusOK, "Share "+m.Name, kind, m)
}

// handleShareContent grants a user or group viewer or co-owner access to
// an analysis or dashboard, or takes it away (level none), and shows the
// dialog again.
func (c *Console) handleShareContent(w http.ResponseWriter, r *http.Request) {
	s := c.dataSession(w, r)
	if s == nil || !parseEditorForm(w, r) {
		return
	}
	ctx := r.Context()
	kind, id := contentKindPath(r, s.Session.EmbedID), r.PathValue("id")
	principal, level := strings.TrimSpace(r.PostForm.Get("principal")), r.PostForm.Get("level")
	event, idKey := "UpdateDashboardPermissions", "dashboardId"
	if kind == "analyses" {
		event, idKey = "UpdateAnalysisPermissions", "analysisId"
	}
	params := map[string]any{"awsAccountId": s.User.AccountID, idKey: id, "principal": principal, "level": level}
	err := c.app.ConsoleChange(ctx, s.User, event, params, func(ctx context.Context) error {
		_, err := c.app.ConsoleShareContent(ctx, s.User, kind, id, principal, level)
		return err
	})
	if err != nil {
		c.dataError(w, r, err)
		return
	}
	m, err := c.sharePage(ctx, s, kind, id)
	if err != nil {
		c.dataError(w, r, err)
		return
	}
	m.Message = "Saved."
	c.renderManage(w, r, s, http.StatusOK, "Share "+m.Name, kind, m)
}

// handleDeleteAnalysis deletes an analysis with QuickSight's recovery
// window and shows the deleted analyses, where it can be restored.
func (c *Console) handleDeleteAnalysis(w http.ResponseWriter, r *http.Request) {
	s := c.dataSession(w, r)
	if s == nil {
		return
	}
	ctx := r.Context()
	id := r.PathValue("id")
	var an *sg.Analysis
	err := c.app.ConsoleChange(ctx, s.User, "DeleteAnalysis", map[string]any{"awsAccountId": s.User.AccountID, "analysisId": id}, func(ctx context.Context) error {
		var err error
		an, err = c.app.ConsoleDeleteAnalysis(ctx, s.User, id)
		return err
	})
	if err != nil {
		c.dataError(w, r, err)
		return
	}
	c.deletedPage(w, r, s, "Analysis "+an.Name+" was deleted. You can restore it until "+an.DeleteAt.UTC().Format("2 January 2006 15:04 UTC")+".")
}

// handleDeletedAnalyses lists the deleted analyses the user may restore.
func (c *Console) handleDeletedAnalyses(w http.ResponseWriter, r *http.Request) {
	s := c.dataSession(w, r)
	if s == nil {
		return
	}
	c.deletedPage(w, r, s, "")
}

func (c *Console) deletedPage(w http.ResponseWriter, r *http.Request, s *signedIn, message string) {
	list, err := c.app.ConsoleDeletedAnalyses(r.Context(), s.User)
	if err != nil {
		c.dataError(w, r, err)
		return
	}
	m := &managePage{Kind: "analyses", Base: "/embedding/" + s.Session.EmbedID + "/analyses", Deleted: list, Message: message}
	c.renderManage(w, r, s, http.StatusOK, "Deleted analyses", "analyses", m)
}

// handleRestoreAnalysis restores a deleted analysis within its recovery
// window and shows the deleted analyses left.
func (c *Console) handleRestoreAnalysis(w http.ResponseWriter, r *http.Request) {
	s := c.dataSession(w, r)
	if s == nil {
		return
	}
	ctx := r.Context()
	id := r.PathValue("id")
	var an *sg.Analysis
	err := c.app.ConsoleChange(ctx, s.User, "RestoreAnalysis", map[string]any{"awsAccountId": s.User.AccountID, "analysisId": id}, func(ctx context.Context) error {
		var err error
		an, err = c.app.ConsoleRestoreAnalysis(ctx, s.User, id)
		return err
	})
	if err != nil {
		c.dataError(w, r, err)
		return
	}
	c.deletedPage(w, r, s, "Analysis "+an.Name+" was restored.")
}

// handleVersions lists a dashboard's versions, with a button that
// publishes any version whose creation succeeded.
func (c *Console) handleVersions(w http.ResponseWriter, r *http.Request) {
	s := c.dataSession(w, r)
	if s == nil {
		return
	}
	c.versionsPage(w, r, s, "")
}

func (c *Console) versionsPage(w http.ResponseWriter, r *http.Request, s *signedIn, message string) {
	id := r.PathValue("id")
	vs, err := c.app.ConsoleDashboardVersions(r.Context(), s.User, id)
	if err != nil {
		c.dataError(w, r, err)
		return
	}
	m := &managePage{Kind: "dashboards", KindLabel: "Dashboard", ID: id, Name: vs.Dashboard.Name, Base: "/embedding/" + s.Session.EmbedID + "/dashboards/" + id, Versions: vs, Message: message}
	c.renderManage(w, r, s, http.StatusOK, "Versions of "+vs.Dashboard.Name, "dashboards", m)
}

// handlePublishVersion publishes one of a dashboard's versions.
func (c *Console) handlePublishVersion(w http.ResponseWriter, r *http.Request) {
	s := c.dataSession(w, r)
	if s == nil {
		return
	}
	ctx := r.Context()
	id := r.PathValue("id")
	n, err := strconv.ParseInt(r.PathValue("version"), 10, 64)
	if err != nil || n < 1 {
		c.dataError(w, r, sg.Errorf(sg.ENOTFOUND, "There is no version %q of dashboard %s.", r.PathValue("version"), id))
		return
	}
	err = c.app.ConsoleChange(ctx, s.User, "UpdateDashboardPublishedVersion", map[string]any{"awsAccountId": s.User.AccountID, "dashboardId": id, "versionNumber": n}, func(ctx context.Context) error {
		_, err := c.app.ConsolePublishVersion(ctx, s.User, id, n)
		return err
	})
	if err != nil {
		if sg.ErrorCode(err) == sg.ECONFLICT {
			c.errorPage(w, r, s.Session.EmbedID, http.StatusConflict, "Conflict", "This version can't be published", sg.ErrorMessage(err), "")
			return
		}
		c.dataError(w, r, err)
		return
	}
	c.versionsPage(w, r, s, "Version "+strconv.FormatInt(n, 10)+" is published.")
}
