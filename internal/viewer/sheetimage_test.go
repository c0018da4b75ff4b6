package viewer

import (
	"context"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
)

// A sheet's images are tiles placed by their layout element: an https
// image is shown with its scaling and alt text; an S3 object, an http URL
// and an undeclared static file say which image and why.
func TestSheetImages(t *testing.T) {
	def, err := definition.Parse([]byte(`{
 "StaticFiles": [
  {"ImageStaticFile": {"StaticFileId": "logo", "Source": {"UrlOptions": {"Url": "https://example.com/logo.png"}}}},
  {"ImageStaticFile": {"StaticFileId": "s3", "Source": {"S3Options": {"BucketName": "b", "ObjectKey": "k.png", "Region": "us-east-1"}}}},
  {"ImageStaticFile": {"StaticFileId": "plain", "Source": {"UrlOptions": {"Url": "http://example.com/x.png"}}}},
  {"ImageStaticFile": {"StaticFileId": "nowhere"}}],
 "Sheets": [{"SheetId": "s", "Name": "S",
  "Images": [
   {"SheetImageId": "a", "Source": {"SheetImageStaticFileSource": {"StaticFileId": "logo"}}, "Scaling": {"ScalingType": "SCALE_TO_WIDTH"}, "ImageContentAltText": "Logo"},
   {"SheetImageId": "b", "Source": {"SheetImageStaticFileSource": {"StaticFileId": "s3"}}},
   {"SheetImageId": "c", "Source": {"SheetImageStaticFileSource": {"StaticFileId": "plain"}}},
   {"SheetImageId": "d", "Source": {"SheetImageStaticFileSource": {"StaticFileId": "none"}}},
   {"SheetImageId": "e", "Source": {"SheetImageStaticFileSource": {"StaticFileId": "nowhere"}}},
   {"SheetImageId": "a", "Source": {"SheetImageStaticFileSource": {"StaticFileId": "logo"}}},
   {"SheetImageId": "tb", "Source": {"SheetImageStaticFileSource": {"StaticFileId": "logo"}}}],
  "TextBoxes": [{"SheetTextBoxId": "tb", "Content": "Hi"}],
  "Layouts": [{"Configuration": {"GridLayout": {"Elements": [
   {"ElementId": "d", "ElementType": "IMAGE", "ColumnSpan": 6, "RowSpan": 4},
   {"ElementId": "a", "ElementType": "IMAGE", "ColumnSpan": 6, "RowSpan": 4, "ColumnIndex": 0, "RowIndex": 0}]}}}]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	s := New(def, nil, time.Now()).RenderSheet(context.Background(), "s", nil, 0)
	got := map[string][2]string{}
	var ids []string
	for _, tl := range s.Tiles {
		ids = append(ids, tl.ID)
		got[tl.ID] = [2]string{tl.Kind, tl.Message}
	}
	wantEq(t, "order", ids, []string{"d", "a", "b", "c", "e", "tb"})
	wantEq(t, "no source", got["e"], [2]string{TileError, `The sheet image "e"'s static file "nowhere" has no source (a URL or an S3 object).`})
	wantEq(t, "taken ids", s.Notes, []string{`The sheet image "a" is not shown: another element of the sheet has its id.`, `The sheet image "tb" is not shown: another element of the sheet has its id.`})
	if !s.Tiles[1].SheetImage || s.Tiles[5].SheetImage {
		t.Error("sheet images are not marked apart from the text box")
	}
	a := s.Tiles[1]
	wantEq(t, "image", [4]any{a.Kind, a.Content.URL, a.Content.Scaling, a.Content.AltText}, [4]any{TileContent, "https://example.com/logo.png", "fit-to-width", "Logo"})
	wantEq(t, "style", a.Style, "grid-column: 1 / span 6; grid-row: 1 / span 4")
	wantEq(t, "s3", got["b"], [2]string{TileUnsupported, `The sheet image "b" is the S3 object s3://b/k.png; Sightglass shows images from https URLs only.`})
	wantEq(t, "http", got["c"], [2]string{TileUnsupported, `Sheet images are shown only from an https URL or a path on this server; the image "c"'s URL is neither.`})
	wantEq(t, "undeclared", got["d"], [2]string{TileError, `The sheet image "d" names the static file "none", which the definition's StaticFiles do not declare as an image.`})
}
