package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	"github.com/sightglass/sightglass/internal/app"
)

// TestViewerFreeFormAndSectionLayouts draws a free-form sheet (one
// visual on the canvas's right half, one hidden) and a section-based one
// (a header text box above a body visual): each element at its place on
// the grid, the hidden visual not drawn.
func TestViewerFreeFormAndSectionLayouts(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(200))
	kpi := func(id string) string {
		return fmt.Sprintf(`{"KPIVisual": {"VisualId": %q, "ChartConfiguration": {"FieldWells": {"Values": [`+sumOf+`]}}}}`, id, id+"-m", "revenue", "SUM")
	}
	def := fmt.Sprintf(`{"DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": %q}],
	"Sheets": [
	  {"SheetId": "free", "Name": "Free", "Visuals": [`+kpi("shown")+`, `+kpi("hidden")+`],
	   "Layouts": [{"Configuration": {"FreeFormLayout": {"CanvasSizeOptions": {"ScreenCanvasSizeOptions": {"OptimizedViewPortWidth": "1600px"}}, "Elements": [
	     {"ElementId": "shown", "ElementType": "VISUAL", "XAxisLocation": "800px", "YAxisLocation": "336px", "Width": "800px", "Height": "201.6px"},
	     {"ElementId": "hidden", "ElementType": "VISUAL", "XAxisLocation": "0px", "YAxisLocation": "0px", "Width": "400px", "Height": "200px", "Visibility": "HIDDEN"}]}}}]},
	  {"SheetId": "sections", "Name": "Report", "Visuals": [`+kpi("body")+`],
	   "TextBoxes": [{"SheetTextBoxId": "title", "Content": "<text-box>Monthly report</text-box>"}],
	   "Layouts": [{"Configuration": {"SectionBasedLayout": {"CanvasSizeOptions": {"PaperCanvasSizeOptions": {"PaperSize": "US_LETTER", "PaperOrientation": "PORTRAIT"}},
	     "HeaderSections": [{"SectionId": "h", "Layout": {"FreeFormLayout": {"Elements": [
	       {"ElementId": "title", "ElementType": "TEXT_BOX", "XAxisLocation": "0px", "YAxisLocation": "0px", "Width": "816px", "Height": "67.2px"}]}}}],
	     "BodySections": [{"SectionId": "b", "Content": {"Layout": {"FreeFormLayout": {"Elements": [
	       {"ElementId": "body", "ElementType": "VISUAL", "XAxisLocation": "0px", "YAxisLocation": "0px", "Width": "408px", "Height": "336px"}]}}}}],
	     "FooterSections": []}}}]}]}`,
		"arn:aws:quicksight:"+region+":"+accountID+":dataset/"+app.SampleDataSetID)
	var d types.DashboardVersionDefinition
	decodeStrict(t, []byte(def), &d)
	c := ts.adminClient()
	_, err := c.CreateDashboard(t.Context(), &quicksight.CreateDashboardInput{AwsAccountId: aws.String(accountID), DashboardId: aws.String("layouts"),
		Name: aws.String("layouts"), Definition: &d, Permissions: ownerPermissions("admin", dashboardReaderActions...)})
	must(t, err)
	if v := waitVersion(t, c, "layouts", 1).Version; v.Status != types.ResourceStatusCreationSuccessful {
		errs, _ := json.Marshal(v.Errors)
		t.Fatalf("dashboard %s: %s", v.Status, errs)
	}
	u := ts.mint(t, "admin", "/dashboards/layouts")
	token, p := ts.signOn(t, u, -1)
	if tl := tile(t, p.Body, "shown"); !strings.Contains(tl, `style="grid-column: 19 / span 18; grid-row: 11 / span 6"`) {
		t.Errorf("free-form visual not at its place:\n%.400s", tl)
	}
	if strings.Contains(p.Body, `id="v-hidden"`) {
		t.Error("the hidden visual is drawn")
	}
	s := ts.withToken(t, u.Base+"/embedding/"+u.Sid+"/dashboards/layouts/sheets/sections", token)
	if !strings.Contains(s.Body, `id="t-title" style="grid-column: 1 / span 36; grid-row: 1 / span 2"`) {
		t.Errorf("header text box not at the top:\n%.3000s", s.Body)
	}
	if tl := tile(t, s.Body, "body"); !strings.Contains(tl, `style="grid-column: 1 / span 18; grid-row: 3 / span 10"`) {
		t.Errorf("body visual not below the header:\n%.400s", tl)
	}
}
