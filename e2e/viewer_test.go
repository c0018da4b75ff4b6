package e2e

// The console viewer end to end: the first-run sample dashboard and
// analysis rendered from live data through the query engine, compared
// with direct SQL on the sample file; controls, parameters and sheets as
// the page's requests carry them; who may open what.

import (
	"database/sql"
	"encoding/json"
	"html"
	"math"
	"net/http"
	"net/url"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/sightglass/sightglass/internal/app"
)

// sampleDB opens the sample file the server generated, for direct SQL.
func sampleDB(t testing.TB, ts *testServer) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(ts.Config.DataSourceDir, app.SampleFile)+"?mode=ro")
	must(t, err)
	t.Cleanup(func() { db.Close() })
	return db
}

func sqlFloat(t testing.TB, db *sql.DB, query string, args ...any) float64 {
	t.Helper()
	var f float64
	must(t, db.QueryRowContext(t.Context(), query, args...).Scan(&f))
	return f
}

// tile returns the HTML of a visual's tile in a page.
func tile(t testing.TB, body, visualID string) string {
	t.Helper()
	re := regexp.MustCompile(`(?s)<section class="tile [^"]*" id="v-` + regexp.QuoteMeta(visualID) + `".*?</section>`)
	m := re.FindString(body)
	if m == "" {
		t.Fatalf("no tile %s in:\n%s", visualID, body)
	}
	return m
}

var reKPI = regexp.MustCompile(`<p class="kpi-value">([^<]*)</p>`)

// kpiValue returns the number a KPI tile shows.
func kpiValue(t testing.TB, body, visualID string) float64 {
	t.Helper()
	m := reKPI.FindStringSubmatch(tile(t, body, visualID))
	if m == nil {
		t.Fatalf("tile %s is not a KPI", visualID)
	}
	f, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64)
	must(t, err)
	return f
}

var reEcharts = regexp.MustCompile(`data-echarts="([^"]*)"`)

// chartOption is the part of an ECharts option the tests read.
type chartOption struct {
	XAxis  json.RawMessage `json:"xAxis"`
	YAxis  json.RawMessage `json:"yAxis"`
	Series []struct {
		Type string            `json:"type"`
		Data []json.RawMessage `json:"data"`
	} `json:"series"`
}

func chart(t testing.TB, body, visualID string) chartOption {
	t.Helper()
	m := reEcharts.FindStringSubmatch(tile(t, body, visualID))
	if m == nil {
		t.Fatalf("tile %s has no chart:\n%s", visualID, tile(t, body, visualID))
	}
	var o chartOption
	must(t, json.Unmarshal([]byte(html.UnescapeString(m[1])), &o))
	return o
}

// categoryAxis returns the category labels of a chart.
func categoryAxis(t testing.TB, o chartOption) []string {
	t.Helper()
	for _, raw := range []json.RawMessage{o.XAxis, o.YAxis} {
		var ax struct {
			Type string   `json:"type"`
			Data []string `json:"data"`
		}
		if json.Unmarshal(raw, &ax) == nil && ax.Type == "category" {
			return ax.Data
		}
	}
	t.Fatal("chart has no category axis")
	return nil
}

// viewerSampleRows is the size of the sample the viewer tests use: enough
// for every visual to have data, small enough for the race detector (the
// 100,000-row default is what the benchmarks and the browser test use).
const viewerSampleRows = 10_000

func near(a, b float64) bool { return math.Abs(a-b) <= 0.011*math.Max(1, math.Abs(b)/1e6) }

func TestViewerSampleDashboard(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	db := sampleDB(t, ts)
	u := ts.mint(t, "admin", "/dashboards/"+app.SampleDashboardID)
	token, p := ts.signOn(t, u, -1)
	p.wantConsole(t, "DASHBOARD", token)

	t.Run("first sheet", func(t *testing.T) {
		for _, want := range []string{
			`<button type="button" role="tab" class="sheet-tab" data-sheet-id="overview" aria-selected="true">Overview</button>`,
			`<button type="button" role="tab" class="sheet-tab" data-sheet-id="products" aria-selected="false">Products</button>`,
			`<select name="p.Segment">`, `<details class="multi" data-name="f.f-region">`, `<input type="checkbox" name="f.f-region" value="Europe">`, `name="f.f-date.from"`,
			`style="grid-column: 1 / span 18; grid-row: 9 / span 12"`,
			"Sample sales: two years of orders.",
		} {
			if !strings.Contains(p.Body, want) {
				t.Errorf("dashboard page lacks %s", want)
			}
		}
		if n := strings.Count(p.Body, `class="tile tile-chart"`); n != 4 {
			t.Errorf("%d chart tiles, want 4", n)
		}
		wantEqual(t, "revenue KPI", kpiValue(t, p.Body, "kpi-revenue"), math.Round(sqlFloat(t, db, "SELECT sum(revenue) FROM orders")*100)/100)
		wantEqual(t, "orders KPI", kpiValue(t, p.Body, "kpi-orders"), sqlFloat(t, db, "SELECT count(order_id) FROM orders"))
		// Bars: regions by revenue, descending, as SQL has them.
		o := chart(t, p.Body, "bar-region")
		rows, err := db.QueryContext(t.Context(), "SELECT region, round(sum(revenue), 2) FROM orders GROUP BY region ORDER BY 2 DESC")
		must(t, err)
		var regions []string
		var sums []float64
		for rows.Next() {
			var r string
			var s float64
			must(t, rows.Scan(&r, &s))
			regions, sums = append(regions, r), append(sums, s)
		}
		must(t, rows.Err())
		wantEqual(t, "bar categories", categoryAxis(t, o), regions)
		for i, raw := range o.Series[0].Data {
			f, _ := strconv.ParseFloat(string(raw), 64)
			if !near(f, sums[i]) {
				t.Errorf("bar %s = %v, SQL %v", regions[i], f, sums[i])
			}
		}
		wantEqual(t, "line months", len(categoryAxis(t, chart(t, p.Body, "line-month"))), int(sqlFloat(t, db, "SELECT count(DISTINCT substr(order_date, 1, 7)) FROM orders")))
		combo := chart(t, p.Body, "combo-quarter")
		wantEqual(t, "combo series", []string{combo.Series[0].Type, combo.Series[1].Type}, []string{"bar", "line"})
		if !strings.Contains(tile(t, p.Body, "table-subcategory"), "<th>sub_category</th>") {
			t.Errorf("table tile:\n%s", tile(t, p.Body, "table-subcategory"))
		}
	})

	sheet := func(t *testing.T, id string, q url.Values) string {
		t.Helper()
		pg := ts.withToken(t, u.Base+"/embedding/"+u.Sid+"/dashboards/"+app.SampleDashboardID+"/sheets/"+id+"?"+q.Encode(), token)
		if pg.Status != http.StatusOK {
			t.Fatalf("sheet %s: %d\n%s", id, pg.Status, pg.Body)
		}
		return pg.Body
	}

	t.Run("controls", func(t *testing.T) {
		body := sheet(t, "overview", url.Values{"f.f-region": {"Europe", "Asia Pacific"}})
		wantEqual(t, "regions", categoryAxis(t, chart(t, body, "bar-region")), []string{"Europe", "Asia Pacific"})
		wantEqual(t, "revenue of two regions", kpiValue(t, body, "kpi-revenue"),
			math.Round(sqlFloat(t, db, "SELECT sum(revenue) FROM orders WHERE region IN ('Europe', 'Asia Pacific')")*100)/100)
		if !strings.Contains(body, `<input type="checkbox" name="f.f-region" value="Europe" checked>`) || !strings.Contains(body, `<summary aria-describedby="t-fc-region">Asia Pacific, Europe</summary>`) {
			t.Error("the region control does not show the selection")
		}
		body = sheet(t, "overview", url.Values{"f.f-date.from": {"2026-01-01"}, "f.f-date.to": {"2026-03-31"}})
		wantEqual(t, "Q1 2026 orders", kpiValue(t, body, "kpi-orders"),
			sqlFloat(t, db, "SELECT count(*) FROM orders WHERE order_date >= '2026-01-01' AND order_date < '2026-04-01'"))
		if !strings.Contains(body, `name="f.f-date.from" value="2026-01-01"`) || !strings.Contains(body, `name="f.f-date.to" value="2026-03-31"`) {
			t.Error("the date pickers do not show the range")
		}
		body = sheet(t, "overview", url.Values{"f.f-region": {"*"}, "p.Segment": {"Corporate"}})
		wantEqual(t, "corporate revenue", kpiValue(t, body, "kpi-revenue"), math.Round(sqlFloat(t, db, "SELECT sum(revenue) FROM orders WHERE segment = 'Corporate'")*100)/100)
		if !strings.Contains(body, `data-params="[{&#34;Name&#34;:&#34;Segment&#34;,&#34;Values&#34;:[&#34;Corporate&#34;]},{&#34;Name&#34;:&#34;TopN&#34;,&#34;Values&#34;:[&#34;10&#34;]}]"`) {
			t.Errorf("sheet does not carry the parameters:\n%s", body[:min(len(body), 600)])
		}
	})

	t.Run("second sheet", func(t *testing.T) {
		body := sheet(t, "products", nil)
		wantEqual(t, "top products", len(categoryAxis(t, chart(t, body, "bar-top-products"))), 10)
		body = sheet(t, "products", url.Values{"p.TopN": {"5"}})
		wantEqual(t, "top 5 products", len(categoryAxis(t, chart(t, body, "bar-top-products"))), 5)
		if !strings.Contains(tile(t, body, "pivot-category-region"), `<table class="pivot">`) {
			t.Error("no pivot table")
		}
		// The heat map counts the orders of each region and month.
		wantCells(t, "orders heat map", heatCells(t, rawChart(t, body, "heat-region-month")),
			sqlHeatCells(t, ts, "SELECT region, substr(order_date, 1, 7), count(*) FROM orders GROUP BY 1, 2"))
		// The discount slider narrows the rows of the sheet.
		body = sheet(t, "products", url.Values{"f.f-discount.min": {"0.1"}, "f.f-discount.max": {"0.5"}})
		if !strings.Contains(body, `name="f.f-discount.min" min="0" max="0.5" step="0.05" value="0.1"`) {
			t.Error("the discount slider does not show the range")
		}
		seg := tile(t, body, "table-segment")
		want := formatThousands(sqlFloat(t, db, "SELECT round(sum(revenue), 2) FROM orders WHERE discount >= 0.1 AND discount <= 0.5 AND segment = 'Consumer'"))
		if !strings.Contains(seg, want) {
			t.Errorf("segment table lacks Consumer revenue %s:\n%s", want, seg)
		}
		// A control change asks only for the visuals it affects: the TopN
		// slider affects the top products alone.
		body = sheet(t, "overview", nil)
		if !strings.Contains(body, `data-control-id="fc-region" data-affects="kpi-revenue kpi-orders kpi-profit bar-region line-month pie-category combo-quarter table-subcategory"`) {
			t.Error("the region control does not list the visuals it affects")
		}
		body = sheet(t, "products", nil)
		if !strings.Contains(body, `data-control-id="pc-topn" data-affects="bar-top-products"`) {
			t.Error("the TopN control does not list the visual it affects")
		}
		body = sheet(t, "products", url.Values{"p.TopN": {"3"}, "visuals": {"bar-top-products"}})
		if !strings.HasPrefix(strings.TrimSpace(body), `<div class="sheet-update" data-sheet-id="products"`) || strings.Contains(body, "pivot-category-region") || strings.Contains(body, "<form") {
			t.Errorf("partial render:\n%s", body)
		}
		wantEqual(t, "top 3 products", len(categoryAxis(t, chart(t, body, "bar-top-products"))), 3)
		if pg := ts.withToken(t, u.Base+"/embedding/"+u.Sid+"/dashboards/"+app.SampleDashboardID+"/sheets/nope", token); pg.Status != http.StatusNotFound {
			t.Errorf("unknown sheet: %d", pg.Status)
		}
	})

	t.Run("dashboard experience", func(t *testing.T) {
		u := ts.mint(t, "admin", "/dashboards/"+app.SampleDashboardID)
		pg := ts.open(t, u.Base+"/embed/"+u.Sid+"/dashboards/"+app.SampleDashboardID+"?code="+u.Code+"&identityprovider=quicksight&isauthcode=true&sheetId=products&sheetTabsDisabled=true")
		pg.wantHTML(t, http.StatusOK)
		if strings.Contains(pg.Body, `<header class="top">`) || !strings.Contains(pg.Body, `data-sheet-id="products" aria-selected="true"`) || !strings.Contains(pg.Body, `aria-label="Sheets" hidden>`) {
			t.Errorf("dashboard experience page:\n%s", pg.Body)
		}
	})

	t.Run("analysis", func(t *testing.T) {
		u := ts.mint(t, "admin", "/analyses/"+app.SampleAnalysisID)
		token, pg := ts.signOn(t, u, -1)
		pg.wantConsole(t, "ANALYSIS", token)
		if kpiValue(t, pg.Body, "kpi-orders") != sqlFloat(t, db, "SELECT count(*) FROM orders") {
			t.Error("analysis KPI differs")
		}
	})

	t.Run("API", func(t *testing.T) {
		// The sample content passes the definition checks against the
		// sample dataset.
		c := ts.adminClient()
		if an := waitAnalysis(t, c, app.SampleAnalysisID); an.Status != types.ResourceStatusCreationSuccessful {
			t.Errorf("sample analysis: %s %s", an.Status, jsonString(an.Errors))
		}
		if d := waitVersion(t, c, app.SampleDashboardID, 1); d.Version.Status != types.ResourceStatusCreationSuccessful {
			t.Errorf("sample dashboard: %s %s", d.Version.Status, jsonString(d.Version.Errors))
		}
	})

	t.Run("start page", func(t *testing.T) {
		u := ts.mint(t, "admin", "")
		_, pg := ts.signOn(t, u, -1)
		for _, want := range []string{">Sample sales dashboard</span>", ">Sample sales analysis</span>"} {
			if !strings.Contains(pg.Body, want) {
				t.Errorf("start page lacks %s", want)
			}
		}
	})
}

// formatThousands formats like the viewer's tables: thousands separators,
// at most two decimals.
func formatThousands(f float64) string {
	s := strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64)
	intPart, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		return b.String() + "." + frac
	}
	return b.String()
}

func TestViewerVisibility(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	c := ts.adminClient()
	registerQuickSightUser(t, c, "rita", types.UserRoleReader)
	registerQuickSightUser(t, c, "abe", types.UserRoleAuthor)

	// Not shared yet: a reader gets 403 on the dashboard, the analysis and
	// their sheets.
	u := ts.mint(t, "rita", "")
	token, _ := ts.signOn(t, u, -1)
	for _, entry := range []string{"/dashboards/" + app.SampleDashboardID, "/analyses/" + app.SampleAnalysisID} {
		p := ts.withToken(t, u.page(entry), token)
		p.wantErrorPage(t, http.StatusForbidden, "Forbidden")
		if pg := ts.withToken(t, u.page(entry+"/sheets/overview"), token); pg.Status != http.StatusForbidden {
			t.Errorf("reader's sheet of %s: %d", entry, pg.Status)
		}
	}
	// Signing on straight into the analysis: the code works, the page is
	// refused; an author it is not shared with is refused too.
	for _, who := range []string{"rita", "abe"} {
		ua := ts.mint(t, who, "/analyses/"+app.SampleAnalysisID)
		if pg := ts.open(t, ua.Raw); pg.Status != http.StatusForbidden || !strings.Contains(pg.Body, `data-error-code="Forbidden"`) {
			t.Errorf("%s signing on into the analysis: %d\n%s", who, pg.Status, pg.Body)
		}
	}

	// Shared with the reader: the dashboard renders, from data the reader
	// has no dataset permission on; the analysis stays closed.
	_, err := c.UpdateDashboardPermissions(t.Context(), &quicksight.UpdateDashboardPermissionsInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String(app.SampleDashboardID),
		GrantPermissions: ownerPermissions("rita", dashboardReaderActions...)})
	must(t, err)
	p := ts.withToken(t, u.page("/dashboards/"+app.SampleDashboardID), token)
	p.wantConsole(t, "DASHBOARD", token)
	if strings.Contains(p.Body, `class="tile tile-error"`) || kpiValue(t, p.Body, "kpi-orders") != viewerSampleRows {
		t.Errorf("reader's dashboard:\n%s", p.Body)
	}
	ts.withToken(t, u.page("/analyses/"+app.SampleAnalysisID), token).wantErrorPage(t, http.StatusForbidden, "Forbidden")
	// No session, no sheet.
	if pg := ts.open(t, u.page("/dashboards/"+app.SampleDashboardID+"/sheets/overview")); pg.Status != http.StatusUnauthorized {
		t.Errorf("sheet without a session: %d", pg.Status)
	}
}
