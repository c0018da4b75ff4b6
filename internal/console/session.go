package console

import (
	"context"
	"net/http"
	"strconv"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
)

const (
	// cookieName is the session cookie, scoped by path to one embed session.
	cookieName = "sg_session"
	// headerName carries the session token on the console's own requests,
	// for browsers that block third-party cookies.
	headerName = "X-Sightglass-Session"
)

// sessionToken returns the token a request presents, and whether it came
// in the header (which a cross-site page cannot set).
func sessionToken(r *http.Request) (token string, fromHeader bool) {
	if t := r.Header.Get(headerName); t != "" {
		return t, true
	}
	if c, err := r.Cookie(cookieName); err == nil {
		return c.Value, false
	}
	return "", false
}

// setSessionCookie sets the session cookie for one embed session.
func setSessionCookie(w http.ResponseWriter, sid, token string, expires time.Time, now time.Time) {
	setCookieAt(w, "/embedding/"+sid+"/", token, expires, now)
}

// setCookieAt sets the session cookie for a path.
func setCookieAt(w http.ResponseWriter, path, token string, expires time.Time, now time.Time) {
	maxAge := int(expires.Sub(now).Seconds())
	w.Header().Add("Set-Cookie", cookieName+"="+token+"; Path="+path+"; Max-Age="+strconv.Itoa(maxAge)+"; Secure; HttpOnly; SameSite=None; Partitioned")
}

// signedIn is a request's console identity: the session, its user and the
// token (echoed into pages so the script can carry it without cookies).
type signedIn struct {
	*app.Console
	Token string
}

// session resolves the console session of a request for sid. It returns
// app.ErrNoSession, errExperienceOnly for an experience's session on a
// console route (see experienceScope), or an internal error.
func (c *Console) session(ctx context.Context, r *http.Request, sid string) (*signedIn, error) {
	token, _ := sessionToken(r)
	if token == "" {
		return nil, app.ErrNoSession
	}
	con, err := c.app.ConsoleSession(ctx, sid, token)
	if err != nil {
		return nil, err
	}
	if err := experienceScope(r, con.Session); err != nil {
		return nil, err
	}
	return &signedIn{Console: con, Token: token}, nil
}

// experienceRoutes are the route patterns a dashboard or visual
// experience's session (sg.Session.ExperienceOnly) may use: its frames and
// control channel, and the fragments, bookmarks, navigation tickets and
// sign-out that those frames call. Every other console route refuses it.
var experienceRoutes = map[string]bool{
	"GET /embed/{sid}/embedControl":                                               true,
	"GET /embed/{sid}/dashboards/{id}":                                            true,
	"GET /embed/{sid}/dashboards/{id}/sheets/{sheet}/visuals/{visual}":            true,
	"GET /embedding/{sid}/dashboards/{id}/sheets/{sheet}":                         true,
	"GET /embedding/{sid}/dashboards/{id}/bookmarks":                              true,
	"POST /embedding/{sid}/dashboards/{id}/bookmarks":                             true,
	"GET /embedding/{sid}/dashboards/{id}/sheets/{sheet}/visuals/{visual}/export": true,
	"PATCH /embedding/{sid}/dashboards/{id}/bookmarks/{name}":                     true,
	"DELETE /embedding/{sid}/dashboards/{id}/bookmarks/{name}":                    true,
	"POST /embedding/{sid}/dashboards/{id}/views":                                 true,
	"GET /embedding/{sid}/dashboards/{id}/theme":                                  true,
	"POST /embedding/{sid}/signout":                                               true,
	"POST /embedding/{sid}/navigation":                                            true,
}

// errExperienceOnly refuses a dashboard or visual experience's session on
// a console route.
var errExperienceOnly = sg.Errorf(sg.EACCESSDENIED, "This embedded session opens a dashboard or visual experience: it has no console.")

// experienceScope returns errExperienceOnly if s is an experience's session
// and r's route is not one of experienceRoutes.
func experienceScope(r *http.Request, s *sg.Session) error {
	if s.ExperienceOnly() && !experienceRoutes[r.Pattern] {
		return errExperienceOnly
	}
	return nil
}

// refuseExperience answers errExperienceOnly: a 403 console page for a
// page, plain text for a fragment or action.
func (c *Console) refuseExperience(w http.ResponseWriter, r *http.Request, page bool) {
	c.log.Info("experience session refused on a console route", "client", clientAddr(r), "path", r.URL.Path)
	if page {
		c.errorPage(w, r, "", http.StatusForbidden, "Forbidden", "This page is not available", "This embedded session opens a dashboard or visual experience: it has no console.", "")
		return
	}
	http.Error(w, sg.ErrorMessage(errExperienceOnly), http.StatusForbidden)
}
