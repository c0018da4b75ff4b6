package console

import (
	"encoding/json"
	"errors"
	"net/http"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
)

// handleThemeStyle answers the style of a theme the viewer's reader asks
// to apply (the embedding SDK's setTheme), as JSON: {"Colors", "FontFamily",
// "ChartText", "CSS"} — CSS being the sheet's declarations, built from
// checked colors and font names only. A starting theme, or a custom theme
// shared with the user (app.ThemeToApply). It needs the session header.
func (c *Console) handleThemeStyle(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if !reSID.MatchString(r.PathValue("sid")) {
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
	s, err := c.session(ctx, r, r.PathValue("sid"))
	if err != nil {
		if errors.Is(err, app.ErrNoSession) {
			c.failures.fail(r, c.now())
			http.Error(w, "Your session has ended. Reload the page.", http.StatusUnauthorized)
			return
		}
		c.internalError(w, r, err)
		return
	}
	if _, err := c.app.ConsoleDashboard(ctx, s.User, r.PathValue("id")); err != nil {
		themeError(w, err)
		return
	}
	style, err := c.app.ThemeToApply(ctx, s.Session, s.User, r.URL.Query().Get("arn"))
	if err != nil {
		themeError(w, err)
		return
	}
	t := viewerTheme(style)
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"Colors": t.Colors, "FontFamily": t.FontFamily, "ChartText": t.ChartText, "CSS": t.CSS})
}

func themeError(w http.ResponseWriter, err error) {
	status := http.StatusInternalServerError
	switch sg.ErrorCode(err) {
	case sg.EACCESSDENIED:
		status = http.StatusForbidden
	case sg.ENOTFOUND:
		status = http.StatusNotFound
	case sg.EINVALID:
		status = http.StatusBadRequest
	default:
		http.Error(w, "The theme could not be read. Try again in a moment.", status)
		return
	}
	http.Error(w, sg.ErrorMessage(err), status)
}
