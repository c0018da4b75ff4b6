package e2e

// Dashboard state persistence and bookmarks over HTTP, as the viewer's
// script uses them: the session header is required, each user sees only
// their own bookmarks of dashboards they may see, the features follow the
// embed URL (GenerateEmbedUrlForRegisteredUser's FeatureConfigurations,
// GetDashboardEmbedUrl's state-persistence-enabled), and bad input gets a
// clear status.

import (
	"encoding/json"
	"io"
	"math"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	"github.com/sightglass/sightglass/internal/app"
)

// bookmarkCall sends a bookmark request with the session in the header
// (and/or the cookie) and returns the status and body.
func (ts *testServer) bookmarkCall(t testing.TB, method, url, body, cookie, header string) (int, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, url, strings.NewReader(body))
	must(t, err)
	if cookie != "" {
		req.Header.Set("Cookie", "sg_session="+cookie)
	}
	if header != "" {
		req.Header.Set("X-Sightglass-Session", header)
	}
	resp, err := ts.httpClient.Do(req)
	must(t, err)
	defer resp.Body.Close()
	var b strings.Builder
	_, err = io.Copy(&b, resp.Body)
	must(t, err)
	return resp.StatusCode, b.String()
}

func bookmarkNames(t testing.TB, body string) []string {
	t.Helper()
	var list []struct{ Name, State string }
	if err := json.Unmarshal([]byte(body), &list); err != nil {
		t.Fatalf("bookmarks body %q: %v", body, err)
	}
	names := []string{}
	for _, b := range list {
		names = append(names, b.Name)
	}
	return names
}

func TestDashboardBookmarks(t *testing.T) {
	t.Parallel()
	dashboardBookmarks(t, startServer(t, withSampleRows(500)))
}

// TestDashboardBookmarksPostgres runs the same on the PostgreSQL store.
func TestDashboardBookmarksPostgres(t *testing.T) {
	dsn := os.Getenv("SIGHTGLASS_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("SIGHTGLASS_TEST_POSTGRES is not set")
	}
	t.Parallel()
	dashboardBookmarks(t, startServer(t, withSampleRows(500), withPostgres(freshDatabase(t, dsn))))
}

func dashboardBookmarks(t *testing.T, ts *testServer) {
	c := ts.adminClient()
	ctx := t.Context()
	registerQuickSightUser(t, c, "rita", types.UserRoleReader)
	ts.createDashboard(t, "private", "Private")
	_, err := c.UpdateDashboardPermissions(ctx, &quicksight.UpdateDashboardPermissionsInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String(app.SampleDashboardID),
		GrantPermissions: []types.ResourcePermission{perm("rita", dashboardReaderActions...)}})
	must(t, err)

	open := func(user string, features *types.RegisteredUserDashboardFeatureConfigurations) (embedURL, string) {
		t.Helper()
		x := dashboardExperience(app.SampleDashboardID)
		x.Dashboard.FeatureConfigurations = features
		u := ts.parseExperienceURL(t, generate(t, c, regInput(user, x)), "/dashboards/"+app.SampleDashboardID)
		token, p := ts.openExperience(t, u, "")
		if want := features != nil && features.Bookmarks != nil && features.Bookmarks.Enabled; strings.Contains(p.Body, `class="bookmarks"`) != want {
			t.Errorf("%s's page has the bookmarks toolbar: %v, want %v", user, !want, want)
		}
		return u, token
	}
	on := &types.RegisteredUserDashboardFeatureConfigurations{Bookmarks: &types.BookmarksConfigurations{Enabled: true}}
	u, admin := open("admin", on)
	base := u.Base + "/embedding/" + u.Sid + "/dashboards/" + app.SampleDashboardID + "/bookmarks"

	status, body := ts.bookmarkCall(t, http.MethodPost, base, `{"Name":"Corporate","State":"p.Segment=Corporate&sheetId=overview"}`, "", admin)
	wantEqual(t, "add", []any{status, bookmarkNames(t, body)}, []any{200, []string{"Corporate"}})
	status, body = ts.bookmarkCall(t, http.MethodPost, base, `{"Name":"Älteste Kunden","State":"f.f-region=Europe"}`, "", admin)
	wantEqual(t, "add another", []any{status, bookmarkNames(t, body)}, []any{200, []string{"Corporate", "Älteste Kunden"}})

	for _, tc := range []struct {
		what, method, url, body string
		status                  int
		message                 string
	}{
		{"a taken name", http.MethodPost, base, `{"Name":"Corporate","State":""}`, 409, "already exists"},
		{"a name with spaces around", http.MethodPost, base, `{"Name":" x ","State":""}`, 400, "no leading or trailing spaces"},
		{"an empty name", http.MethodPost, base, `{"Name":"","State":""}`, 400, "1 to 128 characters"},
		{"a control character", http.MethodPost, base, `{"Name":"a\u0007b","State":""}`, 400, "control characters"},
		{"a state that is not a viewer's", http.MethodPost, base, `{"Name":"x","State":"code=abc"}`, 400, "not a sheet, parameter or control"},
		{"a state too large", http.MethodPost, base, `{"Name":"x","State":"p.a=` + strings.Repeat("a", app.MaxViewState) + `"}`, 400, "at most"},
		{"not JSON", http.MethodPost, base, `Name=x`, 400, "JSON object"},
		{"renaming to a taken name", http.MethodPatch, base + "/Corporate", `{"Name":"Älteste Kunden"}`, 409, "already exists"},
		{"renaming a missing one", http.MethodPatch, base + "/nope", `{"Name":"x"}`, 404, "doesn't exist"},
		{"deleting a missing one", http.MethodDelete, base + "/nope", ``, 404, "doesn't exist"},
		{"a dashboard that does not exist", http.MethodGet, strings.Replace(base, app.SampleDashboardID, "missing", 1), ``, 404, "doesn't exist"},
	} {
		status, body := ts.bookmarkCall(t, tc.method, tc.url, tc.body, "", admin)
		if status != tc.status || !strings.Contains(body, tc.message) {
			t.Errorf("%s: %d %q, want %d with %q", tc.what, status, body, tc.status, tc.message)
		}
	}
	status, body = ts.bookmarkCall(t, http.MethodPatch, base+"/"+url.PathEscape("Älteste Kunden"), `{"Name":"Europe"}`, "", admin)
	wantEqual(t, "rename", []any{status, bookmarkNames(t, body)}, []any{200, []string{"Corporate", "Europe"}})
	status, body = ts.bookmarkCall(t, http.MethodDelete, base+"/Corporate", ``, "", admin)
	wantEqual(t, "delete", []any{status, bookmarkNames(t, body)}, []any{200, []string{"Europe"}})

	// The cookie alone does not do: a cross-site page could send it.
	status, _ = ts.bookmarkCall(t, http.MethodGet, base, ``, admin, "")
	wantEqual(t, "cookie only", status, 403)
	status, _ = ts.bookmarkCall(t, http.MethodPost, base, `{"Name":"y","State":""}`, admin, "")
	wantEqual(t, "cookie only, add", status, 403)
	status, _ = ts.bookmarkCall(t, http.MethodGet, base, ``, "", "not-a-session")
	wantEqual(t, "unknown session", status, 401)

	// Another user's session sees none of them, and no private dashboard.
	ru, rita := open("rita", on)
	ritaBase := ru.Base + "/embedding/" + ru.Sid + "/dashboards/" + app.SampleDashboardID + "/bookmarks"
	status, body = ts.bookmarkCall(t, http.MethodGet, ritaBase, ``, "", rita)
	wantEqual(t, "rita's bookmarks", []any{status, bookmarkNames(t, body)}, []any{200, []string{}})
	status, _ = ts.bookmarkCall(t, http.MethodDelete, ritaBase+"/Europe", ``, "", rita)
	wantEqual(t, "rita deleting admin's bookmark", status, 404)
	status, _ = ts.bookmarkCall(t, http.MethodGet, strings.Replace(ritaBase, app.SampleDashboardID, "private", 1), ``, "", rita)
	wantEqual(t, "rita on a private dashboard", status, 403)
	// admin's token is of admin's sid: it does not open rita's.
	status, _ = ts.bookmarkCall(t, http.MethodGet, ritaBase, ``, "", admin)
	wantEqual(t, "a token of another session", status, 401)

	// Without the feature, bookmarks are refused.
	pu, plain := open("admin", nil)
	status, body = ts.bookmarkCall(t, http.MethodGet, pu.Base+"/embedding/"+pu.Sid+"/dashboards/"+app.SampleDashboardID+"/bookmarks", ``, "", plain)
	if status != 403 || !strings.Contains(body, "Bookmarks is not enabled") {
		t.Errorf("bookmarks without the feature: %d %q", status, body)
	}
}

func TestDashboardStatePersistence(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(500))
	c := ts.adminClient()
	ctx := t.Context()
	db := sampleDB(t, ts)
	total := math.Round(sqlFloat(t, db, "SELECT sum(revenue) FROM orders")*100) / 100
	corporate := math.Round(sqlFloat(t, db, "SELECT sum(revenue) FROM orders WHERE segment = 'Corporate'")*100) / 100

	// open mints GetDashboardEmbedUrl for the admin and opens it.
	open := func(persist bool) (embedURL, string, *page) {
		t.Helper()
		out, err := c.GetDashboardEmbedUrl(ctx, &quicksight.GetDashboardEmbedUrlInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String(app.SampleDashboardID),
			IdentityType: types.EmbeddingIdentityTypeIam, StatePersistenceEnabled: persist})
		must(t, err)
		u := ts.parseExperienceURL(t, aws.ToString(out.EmbedUrl), "/dashboards/"+app.SampleDashboardID)
		token, p := ts.openExperience(t, u, "")
		return u, token, p
	}
	u, token, p := open(true)
	wantEqual(t, "first embed", kpiValue(t, p.Body, "kpi-revenue"), total)
	sheet := u.Base + "/embedding/" + u.Sid + "/dashboards/" + app.SampleDashboardID + "/sheets/overview?"
	// The viewer's own render (with the header) is kept; one with the
	// cookie alone (a link another site opens) is not.
	ts.withToken(t, sheet+url.Values{"p.Segment": {"Corporate"}}.Encode(), token).wantHTML(t, http.StatusOK)
	ts.browse(t, http.MethodGet, sheet+url.Values{"p.Segment": {"Consumer"}}.Encode(), token, "").wantHTML(t, http.StatusOK)

	_, _, p = open(true)
	wantEqual(t, "next embed with state persistence", kpiValue(t, p.Body, "kpi-revenue"), corporate)
	if !strings.Contains(p.Body, `data-state="p.Segment=Corporate"`) {
		t.Errorf("the restored page does not hand its script the state:\n%.1500s", p.Body)
	}
	// Without state persistence the dashboard opens as published, and its
	// renders are not kept.
	u2, token2, p := open(false)
	wantEqual(t, "next embed without state persistence", kpiValue(t, p.Body, "kpi-revenue"), total)
	ts.withToken(t, u2.Base+"/embedding/"+u2.Sid+"/dashboards/"+app.SampleDashboardID+"/sheets/overview?"+url.Values{"p.Segment": {"Consumer"}}.Encode(), token2).wantHTML(t, http.StatusOK)
	_, _, p = open(true)
	wantEqual(t, "state after a session without persistence", kpiValue(t, p.Body, "kpi-revenue"), corporate)
}
