package e2e

import (
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/authoring"
)

// TestEditorUndoAcrossNodes: two nodes on one PostgreSQL store; an author
// edits on one and undoes and redoes on the other (a load balancer may
// send any request anywhere): the undo stack lives in the store.
func TestEditorUndoAcrossNodes(t *testing.T) {
	dsn := os.Getenv("SIGHTGLASS_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("SIGHTGLASS_TEST_POSTGRES is not set")
	}
	t.Parallel()
	db := freshDatabase(t, dsn)
	a := startServer(t, withPostgres(db), withSampleRows(200))
	b := startServer(t, withPostgres(db), withSampleRows(0), reopened(a.Admin))
	u := a.mint(t, "admin", "/start/analyses")
	token, _ := a.signOn(t, u, -1)
	p := a.editorPost(t, a.URL+"/embedding/"+u.Sid+"/analyses", token, url.Values{"name": {"Nodes"}, "dataSetId": {app.SampleDataSetID}})
	if p.Status != http.StatusCreated {
		t.Fatalf("create: %d %s", p.Status, p.Body)
	}
	loc := p.Header.Get("Location")
	id := strings.TrimSuffix(loc[strings.LastIndex(strings.TrimSuffix(loc, "/edit"), "/")+1:], "/edit")
	p = a.withToken(t, a.URL+loc, token)
	on := func(ts *testServer, op string) {
		t.Helper()
		np := ts.editorPost(t, ts.URL+loc, token, url.Values{"op": {op}, "kind": {"BarChartVisual"}, "version": {editorVersion(t, p)}, "sheetId": {authoring.FirstSheetID}})
		if np.Status != http.StatusOK {
			t.Fatalf("%s on %s: %d %.2000s", op, ts.URL, np.Status, np.Body)
		}
		p = np
	}
	empty := a.storedDefinition(t, id)
	on(a, "add-visual")
	withBar := a.storedDefinition(t, id)
	on(b, "undo")
	wantEqual(t, "after an undo on the other node", a.storedDefinition(t, id), empty)
	on(a, "redo")
	wantEqual(t, "after a redo back on the first", b.storedDefinition(t, id), withBar)
}
