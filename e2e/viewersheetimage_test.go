package e2e

import (
	"regexp"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

// TestViewerSheetImage: a dashboard's sheet image (created through the
// SDK) is an image tile of its own (not a visual: no data-visual-id),
// showing its https URL with its alt text; one in S3 says so.
func TestViewerSheetImage(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withSampleRows(200))
	body := mapsDashboardWith(t, ts, func(d *types.DashboardVersionDefinition) {
		var sf []types.StaticFile
		decodeStrict(t, []byte(`[{"ImageStaticFile": {"StaticFileId": "logo", "Source": {"UrlOptions": {"Url": "https://example.com/logo.png"}}}},
			{"ImageStaticFile": {"StaticFileId": "kept", "Source": {"S3Options": {"BucketName": "assets", "ObjectKey": "logo.png", "Region": "us-east-1"}}}}]`), &sf)
		d.StaticFiles = sf
		var images []types.SheetImage
		decodeStrict(t, []byte(`[{"SheetImageId": "logo", "Source": {"SheetImageStaticFileSource": {"StaticFileId": "logo"}}, "ImageContentAltText": "Our logo"},
			{"SheetImageId": "kept", "Source": {"SheetImageStaticFileSource": {"StaticFileId": "kept"}}}]`), &images)
		d.Sheets[0].Images = images
	}, `{"FilledMapVisual": {"VisualId": "by-country", "ChartConfiguration": {"FieldWells": {"FilledMapAggregatedFieldWells": {"Geospatial": [`+geoField("CategoricalDimensionField", "c", "country")+`]}}}}}`)
	img := regexp.MustCompile(`(?s)<section class="tile tile-image" id="i-logo"[^>]*>\s*<div class="content"><img class="content-scale-to-visual" src="https://example.com/logo.png" alt="Our logo"`)
	if !img.MatchString(body) {
		t.Errorf("no image tile in:\n%.4000s", body)
	}
	kept := regexp.MustCompile(`(?s)<section class="tile tile-image" id="i-kept"[^>]*>\s*<div class="notice unsupported"><p>The sheet image &#34;kept&#34; is the S3 object s3://assets/logo.png; Sightglass shows images from https URLs only.</p>`)
	if !kept.MatchString(body) {
		t.Errorf("no S3 image notice in:\n%.4000s", body)
	}
	if strings.Contains(body, `data-visual-id="logo"`) {
		t.Error("the image tile is marked as a visual")
	}
}
