package console

import (
	"fmt"
	"testing"
)

func TestEditHistory(t *testing.T) {
	var h editHistory
	if _, ok := h.top("s", "a", true); ok {
		t.Fatal("a new editor has something to undo")
	}
	for i := range historyDepth + 5 {
		h.changed("s", "a", []byte(fmt.Sprint(i)))
	}
	st := h.get("s", "a")
	if len(st.undo) != historyDepth || string(st.undo[0]) != "5" || string(st.undo[historyDepth-1]) != fmt.Sprint(historyDepth+4) {
		t.Fatalf("undo stack keeps %d, from %s", len(st.undo), st.undo[0])
	}
	// Undo: the top goes back, what it replaced becomes redoable.
	top, _ := h.top("s", "a", true)
	h.moved("s", "a", true, []byte("now"))
	if r, _ := h.top("s", "a", false); string(r) != "now" {
		t.Fatalf("redo top %q", r)
	}
	if u, _ := h.top("s", "a", true); string(u) == string(top) {
		t.Fatal("the undone definition is still on the undo stack")
	}
	// A new change forgets the redo stack; other editors are apart.
	h.changed("s", "a", []byte("x"))
	if _, ok := h.top("s", "a", false); ok {
		t.Fatal("redo survives a new change")
	}
	if _, ok := h.top("s", "b", true); ok {
		t.Fatal("editors share a history")
	}
	// A move on an emptied stack does not panic.
	var e editHistory
	e.moved("s", "a", true, []byte("y"))
	// Bounded in editors.
	for i := range historyEditors + 1 {
		e.changed("s", fmt.Sprint(i), []byte("z"))
	}
	if len(e.m) > historyEditors {
		t.Fatalf("%d editors kept", len(e.m))
	}
	// Bounded in bytes.
	var big editHistory
	def := make([]byte, 1<<20)
	for i := range 100 {
		big.changed("s", fmt.Sprint(i%3), def)
	}
	if big.bytes > historyBytes {
		t.Fatalf("%d bytes kept", big.bytes)
	}
	total := 0
	for _, st := range big.m {
		for _, l := range [][][]byte{st.undo, st.redo} {
			for _, d := range l {
				total += len(d)
			}
		}
	}
	if total != big.bytes {
		t.Fatalf("counted %d bytes, holds %d", big.bytes, total)
	}
}
