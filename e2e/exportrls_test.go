package e2e

import (
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/authoring"
)

// TestExportRowSecurity: a dashboard over a dataset with row-level
// security exports, for each reader, exactly the rows that reader may see
// (an independent SQL query with the reader's rule), as the drawn visual.
func TestExportRowSecurity(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	dir := ts.Config.DataSourceDir
	db, err := sql.Open("sqlite", filepath.Join(dir, "rls.sqlite"))
	must(t, err)
	defer db.Close()
	for _, s := range []string{
		`CREATE TABLE sales (id INTEGER, region TEXT, segment TEXT, amount REAL)`,
		`INSERT INTO sales VALUES ` + rlsSalesRows,
		`CREATE TABLE rules ("UserName" TEXT, "GroupName" TEXT, region TEXT, segment TEXT)`,
		`INSERT INTO rules VALUES ` + rlsRulesRows,
	} {
		_, err := db.ExecContext(t.Context(), s)
		must(t, err)
	}
	_, err = ts.App.CreateSQLiteDataSource(t.Context(), accountID, "rls-db", "RLS", "rls.sqlite")
	must(t, err)
	e := rlsEngine{name: "sqlite", db: db, table: func(name string, cols ...types.InputColumn) map[string]types.PhysicalTable {
		return map[string]types.PhysicalTable{"t": &types.PhysicalTableMemberRelationalTable{Value: types.RelationalTable{
			DataSourceArn: aws.String(dataSourceARN("rls-db")), Name: aws.String(name), InputColumns: cols}}}
	}}
	c := ts.adminClient()
	createDataSet(t, c, &quicksight.CreateDataSetInput{DataSetId: aws.String("rules"), ImportMode: types.DataSetImportModeDirectQuery,
		PhysicalTableMap: e.table("rules", rlsRulesColumns...)})
	must(t, secureSales(t, c, e, true, grantRules(types.RowLevelPermissionPolicyGrantAccess)))

	def, err := authoring.NewAnalysis("Sales", dataSetARN("sales"))
	must(t, err)
	def, _, err = authoring.AddVisual(def, authoring.FirstSheetID, "BarChartVisual")
	must(t, err)
	def, _, err = authoring.AddField(def, "visual-1", "Category", authoring.Column{DataSetIdentifier: "Sales", Name: "region", Type: "STRING"}, -1)
	must(t, err)
	def, _, err = authoring.AddField(def, "visual-1", "Values", authoring.Column{DataSetIdentifier: "Sales", Name: "amount", Type: "DECIMAL"}, 0)
	must(t, err)
	readers := []struct{ name, where string }{
		{"ann", "region = 'East'"},
		{"bob", "(region IN ('West', 'North') AND segment = 'Retail') OR region = 'South'"},
		{"zed", "1 = 0"},
	}
	var perms []map[string]any
	signed := map[string]*consoleUser{}
	for _, r := range readers {
		signed[r.name] = signIn(t, ts, r.name, types.UserRoleReader)
		perms = append(perms, map[string]any{"Principal": userARN(accountID, r.name), "Actions": app.DashboardReaderActions()})
	}
	pj, _ := json.Marshal(perms)
	send(t, ts.signed(t, ts.Admin, "POST", "/accounts/"+accountID+"/dashboards/db-rls", `{"Name":"Sales","Definition":`+string(def)+`,"Permissions":`+string(pj)+`}`)).wantOK(t, 202)
	waitVersion(t, c, "db-rls", 1)

	for _, r := range readers {
		p := signed[r.name].get(t, "/dashboards/db-rls/sheets/"+authoring.FirstSheetID+"/visuals/visual-1/export?format=csv")
		if p.Status != 200 {
			t.Fatalf("%s: %d\n%.1000s", r.name, p.Status, p.Body)
		}
		recs, err := csv.NewReader(strings.NewReader(p.Body)).ReadAll()
		must(t, err)
		got := recs[1:]
		slices.SortFunc(got, func(a, b []string) int { return strings.Compare(a[0], b[0]) })
		var want [][]string
		for _, row := range sqlAll(t, db, "SELECT region, SUM(amount) FROM sales WHERE "+r.where+" GROUP BY region ORDER BY region") {
			want = append(want, []string{row[0].(string), normRows([][]any{{row[1]}})[0]})
		}
		var gotNorm [][]string
		for _, g := range got {
			gotNorm = append(gotNorm, []string{g[0], normRows([][]any{{mustFloat(t, g[1])}})[0]})
		}
		wantEqual(t, r.name+"'s export", gotNorm, want)
	}
}

func mustFloat(t testing.TB, s string) float64 {
	t.Helper()
	var f float64
	must(t, json.Unmarshal([]byte(s), &f))
	return f
}
