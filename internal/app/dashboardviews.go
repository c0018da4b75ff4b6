package app

import (
	"context"
	"encoding/json"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	sg "github.com/sightglass/sightglass"
)

// Features are the dashboard features an embed session was minted with
// (GenerateEmbedUrlForRegisteredUser's FeatureConfigurations,
// GenerateEmbedUrlForAnonymousUser's shared view and theme ARNs, or
// GetDashboardEmbedUrl's state-persistence-enabled).
type Features struct {
	StatePersistence bool `json:"s,omitempty"`
	Bookmarks        bool `json:"b,omitempty"`
	SharedView       bool `json:"v,omitempty"`
	// UndoRedoDisabled and ResetDisabled are GetDashboardEmbedUrl's
	// undo-redo-disabled and reset-disabled: the viewer then refuses the
	// SDK's undo and redo, or reset.
	UndoRedoDisabled bool `json:"u,omitempty"`
	ResetDisabled    bool `json:"r,omitempty"`
	// Themes, for an anonymous session, are the ids of the custom themes
	// its AuthorizedResourceArns list: the only ones the embedding SDK's
	// setTheme may apply in it (starting themes are open to everyone).
	Themes []string `json:"th,omitempty"`
}

func (f Features) any() bool {
	return f.StatePersistence || f.Bookmarks || f.SharedView || f.UndoRedoDisabled || f.ResetDisabled || len(f.Themes) > 0
}

// Bounds of the saved views.
const (
	// MaxViewState bounds the saved state of one view, in bytes.
	MaxViewState = 16 << 10
	// MaxBookmarks bounds a user's bookmarks of one dashboard.
	MaxBookmarks = 100
	// MaxBookmarkName bounds a bookmark's name, in characters.
	MaxBookmarkName = 128
)

// featuresKey is the store key of a sid's features: the pages of a session
// know only the sid, as for its own allow-list (framedomains.go).
func featuresKey(sid string) string { return HashSecret("features/" + sid) }

// putFeatures keeps a sid's features until expiresAt.
func (a *App) putFeatures(ctx context.Context, sid string, f Features, expiresAt time.Time) error {
	b, _ := json.Marshal(f)
	return a.Store.PutOnce(ctx, featuresKey(sid), b, expiresAt)
}

// SessionFeatures returns the features a session was minted with (none
// when it was minted without any).
func (a *App) SessionFeatures(ctx context.Context, s *sg.Session) (Features, error) {
	var f Features
	b, err := a.Store.FindOnce(ctx, featuresKey(s.EmbedID), a.now())
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return f, nil
	} else if err != nil {
		return f, err
	}
	if json.Unmarshal(b, &f) != nil {
		return Features{}, nil
	}
	return f, nil
}

// CleanViewState keeps the members of a viewer state that a view saves:
// the sheet, parameters (p.*) and filter controls (f.*), encoded in a
// stable order.
func CleanViewState(q url.Values) string {
	out := url.Values{}
	for k, vs := range q {
		if viewStateKey(k) {
			out[k] = vs
		}
	}
	return out.Encode()
}

// viewDashboard checks that the session's user may see the dashboard and
// that the session has the feature.
func (a *App) viewDashboard(ctx context.Context, s *sg.Session, u *sg.User, dashboardID string, enabled func(Features) bool, feature string) error {
	f, err := a.SessionFeatures(ctx, s)
	if err != nil {
		return err
	}
	if !enabled(f) {
		return sg.Errorf(sg.EACCESSDENIED, "%s is not enabled for this embedding session.", feature)
	}
	_, err = a.ConsoleDashboard(ctx, u, dashboardID)
	return err
}

func checkViewState(state string) error {
	if len(state) > MaxViewState {
		return sg.Errorf(sg.EINVALID, "The dashboard state is %d bytes; at most %d are kept.", len(state), MaxViewState)
	}
	q, err := url.ParseQuery(state)
	if err != nil {
		return sg.Errorf(sg.EINVALID, "The dashboard state is not a viewer state.")
	}
	for k := range q {
		if !viewStateKey(k) {
			return sg.Errorf(sg.EINVALID, "The dashboard state has a member %q that is not a sheet, parameter or control.", k)
		}
	}
	return nil
}

func viewStateKey(k string) bool {
	return k == "sheetId" || strings.HasPrefix(k, "p.") || strings.HasPrefix(k, "f.")
}

// SavedDashboardState returns the state a user's session restores when it
// opens a dashboard: the one saved by state persistence, or "".
func (a *App) SavedDashboardState(ctx context.Context, s *sg.Session, u *sg.User, dashboardID string) (string, error) {
	f, err := a.SessionFeatures(ctx, s)
	if err != nil || !f.StatePersistence {
		return "", err
	}
	v, err := a.Store.FindDashboardView(ctx, u.AccountID, u.PrincipalID, dashboardID, "")
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return "", nil
	} else if err != nil {
		return "", err
	}
	return v.State, nil
}

// SaveDashboardState keeps a user's current state of a dashboard, when the
// session has state persistence; otherwise it does nothing.
func (a *App) SaveDashboardState(ctx context.Context, s *sg.Session, u *sg.User, dashboardID string, q url.Values) error {
	f, err := a.SessionFeatures(ctx, s)
	if err != nil || !f.StatePersistence {
		return err
	}
	state := CleanViewState(q)
	if len(state) > MaxViewState {
		return nil // too large to keep: the previous state stays
	}
	// Most renders (a tab shown again, a visual redrawn) keep the state
	// as it is: a read spares the single writer a write.
	if v, err := a.Store.FindDashboardView(ctx, u.AccountID, u.PrincipalID, dashboardID, ""); err == nil && v.State == state {
		return nil
	}
	now := a.now()
	err = a.Store.PutDashboardView(ctx, &sg.DashboardView{AccountID: u.AccountID, PrincipalID: u.PrincipalID, DashboardID: dashboardID, State: state, CreatedAt: now, UpdatedAt: now})
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil // the dashboard went away meanwhile
	}
	return err
}

// Bookmark is a named view of a dashboard.
type Bookmark struct {
	Name      string
	State     string
	UpdatedAt time.Time
}

func bookmarksEnabled(f Features) bool { return f.Bookmarks }

func checkBookmarkName(name string) error {
	n := utf8.RuneCountInString(name)
	if n < 1 || n > MaxBookmarkName || !utf8.ValidString(name) || strings.TrimSpace(name) != name {
		return sg.Errorf(sg.EINVALID, "A bookmark name has 1 to %d characters and no leading or trailing spaces.", MaxBookmarkName)
	}
	for _, r := range name {
		if unicode.IsControl(r) {
			return sg.Errorf(sg.EINVALID, "A bookmark name can't have control characters.")
		}
	}
	return nil
}

// ListBookmarks returns a user's bookmarks of a dashboard by name.
func (a *App) ListBookmarks(ctx context.Context, s *sg.Session, u *sg.User, dashboardID string) ([]Bookmark, error) {
	if err := a.viewDashboard(ctx, s, u, dashboardID, bookmarksEnabled, "Bookmarks"); err != nil {
		return nil, err
	}
	views, err := a.Store.ListDashboardViews(ctx, u.AccountID, u.PrincipalID, dashboardID)
	if err != nil {
		return nil, err
	}
	out := []Bookmark{}
	for _, v := range views {
		if v.Name != "" {
			out = append(out, Bookmark{Name: v.Name, State: v.State, UpdatedAt: v.UpdatedAt})
		}
	}
	return out, nil
}

// AddBookmark saves a state of a dashboard under a new name.
func (a *App) AddBookmark(ctx context.Context, s *sg.Session, u *sg.User, dashboardID, name, state string) error {
	if err := a.viewDashboard(ctx, s, u, dashboardID, bookmarksEnabled, "Bookmarks"); err != nil {
		return err
	}
	if err := checkBookmarkName(name); err != nil {
		return err
	}
	if err := checkViewState(state); err != nil {
		return err
	}
	views, err := a.Store.ListDashboardViews(ctx, u.AccountID, u.PrincipalID, dashboardID)
	if err != nil {
		return err
	}
	if len(views) > MaxBookmarks {
		return sg.Errorf(sg.ELIMIT, "A dashboard keeps at most %d bookmarks per user; delete one first.", MaxBookmarks)
	}
	now := a.now()
	return a.Store.CreateDashboardView(ctx, &sg.DashboardView{AccountID: u.AccountID, PrincipalID: u.PrincipalID, DashboardID: dashboardID, Name: name, State: state, CreatedAt: now, UpdatedAt: now})
}

// RenameBookmark renames a bookmark.
func (a *App) RenameBookmark(ctx context.Context, s *sg.Session, u *sg.User, dashboardID, from, to string) error {
	if err := a.viewDashboard(ctx, s, u, dashboardID, bookmarksEnabled, "Bookmarks"); err != nil {
		return err
	}
	if from == "" {
		return sg.Errorf(sg.ENOTFOUND, "Bookmark %q of dashboard %s doesn't exist.", from, dashboardID)
	}
	if err := checkBookmarkName(to); err != nil {
		return err
	}
	if from == to {
		_, err := a.Store.FindDashboardView(ctx, u.AccountID, u.PrincipalID, dashboardID, from)
		return err
	}
	return a.Store.RenameDashboardView(ctx, u.AccountID, u.PrincipalID, dashboardID, from, to, a.now())
}

// DeleteBookmark deletes a bookmark.
func (a *App) DeleteBookmark(ctx context.Context, s *sg.Session, u *sg.User, dashboardID, name string) error {
	if err := a.viewDashboard(ctx, s, u, dashboardID, bookmarksEnabled, "Bookmarks"); err != nil {
		return err
	}
	if name == "" {
		return sg.Errorf(sg.ENOTFOUND, "Bookmark %q of dashboard %s doesn't exist.", name, dashboardID)
	}
	return a.Store.DeleteDashboardView(ctx, u.AccountID, u.PrincipalID, dashboardID, name)
}
