package e2e

import (
	"database/sql"
	"encoding/json"
	"html"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

// shopSource writes a SQLite file with an orders and a customers table
// into the server's data-source directory and creates the SQLITE data
// source "shop" on it, shared with the named users.
func shopSource(t testing.TB, ts *testServer, users ...string) string {
	t.Helper()
	dir := ts.Config.DataSourceDir
	must(t, os.MkdirAll(dir, 0o700))
	path := filepath.Join(dir, "shop.sqlite")
	db, err := sql.Open("sqlite", path)
	must(t, err)
	defer db.Close()
	for _, s := range []string{
		`CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, amount REAL NOT NULL, region TEXT NOT NULL)`,
		`CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, segment TEXT NOT NULL)`,
		`INSERT INTO customers VALUES (1, 'Ada', 'Retail'), (2, 'Bo', 'Corporate'), (3, 'Cy', 'Retail')`,
		`INSERT INTO orders VALUES (1, 1, 10.5, 'East'), (2, 2, 20, 'West'), (3, 1, 5.25, 'East'), (4, 3, 7, 'North'), (5, 9, 1, 'South')`,
	} {
		_, err := db.ExecContext(t.Context(), s)
		must(t, err)
	}
	_, err = ts.App.CreateSQLiteDataSource(t.Context(), accountID, "shop", "Shop", "shop.sqlite")
	must(t, err)
	if len(users) > 0 {
		var grants []types.ResourcePermission
		for _, u := range users {
			grants = append(grants, types.ResourcePermission{Principal: aws.String(userARN(accountID, u)), Actions: []string{"quicksight:DescribeDataSource", "quicksight:PassDataSource"}})
		}
		_, err = ts.adminClient().UpdateDataSourcePermissions(t.Context(), &quicksight.UpdateDataSourcePermissionsInput{AwsAccountId: aws.String(accountID), DataSourceId: aws.String("shop"), GrantPermissions: grants})
		must(t, err)
	}
	return path
}

// consoleUser is a signed-in console session.
type consoleUser struct {
	ts    *testServer
	sid   string
	token string
}

// signIn registers a QuickSight user with role and signs them in.
func signIn(t testing.TB, ts *testServer, name string, role types.UserRole) *consoleUser {
	t.Helper()
	registerQuickSightUser(t, ts.adminClient(), name, role)
	u := ts.mint(t, name, "")
	token, _ := ts.signOn(t, u, -1)
	return &consoleUser{ts: ts, sid: u.Sid, token: token}
}

func (u *consoleUser) url(path string) string {
	return u.ts.URL + "/embedding/" + u.sid + path
}

// get loads a console page the way a boosted navigation does (the
// session in the header).
func (u *consoleUser) get(t testing.TB, path string) *page {
	t.Helper()
	return u.ts.withToken(t, u.url(path), u.token)
}

// post posts a form as the console's script does (the session in the
// X-Sightglass-Session header); header false sends only the cookie.
func (u *consoleUser) post(t testing.TB, path string, form url.Values, header bool) *page {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), http.MethodPost, u.url(path), strings.NewReader(form.Encode()))
	must(t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("HX-Request", "true")
	if header {
		req.Header.Set("X-Sightglass-Session", u.token)
	} else {
		req.Header.Set("Cookie", "sg_session="+u.token)
	}
	c := &http.Client{Transport: u.ts.httpClient.Transport, Timeout: 20 * time.Second}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatalf("POST %s: %v", path, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	must(t, err)
	return &page{Status: resp.StatusCode, Header: resp.Header, Body: string(b)}
}

var reDraft = regexp.MustCompile(`(?s)<textarea id="ds-draft" name="draft" hidden>(.*?)</textarea>`)

// draftOf returns the draft an editor fragment carries.
func draftOf(t testing.TB, p *page) string {
	t.Helper()
	m := reDraft.FindStringSubmatch(p.Body)
	if m == nil {
		t.Fatalf("no draft in the editor (status %d):\n%s", p.Status, p.Body)
	}
	return html.UnescapeString(m[1])
}

var (
	reGridHead = regexp.MustCompile(`(?s)<table class="ds-grid">\s*<thead><tr>(.*?)</tr></thead>\s*<tbody>(.*?)</tbody>`)
	reCell     = regexp.MustCompile(`(?s)<t[hd]>(.*?)</t[hd]>`)
	reRow      = regexp.MustCompile(`(?s)<tr>(.*?)</tr>`)
)

// grid returns the preview grid's header and rows, as text.
func grid(t testing.TB, p *page) ([]string, [][]string) {
	t.Helper()
	m := reGridHead.FindStringSubmatch(p.Body)
	if m == nil {
		t.Fatalf("no preview grid:\n%s", p.Body)
	}
	cells := func(s string) []string {
		var out []string
		for _, c := range reCell.FindAllStringSubmatch(s, -1) {
			out = append(out, html.UnescapeString(c[1]))
		}
		return out
	}
	var rows [][]string
	for _, r := range reRow.FindAllStringSubmatch(m[2], -1) {
		rows = append(rows, cells(r[1]))
	}
	return cells(m[1]), rows
}

// step posts one editor step with the draft.
func (u *consoleUser) step(t testing.TB, draft string, fields ...string) *page {
	t.Helper()
	form := url.Values{"draft": {draft}}
	for i := 0; i+1 < len(fields); i += 2 {
		form.Set(fields[i], fields[i+1])
	}
	return u.post(t, "/data/sets/editor/step", form, true)
}

// draftJSON builds a one-table draft of the shop's orders directly (as a
// page would carry it).
func ordersDraft(mode string) string {
	b, _ := json.Marshal(map[string]any{
		"Create": true, "Name": "Orders", "ImportMode": mode, "DataSourceId": "shop",
		"PhysicalTableMap": map[string]any{"t1": map[string]any{"RelationalTable": map[string]any{
			"DataSourceArn": dataSourceARN("shop"), "Name": "orders",
			"InputColumns": []map[string]string{{"Name": "id", "Type": "INTEGER"}, {"Name": "customer_id", "Type": "INTEGER"}, {"Name": "amount", "Type": "DECIMAL"}, {"Name": "region", "Type": "STRING"}},
		}}},
		"LogicalTableMap": map[string]any{"t1": map[string]any{"Alias": "orders", "Source": map[string]string{"PhysicalTableId": "t1"}}},
	})
	return string(b)
}

// savedID returns the dataset id of a save's HX-Location.
func savedID(t testing.TB, p *page) string {
	t.Helper()
	if p.Status != http.StatusNoContent {
		t.Fatalf("save: status %d, want 204:\n%s", p.Status, p.Body)
	}
	var loc struct{ Path string }
	must(t, json.Unmarshal([]byte(p.Header.Get("HX-Location")), &loc))
	loc.Path = strings.TrimSuffix(loc.Path, "/edit") // Save & visualize opens the analysis editor
	i := strings.LastIndex(loc.Path, "/")
	if i < 0 {
		t.Fatalf("HX-Location %q", p.Header.Get("HX-Location"))
	}
	return loc.Path[i+1:]
}
