package console

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/sightglass/sightglass/internal/app"
)

// handleNavigationTicket mints a single-use navigation ticket for the
// session of the X-Sightglass-Session header (never the cookie alone, so
// a cross-site page cannot get one): the frame's script puts it in the
// URL of a full page load (?sgTicket=…), which carries no header, and
// where the browser blocks our cookie, no cookie either.
func (c *Console) handleNavigationTicket(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	sid := r.PathValue("sid")
	w.Header().Set("Cache-Control", "no-store")
	token, fromHeader := sessionToken(r)
	if !fromHeader {
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
	ticket, err := c.app.MintNavigationTicket(ctx, s.Session.EmbedID, token)
	if err != nil {
		c.internalError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]string{"ticket": ticket})
}
