package console

import "sync"

// editHistory keeps each editor's undo and redo stacks: the definitions
// before (undo) and after (redo) the author's changes, per embed session
// and analysis, in this process's memory. A stack keeps its last
// historyDepth definitions; the whole history holds at most historyEditors
// editors and historyBytes of definitions, and is emptied when it would
// hold more (losing only the chance to undo).
type editHistory struct {
	mu    sync.Mutex
	m     map[string]*editStacks
	bytes int
}

type editStacks struct {
	undo, redo [][]byte
}

const (
	historyDepth   = 30
	historyEditors = 1000
	historyBytes   = 64 << 20
)

func historyKey(sid, id string) string { return sid + "/" + id }

// get returns a copy of an editor's stacks.
func (h *editHistory) get(sid, id string) editStacks {
	h.mu.Lock()
	defer h.mu.Unlock()
	if s := h.m[historyKey(sid, id)]; s != nil {
		return *s
	}
	return editStacks{}
}

// changed records a change from before: it can be undone, and what was
// undone can no longer be redone.
func (h *editHistory) changed(sid, id string, before []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	s := h.stacks(sid, id, len(before))
	s.undo = h.push(s.undo, before)
	h.drop(s.redo)
	s.redo = nil
}

// moved records an undo (from undo to redo) or a redo (the reverse):
// the definition now saved was the top of its stack, and before is what
// it replaced.
func (h *editHistory) moved(sid, id string, isUndo bool, before []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	s := h.stacks(sid, id, len(before))
	if isUndo {
		s.undo = h.pop(s.undo)
		s.redo = h.push(s.redo, before)
	} else {
		s.redo = h.pop(s.redo)
		s.undo = h.push(s.undo, before)
	}
}

// top returns the definition an undo or redo would restore.
func (h *editHistory) top(sid, id string, isUndo bool) ([]byte, bool) {
	s := h.get(sid, id)
	l := s.redo
	if isUndo {
		l = s.undo
	}
	if len(l) == 0 {
		return nil, false
	}
	return l[len(l)-1], true
}

// stacks returns an editor's stacks, emptying the history first when a
// new editor or adding bytes would pass its bounds.
func (h *editHistory) stacks(sid, id string, adding int) *editStacks {
	key := historyKey(sid, id)
	if h.m == nil || len(h.m) >= historyEditors && h.m[key] == nil || h.bytes+adding > historyBytes {
		h.m, h.bytes = map[string]*editStacks{}, 0
	}
	s := h.m[key]
	if s == nil {
		s = &editStacks{}
		h.m[key] = s
	}
	return s
}

func (h *editHistory) push(l [][]byte, def []byte) [][]byte {
	if len(l) >= historyDepth {
		h.drop(l[:len(l)-historyDepth+1])
		l = append(l[:0:0], l[len(l)-historyDepth+1:]...)
	}
	h.bytes += len(def)
	return append(l, def)
}

func (h *editHistory) pop(l [][]byte) [][]byte {
	if len(l) == 0 {
		return l
	}
	h.drop(l[len(l)-1:])
	return l[:len(l)-1]
}

func (h *editHistory) drop(l [][]byte) {
	for _, d := range l {
		h.bytes -= len(d)
	}
}
