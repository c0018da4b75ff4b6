package console

import (
	"net/url"
	"strings"
)

// embedOrigin recovers the host page's origin from the SDK's
// punyCodeEmbedOrigin parameter ("https://app.example.com/-" →
// "https://app.example.com"). It reports false for anything that is not an
// http(s) origin.
func embedOrigin(puny string) (string, bool) {
	if puny == "" {
		return "", false
	}
	s, err := decodePunycode(puny)
	if err != nil {
		return "", false
	}
	u, err := url.Parse(strings.TrimSuffix(s, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.Path != "" || u.RawQuery != "" || u.User != nil {
		return "", false
	}
	return u.Scheme + "://" + strings.ToLower(u.Host), true
}

// originAllowed reports whether origin (scheme://host[:port]) matches an
// allow-list entry. Entries are origins, optionally with a "*." wildcard
// for subdomains and ":*" for any port: https://app.example.com,
// https://*.example.com, http://localhost:*.
func originAllowed(origin string, allowList []string) bool {
	scheme, hostport, ok := strings.Cut(origin, "://")
	if !ok {
		return false
	}
	host, port := splitHostPort(hostport)
	for _, e := range allowList {
		es, ehp, ok := strings.Cut(strings.ToLower(strings.TrimSuffix(e, "/")), "://")
		if !ok || es != scheme {
			continue
		}
		eh, ep := splitHostPort(ehp)
		if ep != "*" && ep != port {
			continue
		}
		if sub, ok := strings.CutPrefix(eh, "*."); ok {
			if strings.HasSuffix(host, "."+sub) {
				return true
			}
			continue
		}
		if eh == host {
			return true
		}
	}
	return false
}

// splitHostPort splits host[:port]; the port is "" when absent. IPv6
// literals keep their brackets.
func splitHostPort(hp string) (host, port string) {
	if strings.HasPrefix(hp, "[") {
		if i := strings.Index(hp, "]"); i >= 0 {
			host, rest := hp[:i+1], hp[i+1:]
			return host, strings.TrimPrefix(rest, ":")
		}
		return hp, ""
	}
	if i := strings.LastIndexByte(hp, ':'); i >= 0 {
		return hp[:i], hp[i+1:]
	}
	return hp, ""
}

// frameAncestors renders a CSP frame-ancestors directive from an
// allow-list; an empty list forbids framing.
func frameAncestors(allowList []string) string {
	var b strings.Builder
	b.WriteString("frame-ancestors")
	n := 0
	for _, e := range allowList {
		if validSource(e) {
			b.WriteByte(' ')
			b.WriteString(strings.TrimSuffix(e, "/"))
			n++
		}
	}
	if n == 0 {
		b.WriteString(" 'none'")
	}
	return b.String()
}

// validSource reports whether an allow-list entry is safe to put in a CSP
// header: an http(s) origin pattern with no spaces, quotes, semicolons or
// commas.
func validSource(e string) bool {
	if strings.ContainsAny(e, " \t\r\n;,'\"") {
		return false
	}
	s, rest, ok := strings.Cut(e, "://")
	return ok && (s == "http" || s == "https") && rest != "" && !strings.Contains(strings.TrimSuffix(rest, "/"), "/")
}
