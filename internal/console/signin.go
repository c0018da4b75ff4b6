package console

import (
	"context"
	"errors"
	"net/http"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
)

// Direct sign-in for QUICKSIGHT identity users: the invitation page where
// a new user sets a password, the sign-in page, and sign-out. A sign-in
// opens the same kind of console session an embed sign-on opens. Neither
// passwords nor tokens are logged.

// formData is what the sign-in and invitation pages render.
type formData struct {
	CSRF      string
	Error     string
	AccountID string
	UserName  string
	Email     string
	Token     string // the invitation token (in the page's own URL)
	View      string // the shared view to open after sign-in
	MinLength int
	Done      bool
}

// renderForm renders the sign-in or invitation page (Secure sends its
// headers: these pages are never framed).
func (c *Console) renderForm(w http.ResponseWriter, status int, page, title string, f *formData) {
	d := &pageData{Title: title, PageType: "SIGN_IN", Form: f}
	if err := c.pages.render(w, status, page, "layout", d); err != nil {
		c.log.Error("rendering "+page+" page", "err", err)
	}
}

// tooMany renders the page for a client address that has failed too often.
func (c *Console) tooMany(w http.ResponseWriter, r *http.Request) {
	c.log.Warn("sign-in refused: too many failures", "client", clientAddr(r))
	c.errorPage(w, r, "", http.StatusTooManyRequests, "Forbidden", "Too many failed attempts", "This address has failed too often. Wait a minute and try again.", "")
}

// badForm renders the page for a form without a valid CSRF token.
func (c *Console) badForm(w http.ResponseWriter, r *http.Request) {
	c.failures.fail(r, c.now())
	c.errorPage(w, r, "", http.StatusForbidden, "Forbidden", "This form has expired", "The form was not sent from this site's own page, or it was open too long.", "Reload the page and try again.")
}

func (c *Console) handleLoginPage(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	c.renderForm(w, http.StatusOK, "login", "Sign in", &formData{CSRF: csrfToken(w, r), AccountID: q.Get("account"), UserName: q.Get("user"), View: viewParam(q.Get("view"))})
}

func (c *Console) handleLogin(w http.ResponseWriter, r *http.Request) {
	now := c.now()
	if c.failures.blocked(r, now) {
		c.app.RecordSignOnRefused(r.Context(), map[string]any{"signOnType": "password"})
		c.tooMany(w, r)
		return
	}
	if !parseForm(w, r) {
		c.badForm(w, r)
		return
	}
	f := r.PostForm
	account, user := f.Get("account"), f.Get("username")
	con, token, err := c.app.SignIn(r.Context(), account, sg.DefaultNamespace, user, f.Get("password"))
	if err != nil {
		if !app.IsSignInError(err) {
			c.internalError(w, r, err)
			return
		}
		c.failures.fail(r, now)
		status := http.StatusUnauthorized
		if errors.Is(err, app.ErrSignInLocked) {
			status = http.StatusTooManyRequests
		}
		c.log.Info("console sign-in refused", "client", clientAddr(r), "account", account, "locked", status == http.StatusTooManyRequests)
		c.renderForm(w, status, "login", "Sign in", &formData{CSRF: csrfToken(w, r), AccountID: account, UserName: user, View: viewParam(f.Get("view")), Error: sg.ErrorMessage(err)})
		return
	}
	s := con.Session
	c.log.Info("console sign-in", "client", clientAddr(r), "account", s.AccountID, "user", s.UserName, "sid", s.EmbedID)
	setSessionCookie(w, s.EmbedID, token, s.ExpiresAt, c.app.Clock())
	next := "/embedding/" + s.EmbedID + "/start"
	if view := viewParam(f.Get("view")); view != "" {
		next = "/embedding/" + s.EmbedID + "/views/" + view
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
}

// handleSignOut ends the session. The request must carry the session
// token itself (the form field or the header), not only the cookie, so
// that another site cannot sign a user out.
func (c *Console) handleSignOut(w http.ResponseWriter, r *http.Request) {
	sid := r.PathValue("sid")
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	token := r.Header.Get(headerName)
	if token == "" && r.ParseForm() == nil {
		token = r.PostForm.Get("session")
	}
	if !reSID.MatchString(sid) || token == "" {
		c.errorPage(w, r, "", http.StatusForbidden, "Forbidden", "You can't sign out from here", "Use the Sign out button of the console.", "")
		return
	}
	if con, err := c.app.ConsoleSession(r.Context(), sid, token); err == nil {
		err := c.app.ConsoleChange(r.Context(), con.User, "ConsoleSignOut", map[string]any{"embedId": sid}, func(ctx context.Context) error {
			return c.app.SignOut(ctx, token)
		})
		if err != nil {
			c.internalError(w, r, err)
			return
		}
	} else if !errors.Is(err, app.ErrNoSession) {
		c.internalError(w, r, err)
		return
	}
	w.Header().Add("Set-Cookie", cookieName+"=; Path=/embedding/"+sid+"/; Max-Age=0; Secure; HttpOnly; SameSite=None; Partitioned")
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// invitationGone renders the page for an invitation link that can't be
// used.
func (c *Console) invitationGone(w http.ResponseWriter, r *http.Request) {
	c.failures.fail(r, c.now())
	c.errorPage(w, r, "", http.StatusGone, "Gone", "This invitation link can't be used", sg.ErrorMessage(app.ErrInvitation), "Ask your administrator to register you again.")
}

func (c *Console) handleInvitationPage(w http.ResponseWriter, r *http.Request) {
	if c.failures.blocked(r, c.now()) {
		c.tooMany(w, r)
		return
	}
	token := r.PathValue("token")
	u, err := c.app.Invitation(r.Context(), token)
	if errors.Is(err, app.ErrInvitation) {
		c.invitationGone(w, r)
		return
	} else if err != nil {
		c.internalError(w, r, err)
		return
	}
	c.renderForm(w, http.StatusOK, "invitation", "Set your password", &formData{CSRF: csrfToken(w, r), UserName: u.UserName, Email: u.Email, Token: token, MinLength: app.MinPasswordLen})
}

func (c *Console) handleInvitation(w http.ResponseWriter, r *http.Request) {
	if c.failures.blocked(r, c.now()) {
		c.tooMany(w, r)
		return
	}
	if !parseForm(w, r) {
		c.badForm(w, r)
		return
	}
	token := r.PathValue("token")
	u, err := c.app.Invitation(r.Context(), token)
	if errors.Is(err, app.ErrInvitation) {
		c.invitationGone(w, r)
		return
	} else if err != nil {
		c.internalError(w, r, err)
		return
	}
	form := &formData{CSRF: csrfToken(w, r), UserName: u.UserName, Email: u.Email, Token: token, MinLength: app.MinPasswordLen}
	password := r.PostForm.Get("password")
	if password != r.PostForm.Get("confirm") {
		form.Error = "The passwords don't match."
		c.renderForm(w, http.StatusBadRequest, "invitation", "Set your password", form)
		return
	}
	u, err = c.app.AcceptInvitation(r.Context(), token, password)
	switch {
	case errors.Is(err, app.ErrInvitation):
		c.invitationGone(w, r)
		return
	case sg.ErrorCode(err) == sg.EINVALID:
		form.Error = sg.ErrorMessage(err)
		c.renderForm(w, http.StatusBadRequest, "invitation", "Set your password", form)
		return
	case err != nil:
		c.internalError(w, r, err)
		return
	}
	c.log.Info("invitation accepted", "client", clientAddr(r), "account", u.AccountID, "user", u.UserName)
	c.renderForm(w, http.StatusOK, "invitation", "Password set", &formData{Done: true, AccountID: u.AccountID, UserName: u.UserName})
}

// viewParam is a shared view id given to the sign-in page, or "" when v
// is not one.
func viewParam(v string) string {
	if reViewID.MatchString(v) {
		return v
	}
	return ""
}
