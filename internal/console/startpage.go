package console

import (
	"bytes"
	"html/template"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/sightglass/sightglass/internal/app"
)

// startPage writes the start page's overview, dashboards and analyses tabs
// directly, without html/template: a redemption answers with the overview,
// and executing the template cost more than the rest of the handler
// outside the store. The output is byte for byte what templates/layout.html
// and templates/start.html render (TestStartPageMatchesTemplate compares
// the two over every tab, role and list shape); a page this writer does not
// cover (favorites tab, the dashboard experience, an address or ID that
// would need URL escaping) goes through the templates.
type startPage struct {
	cssURL, jsURL string // escaped asset addresses, rendered once by the templates
}

// newStartPage renders the asset addresses through the same escaper the
// layout uses, so that a version string can never differ between the two.
func newStartPage(funcs template.FuncMap) (*startPage, error) {
	t, err := template.New("assets").Funcs(funcs).Parse(`<link href="{{asset "console.css"}}"><script src="{{asset "console.js"}}"></script>`)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	if err := t.Execute(&b, nil); err != nil {
		return nil, err
	}
	s := b.String()
	css, rest, _ := strings.Cut(strings.TrimPrefix(s, `<link href="`), `">`)
	js, _, _ := strings.Cut(strings.TrimPrefix(rest, `<script src="`), `">`)
	return &startPage{cssURL: css, jsURL: js}, nil
}

// covers reports whether write renders d exactly as the templates would.
func (p *startPage) covers(d *pageData) bool {
	if d.Experience == "DASHBOARD" || d.User == nil || d.ErrorCode != "" || !urlSafe(d.Sid) || d.Sid == "" {
		return false
	}
	switch d.Nav {
	case "", "dashboards", "analyses":
	default:
		return false
	}
	for _, x := range d.Dashboards {
		if !urlSafe(x.ID) {
			return false
		}
	}
	for _, x := range d.Analyses {
		if !urlSafe(x.ID) {
			return false
		}
	}
	for _, x := range d.Recent {
		if !urlSafe(x.ID) || !strings.HasSuffix(x.Path, "/"+x.ID) || !urlSafe(strings.ReplaceAll(strings.TrimSuffix(x.Path, x.ID), "/", "")) {
			return false
		}
	}
	return true
}

var pageBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// render writes the page d with status 200.
func (p *startPage) render(w http.ResponseWriter, d *pageData) error {
	b := pageBuffers.Get().(*bytes.Buffer)
	b.Reset()
	p.write(b, d, time.Now())
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	_, err := w.Write(b.Bytes())
	if b.Cap() <= 64<<10 {
		pageBuffers.Put(b)
	}
	return err
}

// write appends the page; now is what "updated … ago" counts from.
func (p *startPage) write(b *bytes.Buffer, d *pageData, now time.Time) {
	b.WriteString("<!doctype html>\n<html lang=\"en\"")
	if d.EmbedOrigin != "" {
		b.WriteString(` data-embed-origin="`)
		escapeHTML(b, d.EmbedOrigin)
		b.WriteByte('"')
	}
	b.WriteString(">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"referrer\" content=\"no-referrer\">\n")
	if d.Token != "" {
		b.WriteString(`<meta name="sg-session" content="`)
		escapeHTML(b, d.Token)
		b.WriteString(`">`)
	}
	b.WriteString("\n<title>")
	escapeHTML(b, d.Title)
	b.WriteString(" · Sightglass</title>\n<link rel=\"stylesheet\" href=\"")
	b.WriteString(p.cssURL)
	b.WriteString("\">\n<script src=\"")
	b.WriteString(p.jsURL)
	b.WriteString("\" defer></script>\n</head>\n<body hx-boost=\"true\">\n<header class=\"top\">\n  <a class=\"brand\" href=\"/embedding/")
	b.WriteString(d.Sid)
	b.WriteString("/start\">Sightglass</a>\n  \n  <nav class=\"main\">\n    <a href=\"/embedding/")
	b.WriteString(d.Sid)
	b.WriteString(`/start/dashboards"`)
	current(b, d.Nav == "dashboards")
	b.WriteString(">Dashboards</a>\n    ")
	if d.Author {
		b.WriteString(`<a href="/embedding/`)
		b.WriteString(d.Sid)
		b.WriteString(`/start/analyses"`)
		current(b, d.Nav == "analyses")
		b.WriteString(`>Analyses</a><a href="/embedding/`)
		b.WriteString(d.Sid)
		b.WriteString(`/data/sets"`)
		current(b, d.Nav == "datasets")
		b.WriteString(">Datasets</a>")
	}
	b.WriteString("\n    <a href=\"/embedding/")
	b.WriteString(d.Sid)
	b.WriteString("/start/favorites\">Favorites</a>\n    ")
	if d.Author {
		b.WriteString(`<a href="/embedding/`)
		b.WriteString(d.Sid)
		b.WriteString(`/data/sources">Data</a>`)
	}
	b.WriteString("\n  </nav>\n  <div class=\"who\" title=\"")
	escapeHTML(b, d.User.Email)
	b.WriteString(`"><span class="user">`)
	escapeHTML(b, d.User.UserName)
	b.WriteString(`</span> <span class="role role-`)
	escapeHTML(b, string(d.User.Role))
	b.WriteString(`">`)
	escapeHTML(b, string(d.User.Role))
	b.WriteString("</span></div>\n  <form class=\"signout\" method=\"post\" action=\"/embedding/")
	b.WriteString(d.Sid)
	b.WriteString(`/signout" hx-boost="false"><input type="hidden" name="session" value="`)
	escapeHTML(b, d.Token)
	b.WriteString("\"><button type=\"submit\">Sign out</button></form>\n  \n</header>\n<main id=\"main\" data-page-type=\"")
	escapeHTML(b, d.PageType)
	b.WriteString(`" data-resource-id="`)
	escapeHTML(b, d.ResourceID)
	b.WriteString(`" data-title="`)
	escapeHTML(b, d.Title)
	b.WriteString("\">\n\n<h1>")
	escapeHTML(b, d.Heading)
	b.WriteString("</h1>\n<form class=\"finder\" role=\"search\" action=\"/embedding/")
	b.WriteString(d.Sid)
	b.WriteString("/start/search\" method=\"get\"><input type=\"search\" name=\"q\" maxlength=\"256\" aria-label=\"Search dashboards, analyses and datasets\" placeholder=\"Search dashboards, analyses and datasets\"><button type=\"submit\">Search</button></form>\n")
	switch d.Nav {
	case "dashboards":
		b.WriteString("\n  ")
		p.dashboards(b, d, now)
		b.WriteString("\n")
	case "analyses":
		b.WriteString("\n  <p class=\"actions\"><a class=\"new-analysis\" href=\"/embedding/")
		b.WriteString(d.Sid)
		b.WriteString("/analyses/new\">New analysis</a> <a class=\"deleted-analyses-link\" href=\"/embedding/")
		b.WriteString(d.Sid)
		b.WriteString("/start/analyses/deleted\">Deleted analyses</a></p>\n  ")
		p.analyses(b, d, now)
		b.WriteString("\n")
	default:
		b.WriteString("\n  ")
		if len(d.Recent) > 0 {
			b.WriteString("<section class=\"recent\">\n    <h2>Recently opened</h2>\n    <ul class=\"cards\">")
			for _, x := range d.Recent {
				b.WriteString(`<li class="card"><a href="/embedding/`)
				b.WriteString(d.Sid)
				b.WriteString(x.Path)
				b.WriteString(`"><span class="kind">`)
				escapeHTML(b, x.KindLabel)
				b.WriteString(`</span> <span class="name">`)
				escapeHTML(b, x.Name)
				b.WriteString(`</span></a><span class="meta">opened `)
				escapeHTML(b, ago(now.Sub(x.OpenedAt)))
				b.WriteString(`</span></li>`)
			}
			b.WriteString("</ul>\n  </section>")
		}
		b.WriteString("\n  <section>\n    <h2>Dashboards</h2>\n    ")
		p.dashboards(b, d, now)
		b.WriteString("\n  </section>\n  ")
		if d.Author {
			b.WriteString("\n  <section>\n    <h2>Analyses</h2>\n    ")
			p.analyses(b, d, now)
			b.WriteString("\n  </section>\n  ")
		}
		b.WriteString("\n")
	}
	b.WriteString("\n\n</main>\n</body>\n</html>\n")
}

func (p *startPage) dashboards(b *bytes.Buffer, d *pageData, now time.Time) {
	if len(d.Dashboards) == 0 {
		b.WriteString("\n<p class=\"empty\">No dashboards have been shared with you yet.")
		if d.Author {
			b.WriteString(" Publish one from an analysis: open it, then Publish.")
		} else {
			b.WriteString(" Ask an author to share one with you.")
		}
		b.WriteString("</p>\n")
		return
	}
	b.WriteString("\n\n<ul class=\"cards\">\n")
	for _, x := range d.Dashboards {
		card(b, d.Sid, "/dashboards/", x.ID, x.Name, app.OwnerName(x.Permissions, "quicksight:UpdateDashboard"), now.Sub(x.UpdatedAt))
	}
	b.WriteString("\n</ul>\n\n")
}

func (p *startPage) analyses(b *bytes.Buffer, d *pageData, now time.Time) {
	if len(d.Analyses) == 0 {
		b.WriteString("\n<p class=\"empty\">No analyses yet. <a class=\"first-analysis\" href=\"/embedding/")
		b.WriteString(d.Sid)
		b.WriteString("/analyses/new\">Create your first analysis from the Sample sales dataset</a>.</p>\n")
		return
	}
	b.WriteString("\n\n<ul class=\"cards\">\n")
	for _, x := range d.Analyses {
		card(b, d.Sid, "/analyses/", x.ID, x.Name, app.OwnerName(x.Permissions, "quicksight:UpdateAnalysis"), now.Sub(x.UpdatedAt))
	}
	b.WriteString("\n</ul>\n\n")
}

// card writes one list item; sid and id are URL-safe (covers checked).
func card(b *bytes.Buffer, sid, kind, id, name, owner string, age time.Duration) {
	b.WriteString("\n  <li class=\"card\"><a href=\"/embedding/")
	b.WriteString(sid)
	b.WriteString(kind)
	b.WriteString(id)
	b.WriteString(`"><span class="name">`)
	escapeHTML(b, name)
	b.WriteString(`</span></a><span class="meta">`)
	if owner != "" {
		escapeHTML(b, owner)
		b.WriteString(" · ")
	}
	b.WriteString("updated ")
	escapeHTML(b, ago(age))
	b.WriteString("</span></li>\n")
}

func current(b *bytes.Buffer, yes bool) {
	if yes {
		b.WriteString(` aria-current="page"`)
	}
}

// escapeHTML writes s escaped as html/template escapes a string in text, a
// quoted attribute value and RCDATA: NUL, quotes, '&', '+', '<' and '>'.
// Every byte it replaces is ASCII, so it can work on bytes; everything else
// (including invalid UTF-8) is copied.
func escapeHTML(b *bytes.Buffer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var r string
		switch s[i] {
		case 0:
			r = "\uFFFD"
		case '"':
			r = "&#34;"
		case '&':
			r = "&amp;"
		case '\'':
			r = "&#39;"
		case '+':
			r = "&#43;"
		case '<':
			r = "&lt;"
		case '>':
			r = "&gt;"
		default:
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(r)
		last = i + 1
	}
	b.WriteString(s[last:])
}

// urlSafe reports whether s is made only of bytes html/template leaves
// untouched inside a URL attribute (RFC 3986 unreserved characters).
func urlSafe(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~') {
			return false
		}
	}
	return true
}
