package viewer

import (
	"encoding/json"
	"strconv"
	"strings"

	"github.com/sightglass/sightglass/internal/definition"
)

// sheetImage is the part of a SheetImage the viewer reads.
type sheetImage struct {
	SheetImageId string
	Source       *struct {
		SheetImageStaticFileSource *struct{ StaticFileId string }
	}
	Scaling *struct {
		ScalingType string // SCALE_TO_WIDTH, SCALE_TO_HEIGHT, SCALE_TO_CONTAINER, SCALE_NONE
	}
	ImageContentAltText string
}

// imageScaling is a SheetImage's ScalingType as a content image's CSS
// class suffix.
var imageScaling = map[string]string{
	"SCALE_TO_WIDTH":  "fit-to-width",
	"SCALE_TO_HEIGHT": "fit-to-height",
	"SCALE_NONE":      "do-not-scale",
}

// sheetImages are the tiles of a sheet's images (its Images): each shows
// the image its static file names, loaded by the browser from an https
// URL or a path on this server, as a custom content image is. An image
// Sightglass cannot show (an S3 object, an http URL, a static file the
// definition does not declare) is a tile that says which and why. An
// image whose id another image or a visual of the sheet already has is
// left out, and the sheet's notes name it.
func (v *View) sheetImages(s *definition.SheetDefinition) (tiles []*Tile, notes []string) {
	var images []sheetImage
	if len(s.Images) == 0 || json.Unmarshal(s.Images, &images) != nil {
		return nil, nil
	}
	taken := map[string]bool{}
	for _, vis := range s.Visuals {
		taken[vis.VisualID] = true
	}
	for _, tb := range s.TextBoxes {
		taken[tb.SheetTextBoxId] = true
	}
	out := make([]*Tile, 0, len(images))
	for _, img := range images {
		if img.SheetImageId == "" {
			continue
		}
		if taken[img.SheetImageId] {
			notes = append(notes, "The sheet image "+strconv.Quote(img.SheetImageId)+" is not shown: another element of the sheet has its id.")
			continue
		}
		taken[img.SheetImageId] = true
		t := &Tile{ID: img.SheetImageId, KindLabel: "Image", SheetImage: true}
		out = append(out, t)
		id := ""
		if img.Source != nil && img.Source.SheetImageStaticFileSource != nil {
			id = img.Source.SheetImageStaticFileSource.StaticFileId
		}
		f, ok := v.def.ImageStaticFile(id)
		switch {
		case !ok:
			t.Kind, t.Message = TileError, "The sheet image "+strconv.Quote(img.SheetImageId)+" names the static file "+strconv.Quote(id)+", which the definition's StaticFiles do not declare as an image."
		case f.URL == "" && f.Bucket == "":
			t.Kind, t.Message = TileError, "The sheet image "+strconv.Quote(img.SheetImageId)+"'s static file "+strconv.Quote(id)+" has no source (a URL or an S3 object)."
		case f.URL == "":
			t.Kind, t.Message = TileUnsupported, "The sheet image "+strconv.Quote(img.SheetImageId)+" is the S3 object s3://"+f.Bucket+"/"+f.Key+"; Sightglass shows images from https URLs only."
		case !contentURL(f.URL):
			t.Kind, t.Message = TileUnsupported, "Sheet images are shown only from an https URL or a path on this server; the image "+strconv.Quote(img.SheetImageId)+"'s URL is neither."
		default:
			scaling := "scale-to-visual"
			if img.Scaling != nil && imageScaling[img.Scaling.ScalingType] != "" {
				scaling = imageScaling[img.Scaling.ScalingType]
			}
			t.Kind, t.Content = TileContent, &Content{URL: f.URL, Image: true, Scaling: scaling, AltText: strings.TrimSpace(img.ImageContentAltText)}
		}
	}
	return out, notes
}
