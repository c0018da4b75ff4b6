package e2e

// The viewer draws a dashboard with the theme its ThemeArn names: the data
// palette in the charts' ECharts options, the UI palette and fonts on the
// sheet; the numbers stay those of the same dashboard without a theme.

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	"github.com/sightglass/sightglass/internal/app"
)

var reTileID = regexp.MustCompile(`data-visual-id="([^"]+)"`)

func TestViewerTheme(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(viewerSampleRows))
	c := ts.adminClient()
	ctx := t.Context()
	acct := aws.String(accountID)
	colors := []string{"#1B4F72", "#F39C12", "#27AE60"}
	_, err := c.CreateTheme(ctx, &quicksight.CreateThemeInput{AwsAccountId: acct, ThemeId: aws.String("brand"), Name: aws.String("Brand"),
		BaseThemeId: aws.String("MIDNIGHT"), Configuration: &types.ThemeConfiguration{
			DataColorPalette: &types.DataColorPalette{Colors: colors},
			UIColorPalette:   &types.UIColorPalette{PrimaryBackground: aws.String("#101820"), PrimaryForeground: aws.String("#F2AA4C")},
			Typography:       &types.Typography{FontFamilies: []types.Font{{FontFamily: aws.String("Georgia")}}},
			Sheet:            &types.SheetStyle{TileLayout: &types.TileLayoutStyle{Gutter: &types.GutterStyle{Show: aws.Bool(false)}}},
		}})
	must(t, err)
	def, err := c.DescribeDashboardDefinition(ctx, &quicksight.DescribeDashboardDefinitionInput{AwsAccountId: acct, DashboardId: aws.String(app.SampleDashboardID)})
	must(t, err)
	_, err = c.CreateDashboard(ctx, &quicksight.CreateDashboardInput{AwsAccountId: acct, DashboardId: aws.String("themed"), Name: aws.String("Themed"),
		Definition: def.Definition, Permissions: ownerPermissions("admin", dashboardReaderActions...), ThemeArn: aws.String(themeARN("brand"))})
	must(t, err)
	if v := waitVersion(t, c, "themed", 1).Version; v.Status != types.ResourceStatusCreationSuccessful {
		t.Fatalf("themed dashboard: %s", v.Status)
	}

	u := ts.mint(t, "admin", "/dashboards/themed")
	token, p := ts.signOn(t, u, -1)
	_, plain := ts.signOn(t, ts.mint(t, "admin", "/dashboards/"+app.SampleDashboardID), -1)
	themed := rawChart(t, p.Body, "bar-region")
	wantEqual(t, "chart palette and font", []any{themed["color"], themed["textStyle"]},
		[]any{[]any{"#1B4F72", "#F39C12", "#27AE60"}, map[string]any{"fontFamily": "'Georgia', sans-serif", "color": "#F2AA4C"}})
	// MIDNIGHT's sheet colors under the theme's own tile colors.
	for _, want := range []string{"--card:#101820;", "--fg:#F2AA4C;", "background:#232b33;", "--gutter:0;", "font-family:&#39;Georgia&#39;, sans-serif;"} {
		if !strings.Contains(p.Body, want) {
			t.Errorf("themed sheet lacks %s", want)
		}
	}
	untouched := rawChart(t, plain.Body, "bar-region")
	if _, ok := untouched["color"]; ok || strings.Contains(plain.Body, "--card:") {
		t.Errorf("the dashboard without a theme has a palette: %v", untouched["color"])
	}
	wantEqual(t, "numbers with and without the theme", themed["series"], untouched["series"])

	// The sheet fragment (a sheet change) carries the theme too.
	frag := ts.withToken(t, u.Base+"/embedding/"+u.Sid+"/dashboards/themed/sheets/overview", token)
	if frag.Status != http.StatusOK {
		t.Fatalf("sheet fragment: %d", frag.Status)
	}
	wantEqual(t, "fragment palette", rawChart(t, frag.Body, "bar-region")["color"], []any{"#1B4F72", "#F39C12", "#27AE60"})

	// An analysis drawn with a starting theme gets that theme's palette.
	anDef, err := c.DescribeAnalysisDefinition(ctx, &quicksight.DescribeAnalysisDefinitionInput{AwsAccountId: acct, AnalysisId: aws.String(app.SampleAnalysisID)})
	must(t, err)
	_, err = c.CreateAnalysis(ctx, &quicksight.CreateAnalysisInput{AwsAccountId: acct, AnalysisId: aws.String("seaside"), Name: aws.String("Seaside"),
		Definition: anDef.Definition, Permissions: ownerPermissions("admin", analysisOwnerActions...), ThemeArn: aws.String("arn:aws:quicksight::aws:theme/SEASIDE")})
	must(t, err)
	waitAnalysis(t, c, "seaside")
	_, ap := ts.signOn(t, ts.mint(t, "admin", "/analyses/seaside"), -1)
	var first string
	for _, tl := range reTileID.FindAllStringSubmatch(ap.Body, -1) {
		if strings.Contains(tile(t, ap.Body, tl[1]), "data-echarts") {
			first = tl[1]
			break
		}
	}
	if first == "" {
		t.Fatalf("the analysis draws no chart")
	}
	wantEqual(t, "analysis palette (SEASIDE)", rawChart(t, ap.Body, first)["color"].([]any)[:2], []any{"#0077b6", "#00b4d8"})

	// A deleted theme draws the console's own look and says so.
	_, err = c.DeleteTheme(ctx, &quicksight.DeleteThemeInput{AwsAccountId: acct, ThemeId: aws.String("brand")})
	must(t, err)
	_, p = ts.signOn(t, ts.mint(t, "admin", "/dashboards/themed"), -1)
	if o := rawChart(t, p.Body, "bar-region"); o["color"] != nil || strings.Contains(p.Body, "--card:") {
		t.Errorf("a deleted theme still colors the sheet: %v", o["color"])
	}
	notice := `<p class="theme-notice" role="status">The theme ` + themeARN("brand") + ` does not exist; this sheet is drawn with the default look.</p>`
	if !strings.Contains(p.Body, notice) {
		t.Errorf("no notice of the deleted theme in:\n%s", p.Body)
	}
}
