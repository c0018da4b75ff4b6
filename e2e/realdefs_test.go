package e2e

// Real, public definitions written by others (testdata/realdefs, sources
// in testdata/realdefs/NOTES.md), run as a user would: their datasets
// created over synthetic SQLite tables, the analysis and the dashboard
// created with STRICT validation, the definition read back exactly, every
// visual of every sheet drawn, and drawn numbers compared with SQL.

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

// realDef is one public definition and what its test needs.
type realDef struct {
	name     string        // file testdata/realdefs/NAME.json
	dataSets []realDataSet // one per declared dataset
	// pending names the visuals that need what other work adds (a
	// calculation function, a table calculation, a visual family), with
	// the words their tile must say: each must draw or show a tile naming
	// what it lacks, never a number without it.
	pending map[string]string
	// notes are words a drawn visual's note must say (a map's values that
	// matched no region).
	notes  map[string]string
	checks []realCheck // drawn numbers against SQL
	// lenient, when set, is what STRICT validation must refuse the
	// definition with, as QuickSight does: its author deploys it with
	// ValidationStrategy LENIENT (cid-cmd does), and so does the test
	// once STRICT has refused it.
	lenient string
	// then, when set, checks sheets drawn with a viewer's choices: sheet
	// returns the page of a sheet with the given control state.
	then func(t *testing.T, db *sql.DB, sheet func(id string, state url.Values) string)
}

// realDataSet is a synthetic table under a declared dataset; its id is
// the last part of the declaration's ARN.
type realDataSet struct {
	id      string
	columns []realColumn
	rows    int
	row     func(i int) []any // deterministic
	// roles tags columns with a geographic role, as the dataset a map
	// visual was built on has them.
	roles map[string]types.GeoSpatialDataRole
}

type realColumn struct {
	name string
	typ  types.InputColumnDataType
}

// realCheck compares one visual's drawn values with a query over the
// dataset's table (named by the dataset id): for a KPI a single number,
// for a chart rows of (category, value) or (category, color, value).
type realCheck struct {
	sheet, visual string
	query         string
}

func TestRealDefinitions(t *testing.T) {
	t.Parallel()
	for _, d := range realDefinitions {
		t.Run(d.name, func(t *testing.T) {
			t.Parallel()
			runRealDefinition(t, d)
		})
	}
}

func runRealDefinition(t *testing.T, d realDef) {
	ts := startServer(t)
	raw, err := os.ReadFile(filepath.Join("testdata", "realdefs", d.name+".json"))
	must(t, err)
	db := createRealDataSets(t, ts, d)
	c := ts.adminClient()
	id := strings.ReplaceAll(d.name, "_", "-")

	// The analysis from the author's bytes, STRICT (or, when its author
	// deploys it LENIENT, refused STRICT first), and its definition read
	// back exactly.
	mode := "STRICT"
	if d.lenient != "" {
		if errs := createRawAnalysis(t, ts, id+"-strict", d.name, raw, ""); errs != d.lenient {
			t.Fatalf("analysis with STRICT validation: errors %q, want %q", errs, d.lenient)
		}
		mode = "LENIENT"
	}
	if errs := createRawAnalysis(t, ts, id, d.name, raw, `, "ValidationStrategy": {"Mode": "`+mode+`"}`); errs != "" {
		t.Fatalf("analysis refused with %s validation: %s", mode, errs)
	}
	resp := send(t, ts.signed(t, ts.Admin, http.MethodGet, "/accounts/"+accountID+"/analyses/"+id+"/definition", ""))
	resp.wantOK(t, http.StatusOK)
	var out struct{ Definition json.RawMessage }
	must(t, json.Unmarshal(resp.Body, &out))
	wantEqual(t, "analysis definition", canonical(t, out.Definition), canonical(t, raw))

	// The dashboard from the same bytes, read back exactly, and readable
	// through the SDK's shapes.
	perms, _ := json.Marshal([]map[string]any{{"Principal": userARN(accountID, "admin"), "Actions": dashboardReaderActions}})
	resp = send(t, ts.signed(t, ts.Admin, http.MethodPost, "/accounts/"+accountID+"/dashboards/"+id,
		`{"Name": `+jsonString(d.name)+`, "Definition": `+string(raw)+`, "Permissions": `+string(perms)+
			`, "ValidationStrategy": {"Mode": "`+mode+`"}}`))
	if resp.Status != http.StatusAccepted {
		t.Fatalf("CreateDashboard: %d %s", resp.Status, resp.Body)
	}
	if v := waitVersion(t, c, id, 1).Version; v.Status != types.ResourceStatusCreationSuccessful {
		t.Fatalf("dashboard %s: %s", v.Status, jsonString(v.Errors))
	}
	resp = send(t, ts.signed(t, ts.Admin, http.MethodGet, "/accounts/"+accountID+"/dashboards/"+id+"/definition", ""))
	resp.wantOK(t, http.StatusOK)
	out.Definition = nil
	must(t, json.Unmarshal(resp.Body, &out))
	wantEqual(t, "dashboard definition", canonical(t, out.Definition), canonical(t, raw))
	got, err := c.DescribeDashboardDefinition(t.Context(), &quicksight.DescribeDashboardDefinitionInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String(id)})
	must(t, err)
	def := got.Definition

	// Every visual of every sheet, drawn through the viewer.
	u := ts.mint(t, "admin", "/dashboards/"+id)
	token, _ := ts.signOn(t, u, -1)
	pages := map[string]string{}
	drawn, total := 0, 0
	var failed []string
	waiting := map[string]bool{} // pending visuals not drawn: their checks wait
	for _, sh := range def.Sheets {
		sid := aws.ToString(sh.SheetId)
		p := ts.withToken(t, u.Base+"/embedding/"+u.Sid+"/dashboards/"+id+"/sheets/"+sid, token)
		if p.Status != http.StatusOK {
			t.Fatalf("sheet %s: %d\n%.2000s", sid, p.Status, p.Body)
		}
		pages[sid] = p.Body
		for _, vid := range visualIDs(t, raw, sid) {
			total++
			kind, msg := tileKind(t, p.Body, vid)
			if want := d.notes[vid]; want != "" && !strings.Contains(tileNote(t, p.Body, vid)+" "+html.UnescapeString(tileNotes(t, p.Body, vid)), want) {
				t.Errorf("visual %s: note %q, want one saying %q", vid, tileNote(t, p.Body, vid), want)
			}
			switch {
			case kind != "error" && kind != "unsupported" && !(kind == "empty" && strings.Contains(msg, "no fields")):
				drawn++
			case d.pending[vid] != "":
				if !strings.Contains(msg, d.pending[vid]) {
					t.Errorf("visual %s waits for %s, but its tile says %q", vid, d.pending[vid], msg)
				}
				failed = append(failed, vid+" ("+d.pending[vid]+")")
				waiting[vid] = true
			default:
				t.Errorf("visual %s: %s tile: %s", vid, kind, msg)
				failed = append(failed, vid+": "+msg)
			}
		}
	}
	t.Logf("%s: created, definition exact; %d of %d visuals drawn; not drawn: %v", d.name, drawn, total, failed)

	for _, ch := range d.checks {
		if waiting[ch.visual] {
			continue
		}
		checkRealVisual(t, db, pages[ch.sheet], ch)
	}
	if d.then != nil {
		d.then(t, db, func(sid string, state url.Values) string {
			p := ts.withToken(t, u.Base+"/embedding/"+u.Sid+"/dashboards/"+id+"/sheets/"+sid+"?"+state.Encode(), token)
			if p.Status != http.StatusOK {
				t.Fatalf("sheet %s?%s: %d\n%.2000s", sid, state.Encode(), p.Status, p.Body)
			}
			return p.Body
		})
	}
}

// createRawAnalysis creates an analysis from a definition's bytes and
// waits for its check; it returns the errors' messages, one a line, when
// it failed.
func createRawAnalysis(t *testing.T, ts *testServer, id, name string, raw []byte, extra string) string {
	t.Helper()
	resp := send(t, ts.signed(t, ts.Admin, http.MethodPost, "/accounts/"+accountID+"/analyses/"+id,
		`{"Name": `+jsonString(name)+`, "Definition": `+string(raw)+extra+`}`))
	if resp.Status != http.StatusAccepted {
		t.Fatalf("CreateAnalysis: %d %s", resp.Status, resp.Body)
	}
	c := ts.adminClient()
	if an := waitAnalysis(t, c, id); an.Status == types.ResourceStatusCreationSuccessful {
		return ""
	}
	out, err := c.DescribeAnalysis(t.Context(), &quicksight.DescribeAnalysisInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String(id)})
	must(t, err)
	var msgs []string
	for _, e := range out.Analysis.Errors {
		msgs = append(msgs, aws.ToString(e.Message))
	}
	return strings.Join(msgs, "\n")
}

// createRealDataSets writes each dataset's table into one SQLite file, and
// creates a SQLite data source and a direct-query dataset per table; it
// returns the file, open for the checks' queries.
func createRealDataSets(t *testing.T, ts *testServer, d realDef) *sql.DB {
	t.Helper()
	dir := ts.Config.DataSourceDir
	must(t, os.MkdirAll(dir, 0o700))
	file := "realdef.sqlite"
	db, err := sql.Open("sqlite", filepath.Join(dir, file))
	must(t, err)
	t.Cleanup(func() { db.Close() })
	must(t, db.PingContext(t.Context()))
	_, err = db.ExecContext(t.Context(), "PRAGMA user_version = 1") // creates the file
	must(t, err)
	_, err = ts.App.CreateSQLiteDataSource(t.Context(), accountID, "realdef", "Real definition data", file)
	must(t, err)
	for _, ds := range d.dataSets {
		var cols, marks []string
		var input []types.InputColumn
		for _, c := range ds.columns {
			cols = append(cols, fmt.Sprintf("%q %s", c.name, sqliteType(c.typ)))
			marks = append(marks, "?")
			input = append(input, types.InputColumn{Name: aws.String(c.name), Type: c.typ})
		}
		_, err := db.ExecContext(t.Context(), fmt.Sprintf("CREATE TABLE %q (%s)", ds.id, strings.Join(cols, ", ")))
		must(t, err)
		tx, err := db.BeginTx(t.Context(), nil)
		must(t, err)
		ins, err := tx.PrepareContext(t.Context(), fmt.Sprintf("INSERT INTO %q VALUES (%s)", ds.id, strings.Join(marks, ", ")))
		must(t, err)
		for i := range ds.rows {
			_, err := ins.ExecContext(t.Context(), ds.row(i)...)
			must(t, err)
		}
		must(t, ins.Close())
		must(t, tx.Commit())
		var logical map[string]types.LogicalTable
		if len(ds.roles) > 0 {
			var tags []types.TransformOperation
			for _, c := range ds.columns {
				if r, ok := ds.roles[c.name]; ok {
					tags = append(tags, &types.TransformOperationMemberTagColumnOperation{Value: types.TagColumnOperation{
						ColumnName: aws.String(c.name), Tags: []types.ColumnTag{{ColumnGeographicRole: r}}}})
				}
			}
			logical = map[string]types.LogicalTable{"l": {Alias: aws.String(ds.id), Source: &types.LogicalTableSource{PhysicalTableId: aws.String("t")}, DataTransforms: tags}}
		}
		_, err = ts.adminClient().CreateDataSet(t.Context(), &quicksight.CreateDataSetInput{
			AwsAccountId: aws.String(accountID), DataSetId: aws.String(ds.id), Name: aws.String(ds.id),
			ImportMode: types.DataSetImportModeDirectQuery,
			PhysicalTableMap: map[string]types.PhysicalTable{"t": &types.PhysicalTableMemberRelationalTable{Value: types.RelationalTable{
				DataSourceArn: aws.String(dataSourceARN("realdef")), Name: aws.String(ds.id), InputColumns: input,
			}}},
			//lint:ignore SA1019 LogicalTableMap is what Sightglass implements (the legacy data preparation experience)
			LogicalTableMap: logical,
		})
		must(t, err)
	}
	return db
}

func sqliteType(t types.InputColumnDataType) string {
	switch t {
	case types.InputColumnDataTypeInteger:
		return "INTEGER"
	case types.InputColumnDataTypeDecimal:
		return "REAL"
	}
	return "TEXT"
}

// visualIDs lists a sheet's visuals in the definition's order.
func visualIDs(t *testing.T, raw []byte, sheetID string) []string {
	t.Helper()
	var d struct {
		Sheets []struct {
			SheetId string
			Visuals []map[string]struct{ VisualId string }
		}
	}
	must(t, json.Unmarshal(raw, &d))
	var out []string
	for _, s := range d.Sheets {
		if s.SheetId != sheetID {
			continue
		}
		for _, v := range s.Visuals {
			for _, m := range v {
				out = append(out, m.VisualId)
			}
		}
	}
	return out
}

var (
	reTileKind = regexp.MustCompile(`^<section class="tile tile-(\w+)"`)
	reTileMsg  = regexp.MustCompile(`(?s)<div class="notice \w+"[^>]*>(?:<p><strong>[^<]*</strong></p>)?<p>(.*?)</p>`)
)

// reTileTitle finds a tile's title.
var reTileTitle = regexp.MustCompile(`(?s)<h3 class="tile-title">(.*?)</h3>`)

// tileTitleText returns the text of a visual's tile title, its tags
// left out.
func tileTitleText(t *testing.T, body, visualID string) string {
	t.Helper()
	m := reTileTitle.FindStringSubmatch(tile(t, body, visualID))
	if m == nil {
		t.Fatalf("tile %s has no title", visualID)
	}
	return strings.Join(strings.Fields(html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(m[1], ""))), " ")
}

// tileKind returns a visual's tile kind and, for a tile without a
// visual, its message.
func tileKind(t *testing.T, body, visualID string) (kind, message string) {
	t.Helper()
	tl := tile(t, body, visualID)
	m := reTileKind.FindStringSubmatch(tl)
	if m == nil {
		t.Fatalf("tile %s has no kind:\n%s", visualID, tl)
	}
	if mm := reTileMsg.FindStringSubmatch(tl); mm != nil {
		message = html.UnescapeString(mm[1])
	}
	return m[1], message
}
