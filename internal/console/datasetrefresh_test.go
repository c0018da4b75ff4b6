package console

import (
	"net/http/httptest"
	"strings"
	"testing"

	sg "github.com/sightglass/sightglass"
)

// TestIngestionPanelRowsSoFar: a running ingestion's recorded rows
// (DescribeIngestion's RowInfo, written every second) show next to the
// status bar; a queued one without rows and a finished one do not say
// "so far".
func TestIngestionPanelRowsSoFar(t *testing.T) {
	p, err := loadPages()
	if err != nil {
		t.Fatal(err)
	}
	render := func(in *sg.Ingestion) string {
		t.Helper()
		v := &ingestionView{Base: "/embedding/x/data/sets/d", DataSetID: "d", Ingestions: []*sg.Ingestion{in},
			Running: unfinished(in.Status), Percent: ingestionPercent(in.Status), Owner: true}
		w := httptest.NewRecorder()
		if err := p.render(w, 200, "dataseteditor", "ds-ingestions", v); err != nil {
			t.Fatal(err)
		}
		return w.Body.String()
	}
	if got := render(&sg.Ingestion{Status: sg.IngestionRunning, RowsIngested: 12345}); !strings.Contains(got, "12345 rows so far") {
		t.Errorf("running ingestion with rows: no rows so far:\n%s", got)
	}
	if got := render(&sg.Ingestion{Status: sg.IngestionQueued}); strings.Contains(got, "so far") {
		t.Errorf("queued ingestion without rows says rows so far:\n%s", got)
	}
	got := render(&sg.Ingestion{Status: sg.IngestionCompleted, RowsIngested: 7})
	if strings.Contains(got, "so far") || !strings.Contains(got, "· 7 rows") {
		t.Errorf("completed ingestion:\n%s", got)
	}
}
