package e2e

// A dashboard page is sent as its visuals are computed: the page up to the
// sheet's grid first, then each tile in layout order. What arrives is the
// same page as one drawn whole: the same tiles, in the same order, each
// the same HTML as the sheet fragment (drawn whole) has it.

import (
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/app"
)

var reTileSection = regexp.MustCompile(`(?s)<section class="tile [^"]*" id="[tv]-[^"]*".*?</section>`)

func TestViewerPageStreamed(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	u := ts.mint(t, "admin", "/dashboards/"+app.SampleDashboardID)
	token, p := ts.signOn(t, u, -1)
	if strings.Contains(p.Body, "sightglass:tiles") {
		t.Fatal("the streamed page still holds the tiles' mark")
	}
	if !strings.HasSuffix(strings.TrimSpace(p.Body), "</html>") {
		t.Fatalf("the streamed page is cut short: …%s", p.Body[max(0, len(p.Body)-200):])
	}
	// The page's script comes before the tiles, so that it draws them as
	// they arrive.
	script, grid := strings.Index(p.Body, `<script src="/static/console.js?`), strings.Index(p.Body, `<div class="grid">`)
	if script < 0 || grid < 0 || script > grid || strings.Contains(p.Body[script:grid], " defer") {
		t.Fatalf("script at %d (deferred: %v), grid at %d", script, script >= 0 && strings.Contains(p.Body[script:grid], " defer"), grid)
	}
	// It is inert until its script has wired it, and ends with the mark
	// the script checks to tell a whole page from one cut short.
	for _, want := range []string{`<body hx-boost="true" inert>`, ` data-streamed `, `<i class="sheet-complete" hidden></i>`} {
		if !strings.Contains(p.Body, want) {
			t.Errorf("the streamed page lacks %s", want)
		}
	}
	sheet := regexp.MustCompile(`data-selected="([^"]+)"`).FindStringSubmatch(p.Body)
	if sheet == nil {
		t.Fatal("no selected sheet on the page")
	}
	frag := ts.withToken(t, u.Base+"/embedding/"+u.Sid+"/dashboards/"+app.SampleDashboardID+"/sheets/"+sheet[1], token)
	if frag.Status != http.StatusOK {
		t.Fatalf("sheet fragment: %d", frag.Status)
	}
	streamed, whole := reTileSection.FindAllString(p.Body, -1), reTileSection.FindAllString(frag.Body, -1)
	if len(streamed) < 4 {
		t.Fatalf("the streamed page has %d tiles", len(streamed))
	}
	if len(streamed) != len(whole) {
		t.Fatalf("streamed page: %d tiles, the sheet drawn whole: %d", len(streamed), len(whole))
	}
	for i := range streamed {
		if streamed[i] != whole[i] {
			t.Errorf("tile %d differs:\nstreamed: %.300s\nwhole:    %.300s", i, streamed[i], whole[i])
		}
	}

	// A boosted navigation (htmx takes the answer whole) gets the page
	// drawn whole, its script deferred in the head.
	req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, u.Base+"/embedding/"+u.Sid+"/dashboards/"+app.SampleDashboardID, nil)
	must(t, err)
	req.Header.Set("X-Sightglass-Session", token)
	req.Header.Set("HX-Request", "true")
	req.Header.Set("HX-Boosted", "true")
	resp, err := ts.httpClient.Do(req)
	must(t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	must(t, err)
	b := string(raw)
	if resp.StatusCode != http.StatusOK || !strings.Contains(b, `console.`) || !regexp.MustCompile(`<script src="/static/console\.js\?v=[^"]*" defer>`).MatchString(b) {
		t.Fatalf("boosted page: %d, deferred script: %v", resp.StatusCode, strings.Contains(b, " defer>"))
	}
	if strings.Contains(b, " inert") || strings.Contains(b, "data-streamed") || strings.Contains(b, "sheet-complete") {
		t.Errorf("the page drawn whole carries the streamed page's marks")
	}
	if boosted := reTileSection.FindAllString(b, -1); len(boosted) != len(whole) {
		t.Fatalf("boosted page: %d tiles, want %d", len(boosted), len(whole))
	}
}
