package console

import (
	"context"
	"net/http"
	"strconv"
	"time"

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
// app.ErrNoSession (or an internal error).
func (c *Console) session(ctx context.Context, r *http.Request, sid string) (*signedIn, error) {
	token, _ := sessionToken(r)
	if token == "" {
		return nil, app.ErrNoSession
	}
	con, err := c.app.ConsoleSession(ctx, sid, token)
	if err != nil {
		return nil, err
	}
	return &signedIn{Console: con, Token: token}, nil
}
