package e2e

import (
	"context"
	"database/sql"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

// TestDataSetEditorMariaDB starts a dataset from a table of a MYSQL data
// source served by the local MariaDB (tables from information_schema of
// the source's database) and previews it.
func TestDataSetEditorMariaDB(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	admin := ts.adminClient()
	ctx := t.Context()
	table := fmt.Sprintf("sg_e2e_editor_%d", time.Now().UnixNano())
	root, err := sql.Open("mysql", "root@tcp(127.0.0.1:3306)/test")
	must(t, err)
	defer root.Close()
	if _, err := root.ExecContext(ctx, "CREATE TABLE "+table+" (id INT PRIMARY KEY, region VARCHAR(20), amount DECIMAL(10,2))"); err != nil {
		t.Skipf("local MariaDB unavailable: %v", err)
	}
	t.Cleanup(func() { root.ExecContext(context.Background(), "DROP TABLE IF EXISTS "+table) })
	_, err = root.ExecContext(ctx, "INSERT INTO "+table+" VALUES (1, 'East', 10.50), (2, 'West', 20.00)")
	must(t, err)
	mariaDBUser(t, "sg_e2e_editor", "Maria-Secret-2")
	createSource(t, admin, "maria", types.DataSourceTypeMysql,
		&types.DataSourceParametersMemberMySqlParameters{Value: types.MySqlParameters{Host: aws.String(pgHost), Port: aws.Int32(mariaDBPort), Database: aws.String("test")}},
		pair("sg_e2e_editor", "Maria-Secret-2"))
	_, err = admin.UpdateDataSourcePermissions(ctx, &quicksight.UpdateDataSourcePermissionsInput{AwsAccountId: aws.String(accountID), DataSourceId: aws.String("maria"),
		GrantPermissions: []types.ResourcePermission{{Principal: aws.String(userARN(accountID, "ana")), Actions: []string{"quicksight:DescribeDataSource", "quicksight:PassDataSource"}}}})
	must(t, err)
	author := signIn(t, ts, "ana", types.UserRoleAuthor)

	page := author.get(t, "/data/sets/new?source=maria")
	page.wantHTML(t, http.StatusOK)
	if !strings.Contains(page.Body, `<input type="hidden" name="schema" value="test"><input type="hidden" name="table" value="`+table+`">`) {
		t.Fatalf("test.%s is not offered:\n%s", table, page.Body)
	}
	p := author.post(t, "/data/sets/editor/start", url.Values{"source": {"maria"}, "schema": {"test"}, "table": {table}}, true)
	if p.Status != http.StatusOK {
		t.Fatalf("start: %d %s", p.Status, p.Body)
	}
	head, rows := grid(t, p)
	wantEqual(t, "preview columns", head, []string{"id", "region", "amount"})
	wantEqual(t, "preview rows", sortRows(rows), []string{"1|East|10.5", "2|West|20"})
	savedID(t, author.post(t, "/data/sets/editor/save", url.Values{"draft": {draftOf(t, p)}}, true))
}
