package e2e

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

// TestDataSetEditorPostgreSQL starts a dataset from a table of a
// PostgreSQL source (the tables come from information_schema, the column
// types from the server), previews it, and saves it with "Save &
// visualize", which creates an analysis with one empty sheet owned by the
// author and opens it.
func TestDataSetEditorPostgreSQL(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	admin := ts.adminClient()
	db := pgDatabase(t)
	createPG(t, admin, "pg", pgParams(pgHost, pgPort, db), pair(pgUser, pgPassword))
	_, err := admin.UpdateDataSourcePermissions(t.Context(), &quicksight.UpdateDataSourcePermissionsInput{AwsAccountId: aws.String(accountID), DataSourceId: aws.String("pg"),
		GrantPermissions: []types.ResourcePermission{{Principal: aws.String(userARN(accountID, "ana")), Actions: []string{"quicksight:DescribeDataSource", "quicksight:PassDataSource"}}}})
	author := signIn(t, ts, "ana", types.UserRoleAuthor)
	must(t, err)

	page := author.get(t, "/data/sets/new?source=pg")
	page.wantHTML(t, http.StatusOK)
	if !strings.Contains(page.Body, `<input type="hidden" name="schema" value="public"><input type="hidden" name="table" value="orders">`) {
		t.Fatalf("public.orders is not offered:\n%s", page.Body)
	}
	p := author.post(t, "/data/sets/editor/start", url.Values{"source": {"pg"}, "schema": {"public"}, "table": {"orders"}}, true)
	if p.Status != http.StatusOK {
		t.Fatalf("start: %d %s", p.Status, p.Body)
	}
	var d struct {
		PhysicalTableMap map[string]struct {
			RelationalTable struct{ InputColumns []map[string]string }
		}
	}
	must(t, json.Unmarshal([]byte(draftOf(t, p)), &d))
	var got []string
	for _, c := range d.PhysicalTableMap["t1"].RelationalTable.InputColumns {
		got = append(got, c["Name"]+" "+c["Type"])
	}
	wantEqual(t, "column types", got, []string{"id INTEGER", "region STRING", "amount DECIMAL", "ordered_at DATETIME"})
	head, rows := grid(t, p)
	wantEqual(t, "preview columns", head, []string{"id", "region", "amount", "ordered_at"})
	wantEqual(t, "preview rows", sortRows(rows), []string{"1|East|10.5|2026-01-05 10:00:00", "2|West|20|2026-02-06 11:00:00", "3|East|5.25|2026-03-07 12:00:00", "4|North|100|2026-03-08 13:00:00"})

	saved := author.post(t, "/data/sets/editor/save", url.Values{"draft": {draftOf(t, p)}, "name": {"PG orders"}, "mode": {"DIRECT_QUERY"}, "visualize": {"1"}}, true)
	if saved.Status != http.StatusNoContent || !strings.Contains(saved.Header.Get("HX-Location"), "/analyses/") {
		t.Fatalf("save & visualize: %d %q %s", saved.Status, saved.Header.Get("HX-Location"), saved.Body)
	}
	analysisID := savedID(t, saved)
	an, err := admin.DescribeAnalysisDefinition(t.Context(), &quicksight.DescribeAnalysisDefinitionInput{AwsAccountId: aws.String(accountID), AnalysisId: aws.String(analysisID)})
	must(t, err)
	if len(an.Definition.Sheets) != 1 || len(an.Definition.DataSetIdentifierDeclarations) != 1 {
		t.Fatalf("the new analysis: %s", jsonString(an.Definition))
	}
	dataSetARN := aws.ToString(an.Definition.DataSetIdentifierDeclarations[0].DataSetArn)
	ds := describeDataSet(t, admin, dataSetARN[strings.LastIndex(dataSetARN, "/")+1:])
	wantEqual(t, "the analysis's dataset", aws.ToString(ds.Name), "PG orders")
	view := author.get(t, "/analyses/"+analysisID)
	view.wantHTML(t, http.StatusOK)
}
