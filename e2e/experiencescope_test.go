package e2e

// A registered user's dashboard or visual experience session (from
// GenerateEmbedUrlForRegisteredUser Dashboard/DashboardVisual or
// GetDashboardEmbedUrl) reaches its experience and what the SDK navigates
// to, never the console's start, data or authoring pages.

import (
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	"github.com/sightglass/sightglass/internal/app"
)

func TestExperienceSessionIsNotConsole(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(50))
	c := ts.adminClient()
	dash := "/dashboards/" + app.SampleDashboardID
	out, err := c.GetDashboardEmbedUrl(t.Context(), &quicksight.GetDashboardEmbedUrlInput{AwsAccountId: aws.String(accountID),
		DashboardId: aws.String(app.SampleDashboardID), IdentityType: types.EmbeddingIdentityTypeQuicksight, UserArn: aws.String(userARN(accountID, "admin"))})
	must(t, err)
	for name, raw := range map[string]string{
		"registered dashboard": generate(t, c, regInput("admin", dashboardExperience(app.SampleDashboardID))),
		"registered visual":    generate(t, c, regInput("admin", visualExperience(app.SampleDashboardID, "overview", "kpi-revenue"))),
		"GetDashboardEmbedUrl": aws.ToString(out.EmbedUrl),
	} {
		t.Run(name, func(t *testing.T) {
			m := reExperienceURL.FindStringSubmatch(raw)
			if m == nil {
				t.Fatalf("EmbedUrl %q", raw)
			}
			u := ts.parseExperienceURL(t, raw, m[3])
			token, _ := ts.openExperience(t, u, "")
			embed, console := u.Base+"/embed/"+u.Sid, u.Base+"/embedding/"+u.Sid
			// What the experience and the SDK use.
			ts.withToken(t, embed+dash, token).wantHTML(t, http.StatusOK)
			ts.withToken(t, embed+u.Entry, token).wantHTML(t, http.StatusOK)
			if p := ts.withToken(t, console+dash+"/sheets/overview", token); p.Status != http.StatusOK {
				t.Errorf("sheet fragment: %d %s", p.Status, p.Body)
			}
			// The console's pages are refused with a 403 page, cookie or header.
			for _, path := range []string{"/start", "/start/dashboards", dash, "/analyses/" + app.SampleAnalysisID, "/data/sets", "/data/sets/new"} {
				ts.withToken(t, console+path, token).wantErrorPage(t, http.StatusForbidden, "Forbidden")
				ts.browse(t, http.MethodGet, console+path, token, "").wantErrorPage(t, http.StatusForbidden, "Forbidden")
			}
			for _, tc := range []struct{ method, path string }{
				{http.MethodGet, "/analyses/" + app.SampleAnalysisID + "/sheets/overview"},
				{http.MethodPost, "/favorites/dashboards/" + app.SampleDashboardID},
				{http.MethodGet, "/data/sets/editor/columns"},
				{http.MethodPost, "/data/sets/editor/start"},
			} {
				if p := ts.browse(t, tc.method, console+tc.path, "", token); p.Status != http.StatusForbidden {
					t.Errorf("%s %s: %d, want 403\n%.500s", tc.method, tc.path, p.Status, p.Body)
				}
			}
			// The session still works after the refusals.
			ts.withToken(t, embed+u.Entry, token).wantHTML(t, http.StatusOK)
			if !strings.Contains(ts.withToken(t, embed+dash, token).Body, `data-page-type="DASHBOARD"`) {
				t.Error("dashboard experience page lost")
			}
		})
	}
}
