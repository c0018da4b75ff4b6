package e2e

// Shared view links (FeatureConfigurations.SharedView) over HTTP, as the
// viewer's script and a browser use them: a reader of an embedded
// dashboard shares its state and gets /views/{id}; whoever follows the
// link signs in and sees the dashboard in that state, as themselves, if
// they may open it; without the feature nothing is shared.

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	"github.com/sightglass/sightglass/internal/app"
)

var reSharedViewPath = regexp.MustCompile(`^/views/([0-9a-f]{32})$`)

func TestSharedView(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(200))
	c := ts.adminClient()
	ctx := t.Context()
	registerQuickSightUser(t, c, "rita", types.UserRoleReader)
	registerQuickSightUser(t, c, "olga", types.UserRoleReader)
	_, err := c.UpdateDashboardPermissions(ctx, &quicksight.UpdateDashboardPermissionsInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String(app.SampleDashboardID),
		GrantPermissions: []types.ResourcePermission{perm("rita", dashboardReaderActions...)}})
	must(t, err)

	open := func(features *types.RegisteredUserDashboardFeatureConfigurations) (embedURL, string) {
		t.Helper()
		x := dashboardExperience(app.SampleDashboardID)
		x.Dashboard.FeatureConfigurations = features
		u := ts.parseExperienceURL(t, generate(t, c, regInput("admin", x)), "/dashboards/"+app.SampleDashboardID)
		token, _ := ts.openExperience(t, u, "")
		return u, token
	}
	u, admin := open(&types.RegisteredUserDashboardFeatureConfigurations{SharedView: &types.SharedViewConfigurations{Enabled: true}})
	create := u.Base + "/embedding/" + u.Sid + "/dashboards/" + app.SampleDashboardID + "/views"
	const state = "p.Segment=Corporate&sheetId=overview"
	status, body := ts.bookmarkCall(t, http.MethodPost, create, `{"State":"`+state+`"}`, "", admin)
	var out struct{ SharedViewPath string }
	if status != 200 || json.Unmarshal([]byte(body), &out) != nil || !reSharedViewPath.MatchString(out.SharedViewPath) {
		t.Fatalf("create: %d %q, want 200 with SharedViewPath /views/<32 hex>", status, body)
	}
	view := reSharedViewPath.FindStringSubmatch(out.SharedViewPath)[1]

	for _, tc := range []struct {
		what, url, body, cookie, header string
		status                          int
		message                         string
	}{
		{"the cookie alone", create, `{"State":""}`, admin, "", 403, "header"},
		{"a state that is not a viewer's", create, `{"State":"code=abc"}`, "", admin, 400, "not a sheet, parameter or control"},
		{"not JSON", create, `State=x`, "", admin, 400, "JSON object"},
		{"a dashboard that does not exist", strings.Replace(create, app.SampleDashboardID, "missing", 1), `{"State":""}`, "", admin, 404, "doesn't exist"},
		{"an unknown session", create, `{"State":""}`, "", "not-a-session", 401, "session has ended"},
	} {
		status, body := ts.bookmarkCall(t, http.MethodPost, tc.url, tc.body, tc.cookie, tc.header)
		if status != tc.status || !strings.Contains(body, tc.message) {
			t.Errorf("%s: %d %q, want %d with %q", tc.what, status, body, tc.status, tc.message)
		}
	}
	// Without the feature, nothing is shared.
	pu, plain := open(nil)
	status, body = ts.bookmarkCall(t, http.MethodPost, pu.Base+"/embedding/"+pu.Sid+"/dashboards/"+app.SampleDashboardID+"/views", `{"State":""}`, "", plain)
	if status != 403 || !strings.Contains(body, "Shared views") {
		t.Errorf("sharing without the feature: %d %q", status, body)
	}

	// The link asks its opener to sign in, and the sign-in page carries
	// the view through.
	p := ts.open(t, u.Base+out.SharedViewPath)
	wantEqual(t, "link", []any{p.Status, p.Header.Get("Location")}, []any{303, "/login?view=" + view})
	p = ts.open(t, u.Base+"/login?view="+view)
	if p.Status != 200 || !strings.Contains(p.Body, `name="view" value="`+view+`"`) {
		t.Errorf("sign-in page for a view: %d, hidden view field missing", p.Status)
	}
	p = ts.open(t, u.Base+"/login?view=../start")
	if strings.Contains(p.Body, `name="view"`) {
		t.Error("the sign-in page carries a view id that is not one")
	}
	wantEqual(t, "a link that is not a view's", ts.open(t, u.Base+"/views/nope").Status, 404)

	// Rita, who may read the dashboard, sees it in the shared state, as
	// herself.
	ru := ts.mint(t, "rita", "")
	rita, _ := ts.signOn(t, ru, -1)
	p = ts.withToken(t, ru.Base+"/embedding/"+ru.Sid+"/views/"+view, rita)
	wantEqual(t, "rita opens the view", []any{p.Status, p.Header.Get("Location")},
		[]any{303, "/embedding/" + ru.Sid + "/dashboards/" + app.SampleDashboardID + "#" + state})
	// Olga may not read the dashboard: the view does not open it for her.
	ou := ts.mint(t, "olga", "")
	olga, _ := ts.signOn(t, ou, -1)
	p = ts.withToken(t, ou.Base+"/embedding/"+ou.Sid+"/views/"+view, olga)
	if p.Status != 403 && p.Status != 404 {
		t.Errorf("olga opens a view of a dashboard she may not read: %d", p.Status)
	}
	// An unknown view, and no session at all.
	p = ts.withToken(t, ru.Base+"/embedding/"+ru.Sid+"/views/"+strings.Repeat("0", 32), rita)
	wantEqual(t, "an unknown view", p.Status, 404)
	p = ts.open(t, ru.Base+"/embedding/"+ru.Sid+"/views/"+view)
	wantEqual(t, "no session", []any{p.Status, p.Header.Get("Location")}, []any{303, "/login?view=" + view})
	// The dashboard experience's session has no console: it does not open
	// views.
	p = ts.withToken(t, u.Base+"/embedding/"+u.Sid+"/views/"+view, admin)
	wantEqual(t, "an experience session", p.Status, 403)
}
