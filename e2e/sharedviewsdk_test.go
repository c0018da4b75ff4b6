package e2e

// Shared views as QuickSight documents consuming them, for registered and
// anonymous readers: the SDK's createSharedView answers sharedViewId and
// dashboardId; a new embed URL with /views/<sharedViewId> after the
// dashboard (what the SDK's contentOptions.viewId builds, and QuickSight's
// "append the view to the embed URL"), or the console's InitialPath
// /dashboards/<id>/views/<sharedViewId>, opens the dashboard in that view,
// for a reader who may open the dashboard. An anonymous session shares
// views only with GenerateEmbedUrlForAnonymousUser's SHARED_VIEW, and
// opens only views of its authorized dashboards.

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	"github.com/sightglass/sightglass/internal/app"
)

// viewedState is the viewer state an experience page starts from.
func viewedState(t testing.TB, p *page) string {
	t.Helper()
	i := strings.Index(p.Body, `data-state="`)
	if i < 0 {
		t.Fatalf("no viewer on the page:\n%.2000s", p.Body)
	}
	rest := p.Body[i+len(`data-state="`):]
	return strings.ReplaceAll(rest[:strings.IndexByte(rest, '"')], "&amp;", "&")
}

func TestSharedViewsAsTheSDKConsumesThem(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(200))
	c := ts.adminClient()
	ts.createDashboard(t, "other", "Other")
	const state = "p.Segment=Corporate"

	share := func(u embedURL, token, dashboard string) string {
		t.Helper()
		status, body := ts.bookmarkCall(t, http.MethodPost, u.Base+"/embedding/"+u.Sid+"/dashboards/"+dashboard+"/views", `{"State":"`+state+`&sheetId=overview"}`, "", token)
		var out struct{ SharedViewId, DashboardId string }
		if status != 200 || json.Unmarshal([]byte(body), &out) != nil || !reSharedViewPath.MatchString("/views/"+out.SharedViewId) || out.DashboardId != dashboard {
			t.Fatalf("create: %d %q, want 200 with SharedViewId and DashboardId %s", status, body, dashboard)
		}
		return out.SharedViewId
	}
	withView := func(raw, view string) string {
		return strings.Replace(raw, "?code=", "/views/"+view+"?code=", 1)
	}

	t.Run("registered", func(t *testing.T) {
		x := dashboardExperience(app.SampleDashboardID)
		x.Dashboard.FeatureConfigurations = &types.RegisteredUserDashboardFeatureConfigurations{SharedView: &types.SharedViewConfigurations{Enabled: true}}
		u := ts.parseExperienceURL(t, generate(t, c, regInput("admin", x)), "/dashboards/"+app.SampleDashboardID)
		token, p := ts.openExperience(t, u, "")
		wantEqual(t, "a plain embed's state", viewedState(t, p), "")
		view := share(u, token, app.SampleDashboardID)

		// A new dashboard URL with the view appended opens it in the view.
		next := generate(t, c, regInput("admin", dashboardExperience(app.SampleDashboardID)))
		p = ts.open(t, withView(next, view))
		p.wantHTML(t, http.StatusOK)
		wantEqual(t, "the view's state", viewedState(t, p), state)

		// The console's InitialPath with the view.
		cu := generate(t, c, regInput("admin", consoleExperience("/dashboards/"+app.SampleDashboardID+"/views/"+view)))
		if !strings.Contains(cu, "/embedding/") || !strings.Contains(cu, "/dashboards/"+app.SampleDashboardID+"/views/"+view+"?code=") {
			t.Fatalf("console URL %q", cu)
		}
		p = ts.open(t, cu)
		p.wantHTML(t, http.StatusOK)
		wantEqual(t, "the view through the console", viewedState(t, p), state)

		// A view of another dashboard, or an unknown one, does not open.
		p = ts.open(t, withView(generate(t, c, regInput("admin", dashboardExperience("other"))), view))
		wantEqual(t, "a view of another dashboard", p.Status, http.StatusNotFound)
		p = ts.open(t, withView(generate(t, c, regInput("admin", dashboardExperience(app.SampleDashboardID))), strings.Repeat("0", 32)))
		wantEqual(t, "an unknown view", p.Status, http.StatusNotFound)
		p = ts.open(t, withView(generate(t, c, regInput("admin", dashboardExperience(app.SampleDashboardID))), "nope"))
		wantEqual(t, "not a view id", p.Status, http.StatusNotFound)
	})

	t.Run("anonymous", func(t *testing.T) {
		in := anonInput(app.SampleDashboardID, "other")
		in.ExperienceConfiguration.Dashboard.FeatureConfigurations = &types.AnonymousUserDashboardFeatureConfigurations{SharedView: &types.SharedViewConfigurations{Enabled: true}}
		u := ts.parseExperienceURL(t, generateAnonymous(t, c, in), "/dashboards/"+app.SampleDashboardID)
		token, p := ts.openExperience(t, u, "")
		if strings.Contains(p.Body, `class="share-view"`) {
			t.Error("an anonymous reader's toolbar offers a sign-in link")
		}
		view := share(u, token, app.SampleDashboardID)

		// Another anonymous session of the dashboard opens the view.
		p = ts.open(t, withView(generateAnonymous(t, c, anonInput(app.SampleDashboardID)), view))
		p.wantHTML(t, http.StatusOK)
		wantEqual(t, "the view, anonymously", viewedState(t, p), state)

		// A session not authorized for the view's dashboard: the code is
		// for "other", and the view is not of it.
		p = ts.open(t, withView(generateAnonymous(t, c, anonInput("other")), view))
		if p.Status != http.StatusForbidden && p.Status != http.StatusNotFound {
			t.Errorf("a view of a dashboard the session may not open: %d, want 403 or 404", p.Status)
		}

		// EnabledFeatures works as the configuration does; DisabledFeatures
		// wins over the configuration; both lists at once are refused.
		in = anonInput(app.SampleDashboardID)
		in.ExperienceConfiguration.Dashboard.EnabledFeatures = []types.AnonymousUserDashboardEmbeddingConfigurationEnabledFeature{"SHARED_VIEW"}
		u = ts.parseExperienceURL(t, generateAnonymous(t, c, in), "/dashboards/"+app.SampleDashboardID)
		token, _ = ts.openExperience(t, u, "")
		share(u, token, app.SampleDashboardID)

		in = anonInput(app.SampleDashboardID)
		in.ExperienceConfiguration.Dashboard.FeatureConfigurations = &types.AnonymousUserDashboardFeatureConfigurations{SharedView: &types.SharedViewConfigurations{Enabled: true}}
		in.ExperienceConfiguration.Dashboard.DisabledFeatures = []types.AnonymousUserDashboardEmbeddingConfigurationDisabledFeature{"SHARED_VIEW"}
		u = ts.parseExperienceURL(t, generateAnonymous(t, c, in), "/dashboards/"+app.SampleDashboardID)
		token, _ = ts.openExperience(t, u, "")
		status, body := ts.bookmarkCall(t, http.MethodPost, u.Base+"/embedding/"+u.Sid+"/dashboards/"+app.SampleDashboardID+"/views", `{"State":""}`, "", token)
		if status != 403 || !strings.Contains(body, "Shared views") {
			t.Errorf("sharing with SHARED_VIEW disabled: %d %q", status, body)
		}

		in.ExperienceConfiguration.Dashboard.EnabledFeatures = []types.AnonymousUserDashboardEmbeddingConfigurationEnabledFeature{"SHARED_VIEW"}
		_, err := c.GenerateEmbedUrlForAnonymousUser(t.Context(), in)
		wantErrorMessage(t, err, "InvalidParameterValueException", 400, "SHARED_VIEW can't be both among EnabledFeatures and DisabledFeatures.")

		// Without the feature nothing is shared.
		u = ts.parseExperienceURL(t, generateAnonymous(t, c, anonInput(app.SampleDashboardID)), "/dashboards/"+app.SampleDashboardID)
		token, _ = ts.openExperience(t, u, "")
		status, _ = ts.bookmarkCall(t, http.MethodPost, u.Base+"/embedding/"+u.Sid+"/dashboards/"+app.SampleDashboardID+"/views", `{"State":""}`, "", token)
		wantEqual(t, "sharing without the feature", status, 403)
	})
}
