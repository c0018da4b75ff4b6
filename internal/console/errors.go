package console

import (
	"net/http"

	sg "github.com/sightglass/sightglass"
)

// setSecurityHeaders sets the headers of every console page: a CSP whose
// frame-ancestors come from the embedding allow-list, and the usual
// hardening. Images and frames may come from https origins: a custom
// content visual shows its ContentUrl (an https URL or a path), the frame
// sandboxed; scripts, styles and connections stay same-origin.
func setSecurityHeaders(w http.ResponseWriter, embeddingDomains []string) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; frame-src 'self' https:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "+frameAncestors(embeddingDomains))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
}

// errorPage renders an error page that the experience frame's script
// reports to the host page as ERROR_OCCURRED with errorCode. Before a
// session is known, the page may be framed by any origin on an account's
// allow-list, so that the host sees the error inside its frame.
func (c *Console) errorPage(w http.ResponseWriter, r *http.Request, sid string, status int, errorCode, heading, message, hint string) {
	domains, err := c.app.FrameDomains(r.Context(), pathSID(r))
	if err != nil {
		c.log.Error("reading embedding domains", "err", err)
		domains = nil
	}
	setSecurityHeaders(w, domains)
	d := &pageData{
		EmbedOrigin: allowedOrigin(r, domains),
		Title:       heading, Heading: heading, Sid: sid, PageType: "ERROR",
		Status: status, ErrorCode: errorCode, Message: message, Hint: hint,
	}
	if err := c.pages.render(w, status, "error", "layout", d); err != nil {
		c.log.Error("rendering error page", "err", err)
	}
}

// renderError renders the page for an error from rendering an entry.
func (c *Console) renderError(w http.ResponseWriter, r *http.Request, err error) {
	switch sg.ErrorCode(err) {
	case sg.ENOTFOUND:
		c.errorPage(w, r, r.PathValue("sid"), http.StatusNotFound, "NotFound", "Not found", sg.ErrorMessage(err), "")
	case sg.EACCESSDENIED:
		c.errorPage(w, r, r.PathValue("sid"), http.StatusForbidden, "Forbidden", "You don't have access", sg.ErrorMessage(err), "")
	case sg.ECONFLICT:
		c.errorPage(w, r, r.PathValue("sid"), http.StatusConflict, "Conflict", "This can't be opened now", sg.ErrorMessage(err), "")
	default:
		c.internalError(w, r, err)
	}
}

// internalError logs err and renders a generic 500 page.
func (c *Console) internalError(w http.ResponseWriter, r *http.Request, err error) {
	c.log.Error("console request failed", "path", r.URL.Path, "err", err)
	c.errorPage(w, r, "", http.StatusInternalServerError, "InternalError", "Something went wrong", "Sightglass could not show this page. Try again in a moment.", "")
}

// allowedOrigin returns the request's decoded punyCodeEmbedOrigin if it is
// on the allow-list, else "".
func allowedOrigin(r *http.Request, domains []string) string {
	origin, ok := embedOrigin(r.URL.Query().Get("punyCodeEmbedOrigin"))
	if !ok || !originAllowed(origin, domains) {
		return ""
	}
	return origin
}

// pathSID returns the request's sid if its path has a valid one, else "".
func pathSID(r *http.Request) string {
	if sid := r.PathValue("sid"); reSID.MatchString(sid) {
		return sid
	}
	return ""
}
