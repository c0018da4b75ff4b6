package console

import (
	"errors"
	"net/http"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
)

// dataSession resolves the session of a data page request and sets the
// security headers of its account. A GET continues the session as the
// experience frame does (cookie, header or a navigation ticket); a POST
// needs the X-Sightglass-Session header, which a cross-site page cannot
// send: that is the CSRF protection of every form of a session (the
// double-submit cookie of csrf.go is SameSite=Strict, which a browser does
// not send inside a cross-site frame, so it serves the pages used before
// a session exists). It writes the refusal and returns nil when there is
// no session.
func (c *Console) dataSession(w http.ResponseWriter, r *http.Request) *signedIn {
	ctx := r.Context()
	sid := r.PathValue("sid")
	if !reSID.MatchString(sid) {
		c.errorPage(w, r, "", http.StatusNotFound, "NotFound", "Page not found", "There is no console page at this address.", "")
		return nil
	}
	post := r.Method != http.MethodGet && r.Method != http.MethodHead
	presented, fromHeader := sessionToken(r)
	if post && !fromHeader {
		c.errorPage(w, r, "", http.StatusForbidden, "Forbidden", "This form was not sent by the console", "Changes are accepted only from the console's own pages.", "Reload the page and try again.")
		return nil
	}
	if c.failures.blocked(r, c.now()) {
		c.errorPage(w, r, "", http.StatusTooManyRequests, "Forbidden", "Too many failed attempts", "This address has failed to sign in too often. Wait a minute and try again.", "")
		return nil
	}
	var s *signedIn
	var err error
	if ticket := r.URL.Query().Get("sgTicket"); ticket != "" && !post {
		var con *app.Console
		if con, presented, err = c.app.RedeemNavigationTicket(ctx, sid, ticket); err == nil {
			s = &signedIn{Console: con, Token: presented}
		} else {
			presented = ticket
		}
	} else {
		s, err = c.session(ctx, r, sid)
	}
	if errors.Is(err, errExperienceOnly) {
		c.refuseExperience(w, r, !post)
		return nil
	}
	if err != nil {
		if !errors.Is(err, app.ErrNoSession) {
			c.internalError(w, r, err)
			return nil
		}
		if presented != "" {
			c.failures.fail(r, c.now())
		}
		if post {
			w.Header().Set("HX-Refresh", "true")
		}
		c.errorPage(w, r, "", http.StatusUnauthorized, "Unauthorized", "Your session has ended", "The console session has expired or was ended.", "Reload the page that embeds the console to start a new session.")
		return nil
	}
	domains, err := c.app.SessionDomains(ctx, s.Session)
	if err != nil {
		c.internalError(w, r, err)
		return nil
	}
	setSecurityHeaders(w, domains)
	return s
}

// dataPageData is the page data of a data page for s.
func (c *Console) dataPageData(r *http.Request, s *signedIn, title string) *pageData {
	domains, _ := c.app.SessionDomains(r.Context(), s.Session)
	return &pageData{
		Experience:  "CONSOLE",
		EmbedOrigin: allowedOrigin(r, domains),
		Sid:         s.Session.EmbedID,
		Token:       s.Token,
		User:        s.User,
		Author:      app.IsAuthorRole(s.User.Role),
		Admin:       app.IsAdminRole(s.User.Role),
		Nav:         "data",
		PageType:    "DATA",
		Title:       title,
		Heading:     title,
	}
}

// dataError renders the page of an error of a data page action: what the
// user may not do (403), what does not exist (404), what the server does
// not offer (503); anything else is internal.
func (c *Console) dataError(w http.ResponseWriter, r *http.Request, err error) {
	sid := r.PathValue("sid")
	switch sg.ErrorCode(err) {
	case sg.EACCESSDENIED:
		c.errorPage(w, r, sid, http.StatusForbidden, "Forbidden", "You can't do this", sg.ErrorMessage(err), "")
	case sg.ENOTFOUND:
		c.errorPage(w, r, sid, http.StatusNotFound, "NotFound", "Not found", sg.ErrorMessage(err), "")
	case sg.EUNAVAILABLE:
		c.errorPage(w, r, sid, http.StatusServiceUnavailable, "Unavailable", "Not available on this server", sg.ErrorMessage(err), "")
	case sg.EINVALID, sg.ELIMIT, sg.EEXISTS:
		c.errorPage(w, r, sid, http.StatusBadRequest, "BadRequest", "This can't be done", sg.ErrorMessage(err), "")
	default:
		c.internalError(w, r, err)
	}
}
