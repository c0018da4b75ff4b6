package console

import (
	"bytes"
	"context"
	"fmt"
	"html/template"
	"io"
	"net/http"

	"github.com/sightglass/sightglass/internal/viewer"
)

// streamMark stands in a streamed viewer page for its sheet's tiles. The
// templates escape every text they are given, so no data can write it.
const streamMark template.HTML = "<!--sightglass:tiles-->"

// streamViewerPage writes a dashboard or analysis page whose sheet is
// still being computed (d.Viewer.Streaming): the page up to the sheet's
// grid as soon as the controls are known, then each tile, in layout
// order, as soon as it and those before it are computed, then the rest.
// The browser draws the first tiles (and fetches the page's script) while
// the slower visuals are computed, instead of waiting for the slowest.
//
// Nothing is written before the page's template has run, so a template
// error is still a clean 500; once the first bytes are sent, an error
// (the reader gone, a tile's template failing) can only end the page.
func (c *Console) streamViewerPage(ctx context.Context, w http.ResponseWriter, d *pageData) error {
	vd := d.Viewer
	pending := vd.pending
	select {
	case <-pending.ControlsReady():
	case <-ctx.Done():
		return nil // the reader is gone: nothing to answer
	}
	t, ok := c.pages.byName["resource"]
	if !ok {
		return fmt.Errorf("no page %q", "resource")
	}
	var page bytes.Buffer
	if err := t.ExecuteTemplate(&page, "layout", d); err != nil {
		return err
	}
	head, tail, found := bytes.Cut(page.Bytes(), []byte(streamMark))
	if !found {
		// No grid (a sheet without tiles): the page as a whole.
		pending.Wait()
		vd.pending = nil
		return c.pages.render(w, http.StatusOK, "resource", "layout", d)
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusOK)
	out := http.NewResponseController(w)
	if _, err := w.Write(head); err != nil {
		return nil // the reader is gone
	}
	_ = out.Flush()
	tiles := vd.Sheet.Tiles
	render := func(i int, buf *bytes.Buffer) {
		err := t.ExecuteTemplate(buf, "tile", tiles[i])
		if err == nil {
			return
		}
		// Never seen: the tile drawn whole would be a 500. Here the page
		// is under way, so the tile says it could not be shown.
		c.log.Error("rendering a streamed tile", "tile", tiles[i].ID, "err", err)
		failed := viewer.Tile{ID: tiles[i].ID, Title: tiles[i].Title, Kind: viewer.TileError, VisualKind: tiles[i].VisualKind, Style: tiles[i].Style,
			Message: "This visual could not be shown."}
		buf.Reset()
		if t.ExecuteTemplate(buf, "tile", &failed) != nil {
			buf.Reset()
			fmt.Fprintf(buf, `<section class="tile tile-error" id="v-%s" data-visual-id="%s" style="%s"><div class="notice error" role="alert"><p>%s</p></div></section>`,
				template.HTMLEscapeString(failed.ID), template.HTMLEscapeString(failed.ID), template.HTMLEscapeString(failed.Style), failed.Message)
		}
	}
	if writeInOrder(ctx, w, out.Flush, len(tiles), pending.Ready, render) {
		_, _ = w.Write(tail)
	}
	return nil
}

// writeInOrder writes n parts in order, part i once ready(i) is closed,
// flushing whenever the next part is not ready yet (the parts that are
// ready go out together). It reports whether all were written: not if ctx
// ended or a write failed (the reader is gone).
func writeInOrder(ctx context.Context, w io.Writer, flush func() error, n int, ready func(int) <-chan struct{}, render func(int, *bytes.Buffer)) bool {
	var part bytes.Buffer
	for i := range n {
		select {
		case <-ready(i):
		case <-ctx.Done():
			return false
		}
		part.Reset()
		render(i, &part)
		if _, err := w.Write(part.Bytes()); err != nil {
			return false
		}
		if i+1 < n && !isClosed(ready(i+1)) {
			_ = flush()
		}
	}
	return true
}

// isClosed reports whether ch is closed, without waiting.
func isClosed(ch <-chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}
