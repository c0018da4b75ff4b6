package console

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
)

// The sign-in and invitation forms are posted before any session exists,
// so they carry a CSRF token of their own: a random value in a
// SameSite=Strict cookie that a hidden field must repeat (double submit).
// A cross-site page can neither read the cookie nor make the browser send
// it with its post.
const csrfCookie = "sg_csrf"

// maxFormBody bounds a posted sign-in or invitation form.
const maxFormBody = 16 << 10

// csrfToken returns the request's CSRF token, setting a new cookie when
// it has none.
func csrfToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(csrfCookie); err == nil && len(c.Value) == 43 {
		return c.Value
	}
	var b [32]byte
	rand.Read(b[:])
	token := base64.RawURLEncoding.EncodeToString(b[:])
	w.Header().Add("Set-Cookie", csrfCookie+"="+token+"; Path=/; Max-Age=3600; Secure; HttpOnly; SameSite=Strict")
	return token
}

// parseForm reads a posted form, bounded, and reports whether its CSRF
// field matches the cookie.
func parseForm(w http.ResponseWriter, r *http.Request) bool {
	r.Body = http.MaxBytesReader(w, r.Body, maxFormBody)
	if err := r.ParseForm(); err != nil {
		return false
	}
	c, err := r.Cookie(csrfCookie)
	field := r.PostForm.Get("csrf")
	return err == nil && c.Value != "" && subtle.ConstantTimeCompare([]byte(c.Value), []byte(field)) == 1
}
