package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const editStackWhere = `session_id = ? AND account_id = ? AND analysis_id = ? AND stack = ?`

func editStackArgs(k sg.EditStackKey, stack string) []any {
	return []any{k.SessionID, k.AccountID, k.AnalysisID, stack}
}

// PushEdit puts def on top of the stack, keeping its newest depth entries.
func (s *Store) PushEdit(ctx context.Context, k sg.EditStackKey, stack string, def json.RawMessage, depth int) error {
	err := s.writeTx(ctx, []string{
		`SELECT coalesce(max(position), 0) FROM analysis_edit_stacks WHERE ` + editStackWhere,
		`INSERT INTO analysis_edit_stacks (session_id, account_id, analysis_id, stack, position, definition) VALUES (?, ?, ?, ?, ?, ?)`,
		`DELETE FROM analysis_edit_stacks WHERE ` + editStackWhere + ` AND position <= ?`,
	}, func(st []*sql.Stmt) error {
		var top int64
		if err := st[0].QueryRowContext(ctx, editStackArgs(k, stack)...).Scan(&top); err != nil {
			return err
		}
		if _, err := st[1].ExecContext(ctx, append(editStackArgs(k, stack), top+1, string(def))...); err != nil {
			return err
		}
		_, err := st[2].ExecContext(ctx, append(editStackArgs(k, stack), top+1-int64(max(depth, 1)))...)
		return err
	})
	return normalize("push edit", err, sqlkit.Meaning{})
}

// PeekEdit returns ENOTFOUND when the stack is empty.
func (s *Store) PeekEdit(ctx context.Context, k sg.EditStackKey, stack string) (json.RawMessage, error) {
	var def string
	err := s.rs.queryRow(ctx, `SELECT definition FROM analysis_edit_stacks WHERE `+editStackWhere+`
		ORDER BY position DESC LIMIT 1`, editStackArgs(k, stack)...).Scan(&def)
	if err != nil {
		return nil, normalize("peek edit", err, sqlkit.Meaning{Missing: sqlkit.EditStackEmpty(stack)})
	}
	return json.RawMessage(def), nil
}

// PopEdit removes the top of the stack.
func (s *Store) PopEdit(ctx context.Context, k sg.EditStackKey, stack string) error {
	_, err := s.ws.exec(ctx, `DELETE FROM analysis_edit_stacks WHERE `+editStackWhere+` AND position =
		(SELECT max(position) FROM analysis_edit_stacks WHERE `+editStackWhere+`)`, append(editStackArgs(k, stack), editStackArgs(k, stack)...)...)
	return normalize("pop edit", err, sqlkit.Meaning{})
}

// ClearEdits empties the stack.
func (s *Store) ClearEdits(ctx context.Context, k sg.EditStackKey, stack string) error {
	_, err := s.ws.exec(ctx, `DELETE FROM analysis_edit_stacks WHERE `+editStackWhere, editStackArgs(k, stack)...)
	return normalize("clear edits", err, sqlkit.Meaning{})
}

// CountEdits returns the sizes of the undo and redo stacks.
func (s *Store) CountEdits(ctx context.Context, k sg.EditStackKey) (int, int, error) {
	var undo, redo int
	err := s.rs.queryRow(ctx, `SELECT
		(SELECT count(*) FROM analysis_edit_stacks WHERE `+editStackWhere+`),
		(SELECT count(*) FROM analysis_edit_stacks WHERE `+editStackWhere+`)`,
		append(editStackArgs(k, sg.UndoStack), editStackArgs(k, sg.RedoStack)...)...).Scan(&undo, &redo)
	return undo, redo, normalize("count edits", err, sqlkit.Meaning{})
}
