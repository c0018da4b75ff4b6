package sqlite

import (
	"context"
	"database/sql"
)

// writeTx runs fn in a transaction on the writer with the given queries
// prepared. They are prepared before the transaction begins: the writer
// pool has one connection, which the transaction holds, so preparing on
// the pool inside it would wait for itself.
func (s *Store) writeTx(ctx context.Context, queries []string, fn func(st []*sql.Stmt) error) error {
	prepared := make([]*sql.Stmt, len(queries))
	for i, q := range queries {
		st, err := s.ws.get(ctx, q)
		if err != nil {
			return err
		}
		prepared[i] = st
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for i, st := range prepared {
		prepared[i] = tx.StmtContext(ctx, st)
	}
	if err := fn(prepared); err != nil {
		return err
	}
	return tx.Commit()
}
