package console

import (
	"bytes"
	"net/http"
)

// handleControl serves the embedding SDK's hidden control frame. It carries
// no code and no session: it only relays the host page's requests to the
// experience frames of the same context (see web/src/control.js). Its
// frame-ancestors are the union of the accounts' allow-lists and the sid's
// own AllowedDomains, since the frame may load before its experience frame
// has signed in.
func (c *Console) handleControl(w http.ResponseWriter, r *http.Request) {
	if !reSID.MatchString(r.PathValue("sid")) {
		http.NotFound(w, r)
		return
	}
	domains, err := c.app.FrameDomains(r.Context(), r.PathValue("sid"))
	if err != nil {
		c.internalError(w, r, err)
		return
	}
	setSecurityHeaders(w, domains)
	var buf bytes.Buffer
	if err := c.pages.control.Execute(&buf, struct{ EmbedOrigin string }{allowedOrigin(r, domains)}); err != nil {
		c.internalError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	buf.WriteTo(w)
}
