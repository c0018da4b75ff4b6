package authoring

import (
	"encoding/json"
	"strconv"
)

// Tile is a visual's place on a sheet's grid layout of GridColumns
// columns: its first column and row (0-based) and how many it spans.
type Tile struct {
	Column, Row, ColumnSpan, RowSpan int
}

// Bounds of a grid layout element in QuickSight's model.
const (
	GridColumns = 36
	MaxRowIndex = 9009
	MaxRowSpan  = 21
)

// check refuses a tile QuickSight's model would refuse, in words.
func (t Tile) check() error {
	switch {
	case t.ColumnSpan < 1 || t.ColumnSpan > GridColumns:
		return editErr("a tile spans 1 to %d columns, not %d", GridColumns, t.ColumnSpan)
	case t.RowSpan < 1 || t.RowSpan > MaxRowSpan:
		return editErr("a tile spans 1 to %d rows, not %d", MaxRowSpan, t.RowSpan)
	case t.Column < 0 || t.Column+t.ColumnSpan > GridColumns:
		return editErr("a tile of %d columns starts at column 0 to %d, not %d", t.ColumnSpan, GridColumns-t.ColumnSpan, t.Column)
	case t.Row < 0 || t.Row > MaxRowIndex:
		return editErr("a tile starts at row 0 to %d, not %d", MaxRowIndex, t.Row)
	}
	return nil
}

// SetTile places and sizes a visual's tile in its sheet's grid layout
// (the element's ColumnIndex, RowIndex, ColumnSpan and RowSpan), adding
// the element, or the grid layout, when the sheet has none.
func SetTile(raw []byte, visualID string, t Tile) ([]byte, error) {
	if err := t.check(); err != nil {
		return nil, err
	}
	d, err := decode(raw)
	if err != nil {
		return nil, err
	}
	r, err := findVisual(d, visualID)
	if err != nil {
		return nil, err
	}
	g, ok := gridElements(r.sheet)
	if !ok {
		if len(list(r.sheet, "Layouts")) > 0 {
			return nil, editErr("the sheet is laid out freely or in sections; the editor places tiles only on a grid layout")
		}
		g = obj{"Elements": []any{}}
		r.sheet["Layouts"] = []any{obj{"Configuration": obj{"GridLayout": g}}}
	}
	var e obj
	for _, el := range list(g, "Elements") {
		if eo, _ := el.(obj); eo["ElementId"] == visualID {
			e = eo
		}
	}
	if e == nil {
		e = obj{"ElementId": visualID, "ElementType": "VISUAL"}
		g["Elements"] = append(list(g, "Elements"), e)
	}
	num := func(n int) json.Number { return json.Number(strconv.Itoa(n)) }
	e["ColumnIndex"], e["RowIndex"] = num(t.Column), num(t.Row)
	e["ColumnSpan"], e["RowSpan"] = num(t.ColumnSpan), num(t.RowSpan)
	return encode(d)
}

// TileOf returns a visual's tile as its sheet's grid layout has it; a
// member the element leaves out reads as the viewer draws it (18 columns
// by 12 rows, placed in order), with Column and Row -1 when not set.
func TileOf(raw []byte, visualID string) (Tile, error) {
	d, err := decode(raw)
	if err != nil {
		return Tile{}, err
	}
	r, err := findVisual(d, visualID)
	if err != nil {
		return Tile{}, err
	}
	t := Tile{Column: -1, Row: -1, ColumnSpan: tileColumns, RowSpan: tileRows}
	g, ok := gridElements(r.sheet)
	if !ok {
		return t, nil
	}
	for _, el := range list(g, "Elements") {
		eo, _ := el.(obj)
		if eo["ElementId"] != visualID {
			continue
		}
		read := func(key string, into *int) {
			if n, ok := eo[key].(json.Number); ok {
				if v, err := n.Int64(); err == nil {
					*into = int(v)
				}
			}
		}
		read("ColumnIndex", &t.Column)
		read("RowIndex", &t.Row)
		read("ColumnSpan", &t.ColumnSpan)
		read("RowSpan", &t.RowSpan)
	}
	return t, nil
}
