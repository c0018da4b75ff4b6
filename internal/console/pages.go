package console

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/sightglass/sightglass/internal/app"
)

//go:embed templates/*.html
var templateFS embed.FS

// pages holds the parsed page templates, each the layout plus one
// content template.
type pages struct {
	byName  map[string]*template.Template
	control *template.Template
	start   *startPage // the start page without the template, where it covers
}

func loadPages() (*pages, error) {
	funcs := template.FuncMap{
		"asset":         assetURL,
		"lower":         strings.ToLower,
		"ago":           func(t time.Time) string { return ago(time.Since(t)) },
		"css":           cssStyle,
		"join":          strings.Join,
		"multiSummary":  multiSummary,
		"shareOf":       shareOf,
		"list":          func(s ...string) []string { return s },
		"nextRefreshAt": app.NextRefreshAt,
		"owner":         app.OwnerName,
		"streamMark":    func() template.HTML { return streamMark },
	}
	base, err := template.New("base").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/favorite.html", "templates/viewer.html")
	if err != nil {
		return nil, err
	}
	p := &pages{byName: map[string]*template.Template{}}
	for _, name := range []string{"start", "resource", "error", "login", "invitation", "datasets", "datasetnew", "dataseteditor", "analysis_edit_new", "analysis_edit", "manage", "start_search"} {
		t, files := template.Must(base.Clone()), []string{"templates/" + name + ".html"}
		if name == "analysis_edit" {
			t, files = t.Funcs(editorFuncs), append(files, editorPartials...)
		}
		t, err := t.ParseFS(templateFS, files...)
		if err != nil {
			return nil, err
		}
		p.byName[name] = t
	}
	for _, name := range dataTemplates {
		t, err := template.Must(base.Clone()).Funcs(dataFuncs).ParseFS(templateFS, "templates/"+name+".html")
		if err != nil {
			return nil, err
		}
		p.byName[name] = t
	}
	if p.control, err = template.New("control.html").Funcs(funcs).ParseFS(templateFS, "templates/control.html"); err != nil {
		return nil, err
	}
	if p.start, err = newStartPage(funcs); err != nil {
		return nil, err
	}
	return p, nil
}

// render writes a full page (or, for the favorite button, a fragment)
// rendered into a buffer first, so a template error becomes a clean 500.
func (p *pages) render(w http.ResponseWriter, status int, page, tmpl string, data any) error {
	t, ok := p.byName[page]
	if !ok {
		return fmt.Errorf("no page %q", page)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, tmpl, data); err != nil {
		return err
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_, err := buf.WriteTo(w)
	return err
}

// renderStart writes a start page tab: directly where the start page
// writer covers it, through the templates otherwise.
func (p *pages) renderStart(w http.ResponseWriter, d *pageData) error {
	if p.start.covers(d) {
		return p.start.render(w, d)
	}
	return p.render(w, http.StatusOK, "start", "layout", d)
}

// ago renders a duration as a short human phrase.
func ago(d time.Duration) string {
	switch {
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return plural(int(d/time.Minute), "minute") + " ago"
	case d < 48*time.Hour:
		return plural(int(d/time.Hour), "hour") + " ago"
	}
	return plural(int(d/(24*time.Hour)), "day") + " ago"
}

func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return strconv.Itoa(n) + " " + unit + "s"
}
