package viewer

import (
	"context"
	"slices"
	"sync"

	"github.com/sightglass/sightglass/internal/definition"
)

// Pending is a sheet whose visuals are being computed. Its tiles, in
// layout order, are known at once; each is filled in when its visual's
// questions are answered, so a page can send the tiles as they come
// instead of waiting for the slowest.
type Pending struct {
	sheet    *Sheet
	ready    []chan struct{} // one per tile of sheet.Tiles, closed once it is filled
	controls chan struct{}   // closed once sheet.Controls is set
	done     chan struct{}   // closed once every tile and the controls are
}

// StartSheet starts computing a sheet (sheetID "" is the first) as
// RenderSheet does, and returns at once; nil if there is no such sheet.
// Computing stops when ctx ends (the unfinished tiles then say so).
func (v *View) StartSheet(ctx context.Context, sheetID string, run Runner, parallel int) *Pending {
	return v.start(ctx, sheetID, nil, run, parallel)
}

// Sheet returns the sheet being computed: its identity, theme, notes and
// tiles' places may be read at once, its controls once ControlsReady is
// closed, and tile i's content once Ready(i) is.
func (p *Pending) Sheet() *Sheet { return p.sheet }

// Ready is closed once tile i of Sheet().Tiles is filled.
func (p *Pending) Ready(i int) <-chan struct{} { return p.ready[i] }

// ControlsReady is closed once Sheet().Controls is set.
func (p *Pending) ControlsReady() <-chan struct{} { return p.controls }

// Wait returns the sheet once everything in it is computed.
func (p *Pending) Wait() *Sheet {
	<-p.done
	return p.sheet
}

// start lays a sheet out (or, with only not nil, just those visuals) and
// starts computing its controls and visuals, at most parallel visuals at
// a time (0: DefaultParallel), in layout order.
func (v *View) start(ctx context.Context, sheetID string, only []string, run Runner, parallel int) *Pending {
	s := v.sheet(sheetID)
	if s == nil {
		return nil
	}
	if parallel <= 0 {
		parallel = DefaultParallel
	}
	out := &Sheet{ID: s.SheetId, Name: s.Name, Theme: v.theme}
	p := &Pending{sheet: out, controls: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(p.controls)
		defer func() {
			if r := recover(); r != nil {
				// A defect of the viewer's: the sheet is drawn without
				// its controls, and the server goes on.
				out.Controls = nil
			}
		}()
		if only == nil {
			out.Controls = v.controls(ctx, s, run)
		}
	}()
	place := placements(s)
	unreadDefaults := v.unreadDefaults(s)
	shared := v.shareQuestions(s, only).runner(run)
	visualOf := map[*Tile]*definition.Visual{} // the tiles to compute
	for i := range s.Visuals {
		vis := &s.Visuals[i]
		if only != nil && !slices.Contains(only, vis.VisualID) || place.hidden[vis.VisualID] {
			continue
		}
		title, subtitle := v.tileTitle(vis), v.visualSubtitle(vis)
		t := &Tile{ID: vis.VisualID, Title: title.plain, TitleHTML: title.rich, Subtitle: subtitle.plain, SubtitleHTML: subtitle.rich,
			VisualKind: vis.Kind, KindLabel: kindLabel(vis.Kind), Style: place.style(vis.VisualID)}
		out.Tiles = append(out.Tiles, t)
		switch vis.Kind {
		case "CustomContentVisual":
			contentTile(t, vis.Raw, v.parameterTexts(","))
			continue
		case "EmptyVisual":
			t.Kind, t.Message = TileEmpty, ""
			continue
		case "InsightVisual":
			if insightEmpty(vis.Raw) {
				t.Kind, t.Message = TileEmpty, "This insight has no computations yet."
				continue
			}
		}
		if !vis.Supported() && vis.Kind != "InsightVisual" {
			t.Kind, t.Message = TileUnsupported, unsupportedKind(vis)
			continue
		}
		if msg, blocked := unreadDefaults[vis.VisualID]; blocked {
			t.Kind, t.Message = TileUnsupported, msg
			continue
		}
		visualOf[t] = vis
	}
	var imageNotes []string
	if only == nil {
		var images []*Tile
		images, imageNotes = v.sheetImages(s)
		for _, img := range images {
			if !place.hidden[img.ID] {
				img.Style = place.style(img.ID)
				out.Tiles = append(out.Tiles, img)
			}
		}
	}
	for _, tb := range s.TextBoxes {
		if only != nil {
			break
		}
		if place.hidden[tb.SheetTextBoxId] {
			continue
		}
		text := v.formatText("", tb.Content)
		out.Tiles = append(out.Tiles, &Tile{ID: tb.SheetTextBoxId, Kind: TileText, Text: text.plain, TextHTML: text.rich, Style: place.style(tb.SheetTextBoxId)})
	}
	if only == nil {
		out.Notes = append(place.notes(), imageNotes...)
	}
	place.order(out.Tiles)
	p.ready = make([]chan struct{}, len(out.Tiles))
	var todo []int // indexes of the tiles to compute, in layout order
	for i, t := range out.Tiles {
		p.ready[i] = make(chan struct{})
		if visualOf[t] == nil {
			close(p.ready[i])
		} else {
			todo = append(todo, i)
		}
	}
	go func() {
		defer close(p.done)
		sem := make(chan struct{}, parallel)
		var wg sync.WaitGroup
		for _, i := range todo {
			t := out.Tiles[i]
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer wg.Done()
				defer func() { <-sem }()
				defer close(p.ready[i])
				defer func() {
					if r := recover(); r != nil {
						// A defect of the viewer's: this tile says so, the
						// rest of the sheet and the server go on.
						t.Kind, t.Message, t.Chart = TileError, "This visual could not be drawn: Sightglass failed while computing it.", ""
					}
				}()
				v.computeTile(ctx, t, visualOf[t], s.SheetId, shared)
			}()
		}
		wg.Wait()
		<-p.controls
	}()
	return p
}
