package console

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"regexp"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
)

// Shared view links (FeatureConfigurations.SharedView; app/sharedview.go).
// A reader creates one from the viewer; its link, /views/{view}, opens the
// dashboard in that state for whoever follows it, as themselves: it asks
// them to sign in, then opens /embedding/{sid}/views/{view}, which checks
// that they may open the dashboard and shows it with the view's state.

var reViewID = regexp.MustCompile(`^[0-9a-f]{32}$`)

// handleCreateSharedView keeps the state a reader shares and answers
// {"SharedViewPath": "/views/{view}"} (the frame's page makes it a URL of
// its own origin, the server's). It needs the session header, as bookmarks do.
func (c *Console) handleCreateSharedView(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	sid := r.PathValue("sid")
	if !reSID.MatchString(sid) {
		http.NotFound(w, r)
		return
	}
	if _, fromHeader := sessionToken(r); !fromHeader {
		http.Error(w, "missing "+headerName+" header", http.StatusForbidden)
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
		c.internalError(w, r, err)
		return
	}
	var body struct{ State string }
	r.Body = http.MaxBytesReader(w, r.Body, maxBookmarkBody)
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		http.Error(w, "The body must be a JSON object with State.", http.StatusBadRequest)
		return
	}
	id := r.PathValue("id")
	var view string
	err = c.app.ConsoleChange(ctx, s.User, "CreateSharedView", map[string]any{"awsAccountId": s.User.AccountID, "dashboardId": id}, func(ctx context.Context) error {
		var err error
		view, err = c.app.CreateSharedView(ctx, s.Session, s.User, id, body.State)
		return err
	})
	if err != nil {
		status := http.StatusInternalServerError
		switch sg.ErrorCode(err) {
		case sg.EACCESSDENIED:
			status = http.StatusForbidden
		case sg.ENOTFOUND:
			status = http.StatusNotFound
		case sg.EINVALID:
			status = http.StatusBadRequest
		default:
			c.log.Error("creating a shared view", "err", err)
			http.Error(w, "The view could not be shared. Try again in a moment.", status)
			return
		}
		http.Error(w, sg.ErrorMessage(err), status)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]string{"SharedViewPath": "/views/" + view, "SharedViewId": view, "DashboardId": id})
}

// sharedViewState is the viewer state of the shared view an entry opens
// its dashboard in, for the signed-in reader. A view of another
// dashboard is not found.
func (c *Console) sharedViewState(ctx context.Context, s *signedIn, e app.Entry) (url.Values, error) {
	dashboardID, state, err := c.app.OpenSharedView(ctx, s.User, e.View)
	if err != nil {
		return nil, err
	}
	if dashboardID != e.ID {
		return nil, sg.Errorf(sg.ENOTFOUND, "The shared view %s doesn't exist or has expired.", e.View)
	}
	return url.ParseQuery(state)
}

// handleSharedViewLink is a shared view's link: the opener signs in first
// (a console session is per sid, and the link names none).
func (c *Console) handleSharedViewLink(w http.ResponseWriter, r *http.Request) {
	view := r.PathValue("view")
	if !reViewID.MatchString(view) {
		c.errorPage(w, r, "", http.StatusNotFound, "NotFound", "Not found", "There is no shared view at this address.", "")
		return
	}
	http.Redirect(w, r, "/login?view="+view, http.StatusSeeOther)
}

// handleOpenSharedView opens a shared view in a console session: the
// dashboard's page with the view's state, if the user may open the
// dashboard.
func (c *Console) handleOpenSharedView(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	sid, view := r.PathValue("sid"), r.PathValue("view")
	if !reSID.MatchString(sid) || !reViewID.MatchString(view) {
		c.errorPage(w, r, "", http.StatusNotFound, "NotFound", "Not found", "There is no shared view at this address.", "")
		return
	}
	s, err := c.session(ctx, r, sid)
	if err != nil {
		switch {
		case errors.Is(err, app.ErrNoSession):
			http.Redirect(w, r, "/login?view="+view, http.StatusSeeOther)
		case errors.Is(err, errExperienceOnly):
			c.refuseExperience(w, r, true)
		default:
			c.internalError(w, r, err)
		}
		return
	}
	dashboardID, state, err := c.app.OpenSharedView(ctx, s.User, view)
	if err != nil {
		c.renderError(w, r, err)
		return
	}
	target := "/embedding/" + sid + "/dashboards/" + url.PathEscape(dashboardID)
	if state != "" {
		target += "#" + state
	}
	http.Redirect(w, r, target, http.StatusSeeOther)
}
