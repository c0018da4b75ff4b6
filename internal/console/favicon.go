package console

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/color"
	"image/png"
	"net/http"
	"strconv"
	"sync"
)

// The console's icon: a sight glass (a ring with a level line) drawn once
// at 32×32 and served as /favicon.ico, an ICO file holding one PNG image,
// which every browser reads. It needs no session: browsers ask every
// frame's origin for it.

var faviconOnce = sync.OnceValue(func() []byte {
	const n = 32
	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	ink := color.NRGBA{0x1f, 0x6f, 0xb2, 0xff}
	fill := color.NRGBA{0x5d, 0xb0, 0xe8, 0xff}
	for y := range n {
		for x := range n {
			dx, dy := float64(x)-15.5, float64(y)-15.5
			r2 := dx*dx + dy*dy
			switch {
			case r2 <= 15.5*15.5 && r2 >= 12*12:
				img.SetNRGBA(x, y, ink) // the ring
			case r2 < 12*12 && y >= 17:
				img.SetNRGBA(x, y, fill) // the level
			case r2 < 12*12 && y == 16:
				img.SetNRGBA(x, y, ink)
			}
		}
	}
	var p bytes.Buffer
	_ = png.Encode(&p, img)
	var b bytes.Buffer
	le := binary.LittleEndian
	_ = binary.Write(&b, le, [3]uint16{0, 1, 1}) // reserved, type icon, one image
	b.Write([]byte{n, n, 0, 0})                  // width, height, no palette, reserved
	_ = binary.Write(&b, le, [2]uint16{1, 32})   // planes, bits per pixel
	_ = binary.Write(&b, le, [2]uint32{uint32(p.Len()), 6 + 16})
	b.Write(p.Bytes())
	return b.Bytes()
})

// handleFavicon answers the browser's /favicon.ico without a session.
func (c *Console) handleFavicon(w http.ResponseWriter, r *http.Request) {
	ico := faviconOnce()
	h := w.Header()
	h.Set("Content-Type", "image/x-icon")
	h.Set("Content-Length", strconv.Itoa(len(ico)))
	h.Set("Cache-Control", "public, max-age=86400")
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(ico)
	}
}
