package console

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
)

// maxBookmarkBody bounds a bookmark request's JSON body.
const maxBookmarkBody = app.MaxViewState + 1<<10

// handleBookmarks serves a user's bookmarks of a dashboard, as JSON:
// GET lists them, POST {"Name","State"} adds one, PATCH …/{name}
// {"Name"} renames one, DELETE …/{name} deletes one. Every method needs
// the session header, not just the cookie, so a cross-site page cannot
// read or change them.
func (c *Console) handleBookmarks(w http.ResponseWriter, r *http.Request) {
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
		if errors.Is(err, errExperienceOnly) {
			c.refuseExperience(w, r, false)
			return
		}
		c.internalError(w, r, err)
		return
	}
	id, name := r.PathValue("id"), r.PathValue("name")
	var body struct{ Name, State string }
	if r.Method == http.MethodPost || r.Method == http.MethodPatch {
		r.Body = http.MaxBytesReader(w, r.Body, maxBookmarkBody)
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			http.Error(w, "The body must be a JSON object with Name (and State).", http.StatusBadRequest)
			return
		}
	}
	var list []app.Bookmark
	params := map[string]any{"awsAccountId": s.User.AccountID, "dashboardId": id}
	switch r.Method {
	case http.MethodGet:
		list, err = c.app.ListBookmarks(ctx, s.Session, s.User, id)
	case http.MethodPost:
		params["name"] = body.Name
		err = c.app.ConsoleChange(ctx, s.User, "CreateBookmark", params, func(ctx context.Context) error {
			return c.app.AddBookmark(ctx, s.Session, s.User, id, body.Name, body.State)
		})
	case http.MethodPatch:
		params["name"], params["newName"] = name, body.Name
		err = c.app.ConsoleChange(ctx, s.User, "UpdateBookmark", params, func(ctx context.Context) error {
			return c.app.RenameBookmark(ctx, s.Session, s.User, id, name, body.Name)
		})
	case http.MethodDelete:
		params["name"] = name
		err = c.app.ConsoleChange(ctx, s.User, "DeleteBookmark", params, func(ctx context.Context) error {
			return c.app.DeleteBookmark(ctx, s.Session, s.User, id, name)
		})
	}
	if err != nil {
		status := http.StatusInternalServerError
		switch sg.ErrorCode(err) {
		case sg.ENOTFOUND:
			status = http.StatusNotFound
		case sg.EACCESSDENIED:
			status = http.StatusForbidden
		case sg.EEXISTS:
			status = http.StatusConflict
		case sg.EINVALID, sg.ELIMIT:
			status = http.StatusBadRequest
		default:
			c.internalError(w, r, err)
			return
		}
		http.Error(w, sg.ErrorMessage(err), status)
		return
	}
	if r.Method != http.MethodGet {
		if list, err = c.app.ListBookmarks(ctx, s.Session, s.User, id); err != nil {
			c.internalError(w, r, err)
			return
		}
	}
	domains, err := c.app.SessionDomains(ctx, s.Session)
	if err != nil {
		c.internalError(w, r, err)
		return
	}
	setSecurityHeaders(w, domains)
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(list)
}
