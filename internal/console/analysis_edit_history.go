package console

import (
	"context"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
)

// The editor's undo and redo stacks: the definitions before (undo) and
// after (redo) the author's changes, per session and analysis, kept in the
// store (app.EditStacks) so that any node of a cluster serves an undo and
// a restart loses none. A stack keeps its last app.EditStackDepth
// definitions; the stacks go with the session and with the analysis.

func historyKey(s *signedIn, id string) sg.EditStackKey {
	return sg.EditStackKey{SessionID: s.Session.ID, AccountID: s.User.AccountID, AnalysisID: id}
}

// historyChanged records a change from before: it can be undone, and
// what was undone can no longer be redone.
func (c *Console) historyChanged(ctx context.Context, k sg.EditStackKey, before []byte) error {
	st := c.app.EditStacks()
	if err := st.PushEdit(ctx, k, sg.UndoStack, before, app.EditStackDepth); err != nil {
		return err
	}
	return st.ClearEdits(ctx, k, sg.RedoStack)
}

// historyMoved records an undo (from undo to redo) or a redo (the
// reverse): the definition now saved was the top of its stack, and before
// is what it replaced.
func (c *Console) historyMoved(ctx context.Context, k sg.EditStackKey, isUndo bool, before []byte) error {
	from, to := sg.RedoStack, sg.UndoStack
	if isUndo {
		from, to = sg.UndoStack, sg.RedoStack
	}
	st := c.app.EditStacks()
	if err := st.PopEdit(ctx, k, from); err != nil {
		return err
	}
	return st.PushEdit(ctx, k, to, before, app.EditStackDepth)
}

// historyTop returns the definition an undo or redo would restore, and
// false when there is none.
func (c *Console) historyTop(ctx context.Context, k sg.EditStackKey, isUndo bool) ([]byte, bool, error) {
	stack := sg.RedoStack
	if isUndo {
		stack = sg.UndoStack
	}
	def, err := c.app.EditStacks().PeekEdit(ctx, k, stack)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, false, nil
	}
	return def, err == nil, err
}
