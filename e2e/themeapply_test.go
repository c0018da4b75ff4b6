package e2e

// The viewer's theme by ARN (the embedding SDK's setTheme) over HTTP: a
// starting theme for anyone who may open the dashboard, a custom theme
// only for users it is shared with, nothing for another account's or an
// unknown theme; the session header is required.

import (
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	"github.com/sightglass/sightglass/internal/app"
)

func TestViewerThemeByARN(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(200))
	c := ts.adminClient()
	ctx := t.Context()
	registerQuickSightUser(t, c, "rita", types.UserRoleReader)
	_, err := c.UpdateDashboardPermissions(ctx, &quicksight.UpdateDashboardPermissionsInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String(app.SampleDashboardID),
		GrantPermissions: []types.ResourcePermission{perm("rita", dashboardReaderActions...)}})
	must(t, err)
	_, err = c.CreateTheme(ctx, &quicksight.CreateThemeInput{AwsAccountId: aws.String(accountID), ThemeId: aws.String("brand"), Name: aws.String("Brand"),
		BaseThemeId: aws.String("MIDNIGHT"), Configuration: brandConfiguration("#AA3377"),
		Permissions: []types.ResourcePermission{perm("admin", "quicksight:DescribeTheme", "quicksight:UpdateTheme", "quicksight:DeleteTheme", "quicksight:DescribeThemePermissions", "quicksight:UpdateThemePermissions", "quicksight:ListThemeVersions", "quicksight:DescribeThemeAlias", "quicksight:ListThemeAliases")}})
	must(t, err)

	open := func(user string) (string, string) {
		t.Helper()
		u := ts.parseExperienceURL(t, generate(t, c, regInput(user, dashboardExperience(app.SampleDashboardID))), "/dashboards/"+app.SampleDashboardID)
		token, _ := ts.openExperience(t, u, "")
		return u.Base + "/embedding/" + u.Sid + "/dashboards/" + app.SampleDashboardID + "/theme?arn=", token
	}
	base, admin := open("admin")
	openAnonymous := func(themes ...string) (string, string) {
		t.Helper()
		in := anonInput(app.SampleDashboardID)
		in.AuthorizedResourceArns = append(in.AuthorizedResourceArns, themes...)
		u := ts.parseExperienceURL(t, generateAnonymous(t, c, in), "/dashboards/"+app.SampleDashboardID)
		token, _ := ts.openExperience(t, u, "")
		return u.Base + "/embedding/" + u.Sid + "/dashboards/" + app.SampleDashboardID + "/theme?arn=", token
	}
	anonBase, anon := openAnonymous(themeARN("brand"), themeARN("ghost"), "arn:aws:quicksight::aws:theme/RAINIER")
	plainBase, plain := openAnonymous()
	ritaBase, rita := open("rita")
	brand := themeARN("brand")
	for _, tc := range []struct {
		what, base, arn, cookie, header string
		status                          int
	}{
		{"a starting theme", base, "arn:aws:quicksight::aws:theme/MIDNIGHT", "", admin, 200},
		{"a custom theme, shared", base, brand, "", admin, 200},
		{"a starting theme, reader", ritaBase, "arn:aws:quicksight::aws:theme/SEASIDE", "", rita, 200},
		{"a custom theme not shared with the reader", ritaBase, brand, "", rita, 403},
		{"an unknown starting theme", base, "arn:aws:quicksight::aws:theme/NOPE", "", admin, 404},
		{"an unknown custom theme", base, themeARN("nope"), "", admin, 404},
		{"another account's theme", base, "arn:aws:quicksight:" + region + ":999999999999:theme/brand", "", admin, 404},
		{"not an ARN", base, "brand", "", admin, 400},
		{"the cookie alone", base, brand, admin, "", 403},
		// An anonymous session applies the custom themes its
		// AuthorizedResourceArns list, and the starting themes.
		{"anonymous: an authorized custom theme", anonBase, brand, "", anon, 200},
		{"anonymous: a starting theme", anonBase, "arn:aws:quicksight::aws:theme/SEASIDE", "", anon, 200},
		{"anonymous: an authorized theme that does not exist", anonBase, themeARN("ghost"), "", anon, 404},
		{"anonymous: a custom theme not authorized", plainBase, brand, "", plain, 403},
		{"anonymous: a starting theme, none authorized", plainBase, "arn:aws:quicksight::aws:theme/MIDNIGHT", "", plain, 200},
	} {
		status, body := ts.bookmarkCall(t, http.MethodGet, tc.base+url.QueryEscape(tc.arn), "", tc.cookie, tc.header)
		if status != tc.status {
			t.Errorf("%s: %d %q, want %d", tc.what, status, body, tc.status)
			continue
		}
		if status == 200 {
			var style struct {
				Colors []string
				CSS    string
			}
			if err := json.Unmarshal([]byte(body), &style); err != nil || len(style.Colors) == 0 || style.CSS == "" {
				t.Errorf("%s: body %q", tc.what, body)
			}
			if tc.arn == brand && style.Colors[0] != "#AA3377" {
				t.Errorf("brand's first color %q, want #AA3377", style.Colors[0])
			}
		}
	}
}
