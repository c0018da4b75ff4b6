package console

import (
	"context"
	"errors"
	"net/http"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
)

// handleFavorite marks (POST) or unmarks (DELETE) a favorite and answers
// with the new button. It needs the session header, not just the cookie,
// so a cross-site page cannot trigger it.
func (c *Console) handleFavorite(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	sid := r.PathValue("sid")
	if _, fromHeader := sessionToken(r); !fromHeader {
		http.Error(w, "missing "+headerName+" header", http.StatusForbidden)
		return
	}
	// Session tokens must not be guessable here either.
	if c.failures.blocked(r, c.now()) {
		http.Error(w, "too many failed attempts", http.StatusTooManyRequests)
		return
	}
	s, err := c.session(ctx, r, sid)
	if err != nil {
		if errors.Is(err, app.ErrNoSession) {
			c.failures.fail(r, c.now())
			w.Header().Set("HX-Refresh", "true")
			http.Error(w, "session ended", http.StatusUnauthorized)
			return
		}
		if errors.Is(err, errExperienceOnly) {
			c.refuseExperience(w, r, false)
			return
		}
		c.internalError(w, r, err)
		return
	}
	var kind string
	switch r.PathValue("kind") {
	case "dashboard":
		kind = sg.FavoriteDashboard
	case "analysis":
		kind = sg.FavoriteAnalysis
	default:
		http.NotFound(w, r)
		return
	}
	id := r.PathValue("id")
	on := r.Method == http.MethodPost
	event := "DeleteFavorite"
	if on {
		event = "CreateFavorite"
	}
	params := map[string]any{"awsAccountId": s.User.AccountID, "kind": kind, "resourceId": id}
	err = c.app.ConsoleChange(ctx, s.User, event, params, func(ctx context.Context) error {
		return c.app.SetFavorite(ctx, s.User, kind, id, on)
	})
	if err != nil {
		switch sg.ErrorCode(err) {
		case sg.ENOTFOUND:
			http.Error(w, sg.ErrorMessage(err), http.StatusNotFound)
		case sg.EACCESSDENIED:
			http.Error(w, sg.ErrorMessage(err), http.StatusForbidden)
		default:
			c.internalError(w, r, err)
		}
		return
	}
	domains, err := c.app.SessionDomains(ctx, s.Session)
	if err != nil {
		c.internalError(w, r, err)
		return
	}
	setSecurityHeaders(w, domains)
	d := &pageData{Sid: sid, FavoriteKind: r.PathValue("kind"), ResourceID: id, Favorite: on}
	if err := c.pages.render(w, http.StatusOK, "resource", "favorite-button", d); err != nil {
		c.internalError(w, r, err)
	}
}
