package console

import "sync"

// editHistory keeps each editor's undo and redo stacks: the definitions
// before (undo) and after (redo) the author's changes, per embed session
// and analysis, in this process's memory. A stack keeps its last
// historyDepth definitions; the whole history at most historyEditors
// editors (it is emptied when full, losing only the chance to undo).
type editHistory struct {
	mu sync.Mutex
	m  map[string]*editStacks
}

type editStacks struct {
	undo, redo [][]byte
}

const (
	historyDepth   = 30
	historyEditors = 1000
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
	s := h.stacks(sid, id)
	s.undo = push(s.undo, before)
	s.redo = nil
}

// moved records an undo (from undo to redo) or a redo (the reverse):
// the definition now saved was the top of from, and before is what it
// replaced.
func (h *editHistory) moved(sid, id string, isUndo bool, before []byte) {
	h.mu.Lock()
	defer h.mu.Unlock()
	s := h.stacks(sid, id)
	if isUndo {
		s.undo = pop(s.undo)
		s.redo = push(s.redo, before)
	} else {
		s.redo = pop(s.redo)
		s.undo = push(s.undo, before)
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

func (h *editHistory) stacks(sid, id string) *editStacks {
	if h.m == nil || len(h.m) >= historyEditors && h.m[historyKey(sid, id)] == nil {
		h.m = map[string]*editStacks{}
	}
	s := h.m[historyKey(sid, id)]
	if s == nil {
		s = &editStacks{}
		h.m[historyKey(sid, id)] = s
	}
	return s
}

func push(l [][]byte, def []byte) [][]byte {
	if len(l) >= historyDepth {
		l = append(l[:0:0], l[len(l)-historyDepth+1:]...)
	}
	return append(l, def)
}

func pop(l [][]byte) [][]byte {
	if len(l) == 0 {
		return l
	}
	return l[:len(l)-1]
}
