package viewer

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/staticfile"
)

// SetStaticFiles sets where the view reads the static files a definition
// names (a layer map's GeoJSON files); without it, a layer map says that
// it cannot read them.
func (v *View) SetStaticFiles(r *staticfile.Reader) { v.staticFiles = r }

// layerRowLimit bounds the keys one joined layer reads.
const layerRowLimit = 20000

// maxLayers bounds the visible layers of one layer map.
const maxLayers = 10

// layerMapTime bounds the time one layer map takes to read its files.
const layerMapTime = 30 * time.Second

// maxLayerGeoJSON bounds the shapes a layer map sends to the browser (its
// GeoJSON, in bytes).
const maxLayerGeoJSON = 8 << 20

// drawnLayer is one visible layer of a layer map, ready to draw.
type drawnLayer struct {
	item   *definition.GeospatialLayerItem
	label  string
	hash   string // its file's SHA-256
	shapes *layerShapes
	// joined: the layer's shapes are matched to the dataset's rows by key;
	// values is each key's value to color by, tips its tooltip text.
	joined bool
	values map[string]layerValue
	tips   map[string]string
	// missed are the keys of rows no shape of the file has.
	missed []string
	rows   int
	// unlisted are the values with no color among the layer's
	// categorical colors, in the order met (drawn in the default color).
	unlisted     []string
	unlistedSeen map[string]bool
	// color is the field a joined layer is colored by (its legend's
	// title and number format); nil for none.
	color *field
}

// layerMapTile draws a layer map: each visible layer's shapes, from the
// GeoJSON file its static file names (read through the server's
// static-file reader), joined to the dataset by key when the layer says
// so and colored by its style. What cannot be read or drawn refuses the
// visual by name; rows whose key no shape has are counted in its note.
func (v *View) layerMapTile(ctx context.Context, t *Tile, vis *definition.Visual, sheetID string, run Runner) {
	lm := vis.LayerMapVisual
	if lm.ChartConfiguration == nil || len(lm.ChartConfiguration.MapLayers) == 0 {
		t.Kind, t.Message = TileEmpty, "This layer map has no layers yet."
		return
	}
	var drawn []*drawnLayer
	visible := 0
	for _, l := range lm.ChartConfiguration.MapLayers {
		if l.Visibility != "HIDDEN" {
			visible++
		}
	}
	if visible > maxLayers {
		t.Kind, t.Message = TileUnsupported, "Layer map cannot be drawn: it shows "+strconv.Itoa(visible)+" layers, more than the "+strconv.Itoa(maxLayers)+" Sightglass draws in one visual."
		return
	}
	ctx, cancel := context.WithTimeout(ctx, layerMapTime)
	defer cancel()
	for i := range lm.ChartConfiguration.MapLayers {
		l := &lm.ChartConfiguration.MapLayers[i]
		if l.Visibility == "HIDDEN" {
			continue
		}
		d, kind, msg := v.layer(ctx, lm, l, i, sheetID, vis.VisualID, run)
		if msg != "" {
			t.Kind, t.Message = kind, msg
			return
		}
		drawn = append(drawn, d)
	}
	if len(drawn) == 0 {
		t.Kind, t.Message = TileEmpty, "Every layer of this layer map is hidden."
		return
	}
	opt, geo, why := layerMapOption(lm, drawn)
	if why != "" {
		t.Kind, t.Message = TileUnsupported, "Layer map cannot be drawn: "+why+"."
		return
	}
	v.applyTheme(opt)
	b, err := json.Marshal(opt)
	if err == nil {
		var ok bool
		if b, ok = withShapes(b, geo); !ok {
			err = errors.New("no sgMap")
		}
	}
	switch {
	case err != nil:
		t.Kind, t.Message = TileError, "This layer map could not be drawn."
		return
	case len(b) > 2*maxLayerGeoJSON:
		t.Kind, t.Message = TileUnsupported, "Layer map cannot be drawn: its shapes, their styles and tooltips take more than "+strconv.Itoa(2*maxLayerGeoJSON>>20)+" MiB, more than Sightglass sends to a browser."
		return
	}
	var notes []string
	for _, d := range drawn {
		if n := unplacedNote("values matched no shape of the layer "+strconv.Quote(d.label), d.missed, d.rows); n != "" {
			notes = append(notes, n)
		}
		if len(d.unlisted) > 0 {
			named := d.unlisted[:min(len(d.unlisted), maxNamed)]
			more := ""
			if len(d.unlisted) > maxNamed {
				more = " and " + strconv.Itoa(len(d.unlisted)-maxNamed) + " more"
			}
			notes = append(notes, "The layer "+strconv.Quote(d.label)+" has no categorical color for "+strings.Join(named, ", ")+more+": drawn in its default color.")
		}
	}
	if n := baseMapOf(lm.ChartConfiguration).note; n != "" {
		notes = append(notes, n)
	}
	t.Kind, t.Chart, t.Message = TileChart, string(b), strings.Join(notes, " ")
}

// layer reads one layer's file and, for a joined layer, its rows; a
// non-empty message refuses the visual (of kind).
func (v *View) layer(ctx context.Context, lm *definition.LayerMapVisual, l *definition.GeospatialLayerItem, index int, sheetID, visualID string, run Runner) (*drawnLayer, string, string) {
	d := &drawnLayer{item: l, label: l.Label}
	if d.label == "" {
		d.label = l.LayerId
	}
	if d.label == "" {
		d.label = "layer " + strconv.Itoa(index+1)
	}
	refuse := func(why string) (*drawnLayer, string, string) {
		return nil, TileUnsupported, "Layer map cannot be drawn: the layer " + strconv.Quote(d.label) + " " + why + "."
	}
	if l.DataSource == nil || l.DataSource.StaticFileDataSource == nil {
		return refuse("names no static file")
	}
	id := l.DataSource.StaticFileDataSource.StaticFileId
	sf, ok := v.def.SpatialStaticFile(id)
	if !ok {
		return nil, TileError, "The layer " + strconv.Quote(d.label) + " names the static file " + strconv.Quote(id) + ", which the definition's StaticFiles do not declare as a spatial file."
	}
	f, err := v.staticFiles.Read(ctx, staticfile.Source{URL: sf.URL, Bucket: sf.Bucket, Key: sf.Key})
	if err != nil {
		return refuse("cannot read its file " + strconv.Quote(id) + ": " + err.Error())
	}
	j := l.JoinDefinition
	shapeKey := ""
	if j != nil {
		shapeKey = j.ShapeKeyField
	}
	if d.shapes, err = cachedLayerShapes(f.Hash, f.Body, shapeKey); err != nil {
		return refuse("cannot draw its file " + strconv.Quote(id) + ": " + err.Error())
	}
	d.hash = f.Hash
	if j == nil || j.DatasetKeyField == nil {
		if c := colorFieldOf(j); c != nil && (len(c.ColorDimensionsFields) > 0 || len(c.ColorValuesFields) > 0) {
			return refuse("is colored by a field but joined to no dataset key")
		}
		return d, "", ""
	}
	if shapeKey == "" {
		return refuse("joins a dataset key to no shape property (ShapeKeyField)")
	}
	if why, err := v.joinLayer(ctx, d, lm, j, sheetID, visualID, run); why != "" || err != nil {
		if err != nil {
			kind, msg := tileOfError(err)
			return nil, kind, msg
		}
		return refuse(why)
	}
	return d, "", ""
}

func colorFieldOf(j *definition.GeospatialLayerJoinDefinition) *definition.GeospatialLayerColorField {
	if j == nil {
		return nil
	}
	return j.ColorField
}
