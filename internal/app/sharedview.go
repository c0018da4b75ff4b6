package app

import (
	"context"
	"encoding/json"
	"net/url"
	"regexp"
	"time"

	sg "github.com/sightglass/sightglass"
)

// Shared views.
//
// A reader of a dashboard embedded with FeatureConfigurations.SharedView
// shares the view in front of them (its sheet, parameters and controls):
// the view is kept under a fresh random id, and its link opens the
// dashboard in that state for whoever opens it, as themselves: the opener
// must be able to open the dashboard (permissions, or an anonymous
// session's authorized dashboards), and row- and column-level security
// cut what they see as for any of their reads. The link carries no
// grant; a view only says which state to draw.
//
// A view is a store item keyed by the hash of "shared-view/"+id that
// expires after SharedViewTTL.

// SharedViewTTL is how long a shared view's link opens it.
const SharedViewTTL = 365 * 24 * time.Hour

var reSharedViewID = regexp.MustCompile(`^[0-9a-f]{32}$`)

// sharedView is what a shared view keeps.
type sharedView struct {
	AccountID   string `json:"a"`
	DashboardID string `json:"d"`
	State       string `json:"s"` // sheetId, p.*, f.* as a query string
}

func sharedViewKey(id string) string { return HashSecret("shared-view/" + id) }

func sharedViewEnabled(f Features) bool { return f.SharedView }

// CreateSharedView keeps the view state of a dashboard the session's
// reader sees and returns its id. The session must have the shared view
// feature and the reader must be able to open the dashboard.
func (a *App) CreateSharedView(ctx context.Context, s *sg.Session, u *sg.User, dashboardID, state string) (string, error) {
	if err := a.viewDashboard(ctx, s, u, dashboardID, sharedViewEnabled, "Shared views (FeatureConfigurations.SharedView)"); err != nil {
		return "", err
	}
	if err := checkViewState(state); err != nil {
		return "", err
	}
	id := randomHex(16)
	b, _ := json.Marshal(sharedView{AccountID: u.AccountID, DashboardID: dashboardID, State: state})
	if err := a.Store.PutOnce(ctx, sharedViewKey(id), b, a.now().Add(SharedViewTTL)); err != nil {
		return "", err
	}
	return id, nil
}

// OpenSharedView returns the dashboard and state of a shared view for the
// session's reader, who must be able to open the dashboard. A view of
// another account, an unknown or expired one, and one whose dashboard the
// reader may not open are all ENOTFOUND or the dashboard's own refusal.
func (a *App) OpenSharedView(ctx context.Context, u *sg.User, id string) (dashboardID, state string, err error) {
	notFound := sg.Errorf(sg.ENOTFOUND, "The shared view %s doesn't exist or has expired.", id)
	if !reSharedViewID.MatchString(id) {
		return "", "", notFound
	}
	b, err := a.Store.FindOnce(ctx, sharedViewKey(id), a.now())
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return "", "", notFound
	} else if err != nil {
		return "", "", err
	}
	var v sharedView
	if json.Unmarshal(b, &v) != nil || v.AccountID != u.AccountID {
		return "", "", notFound
	}
	if _, err := a.ConsoleDashboard(ctx, u, v.DashboardID); err != nil {
		return "", "", err
	}
	// Kept as checked, given back in canonical form: the state goes into a
	// redirect's fragment.
	q, err := url.ParseQuery(v.State)
	if err != nil {
		return "", "", notFound
	}
	return v.DashboardID, q.Encode(), nil
}
