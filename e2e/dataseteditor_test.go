package e2e

import (
	"database/sql"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	sg "github.com/sightglass/sightglass"
)

// TestDataSetEditorBuildsWhatDescribeReturns builds a dataset in the
// console as an author does (a table, a join, a calculated field, an
// excluded column), checks every preview against SQL run on the source
// file itself, saves it as SPICE, watches the ingestion finish, and
// requires DescribeDataSet to return what the editor showed.
func TestDataSetEditorBuildsWhatDescribeReturns(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	author := signIn(t, ts, "ana", types.UserRoleAuthor)
	file := shopSource(t, ts, "ana")
	src, err := sql.Open("sqlite", file)
	must(t, err)
	defer src.Close()
	query := func(q string) [][]string {
		rows, err := src.QueryContext(t.Context(), q)
		must(t, err)
		defer rows.Close()
		cols, _ := rows.Columns()
		var out [][]string
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			must(t, rows.Scan(ptrs...))
			row := make([]string, len(cols))
			for i, v := range vals {
				switch x := v.(type) {
				case float64:
					row[i] = strconv.FormatFloat(x, 'f', -1, 64)
				case []byte:
					row[i] = string(x)
				default:
					row[i] = strings.TrimSpace(strings.Trim(jsonString(v), `"`))
				}
			}
			out = append(out, row)
		}
		return out
	}

	// The list offers the data source; its page lists both tables.
	list := author.get(t, "/data/sets")
	list.wantHTML(t, http.StatusOK)
	if !strings.Contains(list.Body, `/data/sets/new?source=shop"`) {
		t.Fatalf("the dataset list does not offer the data source:\n%s", list.Body)
	}
	start := author.get(t, "/data/sets/new?source=shop")
	start.wantHTML(t, http.StatusOK)
	for _, table := range []string{`data-table="orders"`, `data-table="customers"`} {
		if !strings.Contains(start.Body, table) {
			t.Fatalf("the new-dataset page lacks %s:\n%s", table, start.Body)
		}
	}

	// Start from the orders table: the preview is the table.
	p := author.post(t, "/data/sets/editor/start", url.Values{"source": {"shop"}, "schema": {""}, "table": {"orders"}}, true)
	if p.Status != http.StatusOK {
		t.Fatalf("start: %d\n%s", p.Status, p.Body)
	}
	head, rows := grid(t, p)
	wantEqual(t, "columns of orders", head, []string{"id", "customer_id", "amount", "region"})
	wantEqual(t, "preview of orders", rows, query(`SELECT id, customer_id, amount, region FROM orders`))

	// Join customers on customer_id = id: the clashing id is renamed.
	p = author.step(t, draftOf(t, p), "op", "join", "table", "customers", "type", "INNER", "left", "customer_id", "right", "id")
	if p.Status != http.StatusOK {
		t.Fatalf("join: %d\n%s", p.Status, p.Body)
	}
	head, rows = grid(t, p)
	wantEqual(t, "columns after the join", head, []string{"id", "customer_id", "amount", "region", "id[customers]", "name", "segment"})
	wantEqual(t, "preview after the join", sortRows(rows), sortRows(query(`SELECT o.id, o.customer_id, o.amount, o.region, c.id, c.name, c.segment FROM orders o JOIN customers c ON o.customer_id = c.id`)))
	if !strings.Contains(p.Body, `<span class="ds-join-type">INNER</span>`) || !strings.Contains(p.Body, "{customer_id} = {id[customers]}") {
		t.Errorf("the diagram does not show the join:\n%s", p.Body)
	}

	// Keys of different types are explained, and the draft is kept.
	bad := author.step(t, draftOf(t, p), "op", "join", "table", "customers", "type", "LEFT", "left", "region", "right", "id")
	if bad.Status != http.StatusBadRequest || !strings.Contains(bad.Body, "The join keys have different types: region is STRING and id is INTEGER.") {
		t.Fatalf("mismatched join keys: %d\n%s", bad.Status, bad.Body)
	}
	wantEqual(t, "draft after a refused step", draftOf(t, bad), draftOf(t, p))

	// A calculated field, checked as it is typed, then added.
	check := func(expression string) map[string]any {
		r := author.post(t, "/data/sets/editor/check", url.Values{"draft": {draftOf(t, p)}, "name": {"double"}, "expression": {expression}}, true)
		if r.Status != http.StatusOK {
			t.Fatalf("check %q: %d %s", expression, r.Status, r.Body)
		}
		var out map[string]any
		must(t, json.Unmarshal([]byte(r.Body), &out))
		return out
	}
	if c := check("{amount} * 2"); c["ok"] != true || c["type"] != "DECIMAL" || len(c["values"].([]any)) != 4 {
		t.Errorf("check of a valid field: %v", c)
	}
	if c := check("{amount} * "); c["ok"] != false || c["position"] == nil {
		t.Errorf("check of an incomplete field: %v", c)
	}
	if c := check("{amont} * 2"); c["ok"] != false || c["position"] != float64(1) || !strings.Contains(c["message"].(string), "amont") {
		t.Errorf("check of an unknown field: %v", c)
	}
	p = author.step(t, draftOf(t, p), "op", "calc", "name", "double", "expression", "{amount} * 2")
	if p.Status != http.StatusOK {
		t.Fatalf("calc: %d\n%s", p.Status, p.Body)
	}
	// Exclude the customers' id.
	p = author.step(t, draftOf(t, p), "op", "exclude", "column", "id[customers]")
	if p.Status != http.StatusOK {
		t.Fatalf("exclude: %d\n%s", p.Status, p.Body)
	}
	head, rows = grid(t, p)
	wantHead := []string{"id", "customer_id", "amount", "region", "name", "segment", "double"}
	wantEqual(t, "columns of the final draft", head, wantHead)
	wantEqual(t, "preview of the final draft", sortRows(rows), sortRows(query(`SELECT o.id, o.customer_id, o.amount, o.region, c.name, c.segment, o.amount * 2 FROM orders o JOIN customers c ON o.customer_id = c.id`)))
	final := draftOf(t, p)

	// Save as SPICE: the page goes to the dataset.
	saved := author.post(t, "/data/sets/editor/save", url.Values{"draft": {final}, "name": {"Orders by customer"}, "mode": {"SPICE"}}, true)
	id := savedID(t, saved)

	// DescribeDataSet returns what the editor showed and built.
	admin := ts.adminClient()
	ds := describeDataSet(t, admin, id)
	var cols []string
	for _, c := range ds.OutputColumns {
		cols = append(cols, aws.ToString(c.Name))
	}
	wantEqual(t, "DescribeDataSet columns", cols, wantHead)
	wantEqual(t, "name and mode", []string{aws.ToString(ds.Name), string(ds.ImportMode)}, []string{"Orders by customer", "SPICE"})
	stored, err := ts.Store.FindDataSet(t.Context(), accountID, id)
	must(t, err)
	var d struct {
		PhysicalTableMap json.RawMessage
		LogicalTableMap  json.RawMessage
	}
	must(t, json.Unmarshal([]byte(final), &d))
	wantEqual(t, "stored LogicalTableMap", jsonCanon(t, stored.LogicalTableMap), jsonCanon(t, d.LogicalTableMap))
	wantEqual(t, "stored PhysicalTableMap", jsonCanon(t, stored.PhysicalTableMap), jsonCanon(t, d.PhysicalTableMap))
	if !slices.ContainsFunc(stored.Permissions, func(p sg.ResourcePermission) bool { return p.Principal == userARN(accountID, "ana") }) {
		t.Errorf("the author does not own the new dataset: %v", stored.Permissions)
	}

	// The refresh panel polls until the first ingestion completes with
	// the join's row count.
	joined := query(`SELECT COUNT(*) FROM orders o JOIN customers c ON o.customer_id = c.id`)[0][0]
	panel := waitPanel(t, author, id)
	if !strings.Contains(panel.Body, `<span class="ds-status">COMPLETED</span> · `+joined+` rows`) || !strings.Contains(panel.Body, `value="100"`) {
		t.Fatalf("the refresh panel after the ingestion:\n%s", panel.Body)
	}
	// Refresh now: a second ingestion, then two in the history.
	r := author.post(t, "/data/sets/"+id+"/refresh", nil, true)
	if r.Status != http.StatusOK || !strings.Contains(r.Body, "FULL_REFRESH") {
		t.Fatalf("refresh: %d\n%s", r.Status, r.Body)
	}
	panel = waitPanel(t, author, id)
	if n := strings.Count(panel.Body, "<td>COMPLETED</td>"); n != 2 {
		t.Errorf("history shows %d completed ingestions, want 2:\n%s", n, panel.Body)
	}
	res, err := ts.App.QueryDataSet(t.Context(), nil, accountID, id, ordersByRegion)
	if err == nil && len(res.Rows) == 0 {
		t.Error("the SPICE copy has no rows")
	}

	// The editor page of the saved dataset shows the same columns.
	page := author.get(t, "/data/sets/"+id)
	page.wantHTML(t, http.StatusOK)
	head, _ = grid(t, page)
	wantEqual(t, "columns on the dataset page", head, wantHead)
	if !strings.Contains(page.Body, `<dt data-fn="ifelse">`) {
		t.Error("the dataset page's calculated-field editor has no function reference")
	}

	// Edit it: rename a column and save through UpdateDataSet.
	p = author.step(t, draftOf(t, page), "op", "rename", "column", "double", "to", "amount_x2")
	if p.Status != http.StatusOK {
		t.Fatalf("rename: %d\n%s", p.Status, p.Body)
	}
	if id2 := savedID(t, author.post(t, "/data/sets/editor/save", url.Values{"draft": {draftOf(t, p)}, "name": {"Orders by customer"}, "mode": {"SPICE"}}, true)); id2 != id {
		t.Fatalf("saving an edit went to dataset %s, not %s", id2, id)
	}
	ds = describeDataSet(t, admin, id)
	cols = cols[:0]
	for _, c := range ds.OutputColumns {
		cols = append(cols, aws.ToString(c.Name))
	}
	wantEqual(t, "DescribeDataSet columns after the edit", cols, []string{"id", "customer_id", "amount", "region", "name", "segment", "amount_x2"})
	if edited, _ := ts.Store.FindDataSet(t.Context(), accountID, id); edited.Version != 2 || !slices.Equal(edited.Permissions[0].Actions, stored.Permissions[0].Actions) {
		t.Errorf("after the edit: version %d, permissions %v", edited.Version, edited.Permissions)
	}
	panel = waitPanel(t, author, id)
	if !strings.Contains(panel.Body, "<td>EDIT</td>") {
		t.Errorf("the edit's ingestion is not in the history:\n%s", panel.Body)
	}

	// A refresh that fails (the joined table is gone) shows its error in
	// the history; the bar is done, the status says FAILED.
	_, err = src.ExecContext(t.Context(), `DROP TABLE customers`)
	must(t, err)
	if r := author.post(t, "/data/sets/"+id+"/refresh", nil, true); r.Status != http.StatusOK {
		t.Fatalf("refresh: %d\n%s", r.Status, r.Body)
	}
	panel = waitPanel(t, author, id)
	if !strings.Contains(panel.Body, `<span class="ds-status">FAILED</span>`) || !strings.Contains(panel.Body, "<td>FAILED</td>") || !strings.Contains(panel.Body, "<td><code>") {
		t.Errorf("the failed refresh in the panel:\n%s", panel.Body)
	}
}

// jsonCanon re-encodes JSON with sorted keys.
func jsonCanon(t testing.TB, raw []byte) string {
	t.Helper()
	var v any
	must(t, json.Unmarshal(raw, &v))
	b, err := json.Marshal(v)
	must(t, err)
	return string(b)
}

func sortRows(rows [][]string) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = strings.Join(r, "|")
	}
	slices.Sort(out)
	return out
}

// waitPanel polls the refresh panel, as the page does, until the newest
// ingestion has finished. The bound only stops a hung test.
func waitPanel(t testing.TB, u *consoleUser, id string) *page {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		p := u.get(t, "/data/sets/"+id+"/ingestions")
		if p.Status != http.StatusOK {
			t.Fatalf("ingestions panel: %d\n%s", p.Status, p.Body)
		}
		if !strings.Contains(p.Body, `hx-trigger="every 1s"`) {
			return p
		}
		if time.Now().After(deadline) {
			t.Fatalf("the ingestion did not finish:\n%s", p.Body)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// TestDataSetEditorRefusals covers who may do what on the dataset pages.
func TestDataSetEditorRefusals(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	author := signIn(t, ts, "ana", types.UserRoleAuthor)
	other := signIn(t, ts, "otto", types.UserRoleAuthor)
	reader := signIn(t, ts, "rita", types.UserRoleReader)
	shopSource(t, ts, "ana")

	// Readers see no data pages.
	reader.get(t, "/data/sets").wantErrorPage(t, http.StatusForbidden, "Forbidden")
	if r := reader.post(t, "/data/sets/editor/save", url.Values{"draft": {ordersDraft("DIRECT_QUERY")}}, true); r.Status != http.StatusForbidden {
		t.Errorf("a reader's save: %d %s", r.Status, r.Body)
	}
	// Otto has no access to the data source.
	other.get(t, "/data/sets/new?source=shop").wantErrorPage(t, http.StatusNotFound, "NotFound")
	if r := other.post(t, "/data/sets/editor/start", url.Values{"source": {"shop"}, "table": {"orders"}}, true); r.Status != http.StatusForbidden {
		t.Errorf("start on a data source not shared: %d %s", r.Status, r.Body)
	}
	if r := other.post(t, "/data/sets/editor/save", url.Values{"draft": {ordersDraft("DIRECT_QUERY")}}, true); r.Status != http.StatusForbidden || !strings.Contains(r.Body, "not shared with you") {
		t.Errorf("save on a data source not shared: %d %s", r.Status, r.Body)
	}
	// A POST without the session header (a cross-site form) is refused
	// before anything is read.
	if r := author.post(t, "/data/sets/editor/save", url.Values{"draft": {ordersDraft("DIRECT_QUERY")}}, false); r.Status != http.StatusForbidden {
		t.Errorf("save without the header: %d %s", r.Status, r.Body)
	}
	// Bad input: a malformed draft, an unknown step, a custom SQL that
	// writes.
	if r := author.step(t, "{", "op", "rename"); r.Status != http.StatusBadRequest {
		t.Errorf("malformed draft: %d %s", r.Status, r.Body)
	}
	if r := author.step(t, ordersDraft("DIRECT_QUERY"), "op", "explode"); r.Status != http.StatusBadRequest || !strings.Contains(r.Body, `Unknown step`) {
		t.Errorf("unknown step: %d %s", r.Status, r.Body)
	}
	if r := author.post(t, "/data/sets/editor/start", url.Values{"source": {"shop"}, "kind": {"sql"}, "sql": {"DELETE FROM orders"}}, true); r.Status != http.StatusBadRequest {
		t.Errorf("custom SQL that writes: %d %s", r.Status, r.Body)
	}
	// Custom SQL that reads starts a draft.
	if r := author.post(t, "/data/sets/editor/start", url.Values{"source": {"shop"}, "kind": {"sql"}, "name": {"East"}, "sql": {"SELECT region, SUM(amount) AS total FROM orders GROUP BY region"}}, true); r.Status != http.StatusOK || !strings.Contains(r.Body, "<th>total</th>") {
		t.Errorf("custom SQL: %d %s", r.Status, r.Body)
	}
	// A step that breaks the dataset is refused with the API's message.
	if r := author.step(t, ordersDraft("DIRECT_QUERY"), "op", "filter", "condition", "{nope} = 1"); r.Status != http.StatusBadRequest || !strings.Contains(r.Body, "nope") {
		t.Errorf("filter on an unknown field: %d %s", r.Status, r.Body)
	}

	// Ana's dataset, shared with Otto as a viewer: he sees it, cannot
	// change, refresh or share it.
	id := savedID(t, author.post(t, "/data/sets/editor/save", url.Values{"draft": {ordersDraft("SPICE")}}, true))
	waitPanel(t, author, id)
	if r := author.post(t, "/data/sets/"+id+"/share", url.Values{"user": {"otto"}, "level": {"viewer"}}, true); r.Status != http.StatusOK || !strings.Contains(r.Body, `<span class="user">otto</span> <span class="kind">viewer</span>`) {
		t.Fatalf("share: %d %s", r.Status, r.Body)
	}
	perms, err := ts.adminClient().DescribeDataSetPermissions(t.Context(), &quicksight.DescribeDataSetPermissionsInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String(id)})
	must(t, err)
	var ottoActions []string
	for _, p := range perms.Permissions {
		if aws.ToString(p.Principal) == userARN(accountID, "otto") {
			ottoActions = p.Actions
		}
	}
	wantEqual(t, "otto's actions", ottoActions, []string{"quicksight:DescribeDataSet", "quicksight:DescribeDataSetPermissions", "quicksight:PassDataSet", "quicksight:DescribeIngestion", "quicksight:ListIngestions"})
	view := other.get(t, "/data/sets/"+id)
	view.wantHTML(t, http.StatusOK)
	if strings.Contains(view.Body, `id="ds-draft"`) || !strings.Contains(view.Body, "shared with you as a viewer") {
		t.Errorf("a viewer gets the editor:\n%s", view.Body)
	}
	existing, err := ts.Store.FindDataSet(t.Context(), accountID, id)
	must(t, err)
	var stored map[string]any
	must(t, json.Unmarshal([]byte(ordersDraft("SPICE")), &stored))
	stored["Create"], stored["DataSetId"] = false, id
	b, _ := json.Marshal(stored)
	if r := other.step(t, string(b), "op", "rename", "column", "region", "to", "area"); r.Status != http.StatusForbidden {
		t.Errorf("a viewer's step: %d %s", r.Status, r.Body)
	}
	if r := other.post(t, "/data/sets/editor/save", url.Values{"draft": {string(b)}}, true); r.Status != http.StatusForbidden {
		t.Errorf("a viewer's save: %d %s", r.Status, r.Body)
	}
	if r := other.post(t, "/data/sets/"+id+"/refresh", nil, true); r.Status != http.StatusForbidden {
		t.Errorf("a viewer's refresh: %d %s", r.Status, r.Body)
	}
	if r := other.post(t, "/data/sets/"+id+"/share", url.Values{"user": {"otto"}, "level": {"owner"}}, true); r.Status != http.StatusForbidden {
		t.Errorf("a viewer shares: %d %s", r.Status, r.Body)
	}
	after, err := ts.Store.FindDataSet(t.Context(), accountID, id)
	must(t, err)
	if after.Version != existing.Version || len(after.Permissions) != 2 {
		t.Errorf("refused requests changed the dataset: version %d → %d, %d permissions", existing.Version, after.Version, len(after.Permissions))
	}
	// The refresh panel is for those who see the dataset.
	if r := reader.get(t, "/data/sets/"+id+"/ingestions"); r.Status != http.StatusForbidden {
		t.Errorf("a reader's refresh panel: %d %s", r.Status, r.Body)
	}
	stranger := signIn(t, ts, "sam", types.UserRoleAuthor)
	if r := stranger.get(t, "/data/sets/"+id+"/ingestions"); r.Status != http.StatusForbidden {
		t.Errorf("refresh panel of a dataset not shared: %d %s", r.Status, r.Body)
	}
	stranger.get(t, "/data/sets/"+id).wantErrorPage(t, http.StatusForbidden, "Forbidden")
	// A dataset that does not exist.
	author.get(t, "/data/sets/nope").wantErrorPage(t, http.StatusNotFound, "NotFound")
	if r := author.post(t, "/data/sets/nope/refresh", nil, true); r.Status != http.StatusNotFound {
		t.Errorf("refresh of a dataset that does not exist: %d %s", r.Status, r.Body)
	}
	if r := author.post(t, "/data/sets/"+id+"/share", url.Values{"user": {"nobody"}, "level": {"owner"}}, true); r.Status != http.StatusNotFound {
		t.Errorf("share with a user that does not exist: %d %s", r.Status, r.Body)
	}
	if r := author.post(t, "/data/sets/"+id+"/share", url.Values{"user": {"ana"}, "level": {"viewer"}}, true); r.Status != http.StatusBadRequest {
		t.Errorf("the owner takes away her own ownership: %d %s", r.Status, r.Body)
	}
}

// TestDataSetEditorTableColumns checks the join form's key choice: the
// columns of a table of a source the author may use, refused otherwise.
func TestDataSetEditorTableColumns(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	author := signIn(t, ts, "ana", types.UserRoleAuthor)
	other := signIn(t, ts, "otto", types.UserRoleAuthor)
	shopSource(t, ts, "ana")
	// The tables are listed by name: customers is 0, orders 1.
	p := author.get(t, "/data/sets/editor/columns?source=shop&ref=0")
	if p.Status != http.StatusOK || !strings.Contains(p.Body, `<option value="segment">segment (STRING)</option>`) {
		t.Fatalf("columns of customers: %d %s", p.Status, p.Body)
	}
	if p := author.get(t, "/data/sets/editor/columns?source=shop&ref=7"); p.Status != http.StatusNotFound {
		t.Errorf("a table out of range: %d %s", p.Status, p.Body)
	}
	if p := other.get(t, "/data/sets/editor/columns?source=shop&ref=0"); p.Status != http.StatusForbidden {
		t.Errorf("a source not shared: %d %s", p.Status, p.Body)
	}
}

// TestDataSetEditorSQLColumns checks the custom SQL editor's column
// completion: the JSON list of a table's columns, for a table the source
// lists and a source the author may use, refused otherwise.
func TestDataSetEditorSQLColumns(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	author := signIn(t, ts, "ana", types.UserRoleAuthor)
	other := signIn(t, ts, "otto", types.UserRoleAuthor)
	shopSource(t, ts, "ana")
	p := author.get(t, "/data/sets/editor/sqlcolumns?source=shop&table=orders")
	if p.Status != http.StatusOK {
		t.Fatalf("columns of orders: %d %s", p.Status, p.Body)
	}
	var got struct {
		Table   string
		Columns []struct{ Name, Type string }
	}
	must(t, json.Unmarshal([]byte(p.Body), &got))
	var names []string
	for _, c := range got.Columns {
		names = append(names, c.Name+":"+c.Type)
	}
	if want := "id:INTEGER customer_id:INTEGER amount:DECIMAL region:STRING"; got.Table != "orders" || strings.Join(names, " ") != want {
		t.Errorf("columns of orders: %s %v, want %s", got.Table, names, want)
	}
	for _, c := range []struct {
		query  string
		status int
	}{
		{"source=shop&table=nope", http.StatusNotFound},
		{"source=shop&table=", http.StatusBadRequest},
		{"source=shop&table=" + strings.Repeat("x", 600), http.StatusBadRequest},
		{"source=shop&table=orders&schema=other", http.StatusNotFound},
		{"source=nope&table=orders", http.StatusNotFound},
	} {
		if p := author.get(t, "/data/sets/editor/sqlcolumns?"+c.query); p.Status != c.status {
			t.Errorf("%s: %d %s, want %d", c.query, p.Status, p.Body, c.status)
		}
	}
	if p := other.get(t, "/data/sets/editor/sqlcolumns?source=shop&table=orders"); p.Status != http.StatusForbidden {
		t.Errorf("a source not shared: %d %s", p.Status, p.Body)
	}
}
