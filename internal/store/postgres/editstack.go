package postgres

import (
	"context"
	"encoding/json"

	"github.com/jackc/pgx/v5"
	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const editStackWhere = `session_id = $1 AND account_id = $2 AND analysis_id = $3 AND stack = $4`

func editStackArgs(k sg.EditStackKey, stack string) []any {
	return []any{k.SessionID, k.AccountID, k.AnalysisID, stack}
}

// PushEdit puts def on top of the stack, keeping its newest depth entries.
// One session's requests come one at a time; a racing push of the same
// stack fails on the key rather than overwrite.
func (s *Store) PushEdit(ctx context.Context, k sg.EditStackKey, stack string, def json.RawMessage, depth int) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var top int64
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(position), 0) FROM analysis_edit_stacks WHERE `+editStackWhere, editStackArgs(k, stack)...).Scan(&top); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO analysis_edit_stacks (session_id, account_id, analysis_id, stack, position, definition)
			VALUES ($1, $2, $3, $4, $5, $6)`, append(editStackArgs(k, stack), top+1, string(def))...); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `DELETE FROM analysis_edit_stacks WHERE `+editStackWhere+` AND position <= $5`,
			append(editStackArgs(k, stack), top+1-int64(max(depth, 1)))...)
		return err
	})
	return normalize("push edit", err, sqlkit.Meaning{})
}

// PeekEdit returns ENOTFOUND when the stack is empty.
func (s *Store) PeekEdit(ctx context.Context, k sg.EditStackKey, stack string) (json.RawMessage, error) {
	var def string
	err := s.pool.QueryRow(ctx, `SELECT definition FROM analysis_edit_stacks WHERE `+editStackWhere+`
		ORDER BY position DESC LIMIT 1`, editStackArgs(k, stack)...).Scan(&def)
	if err != nil {
		return nil, normalize("peek edit", err, sqlkit.Meaning{Missing: sqlkit.EditStackEmpty(stack)})
	}
	return json.RawMessage(def), nil
}

// PopEdit removes the top of the stack.
func (s *Store) PopEdit(ctx context.Context, k sg.EditStackKey, stack string) error {
	_, err := s.pool.Exec(ctx, `DELETE FROM analysis_edit_stacks WHERE `+editStackWhere+` AND position =
		(SELECT max(position) FROM analysis_edit_stacks WHERE `+editStackWhere+`)`, editStackArgs(k, stack)...)
	return normalize("pop edit", err, sqlkit.Meaning{})
}

// ClearEdits empties the stack.
func (s *Store) ClearEdits(ctx context.Context, k sg.EditStackKey, stack string) error {
	_, err := s.pool.Exec(ctx, `DELETE FROM analysis_edit_stacks WHERE `+editStackWhere, editStackArgs(k, stack)...)
	return normalize("clear edits", err, sqlkit.Meaning{})
}

// CountEdits returns the sizes of the undo and redo stacks.
func (s *Store) CountEdits(ctx context.Context, k sg.EditStackKey) (int, int, error) {
	var undo, redo int
	err := s.pool.QueryRow(ctx, `SELECT count(*) FILTER (WHERE stack = $4), count(*) FILTER (WHERE stack = $5)
		FROM analysis_edit_stacks WHERE session_id = $1 AND account_id = $2 AND analysis_id = $3`,
		k.SessionID, k.AccountID, k.AnalysisID, sg.UndoStack, sg.RedoStack).Scan(&undo, &redo)
	return undo, redo, normalize("count edits", err, sqlkit.Meaning{})
}
