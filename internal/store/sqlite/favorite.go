package sqlite

import (
	"context"
	"database/sql"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

// PutFavorite marks a favorite. Marking it again changes nothing: the
// first CreatedAt stays.
func (s *Store) PutFavorite(ctx context.Context, f *sg.Favorite) error {
	_, err := s.ws.exec(ctx, `INSERT INTO favorites (account_id, principal_id, kind, resource_id, created_at)
		VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (account_id, principal_id, kind, resource_id) DO NOTHING`,
		f.AccountID, f.PrincipalID, f.Kind, f.ResourceID, sqlkit.Millis(f.CreatedAt))
	return normalize("put favorite", err, sqlkit.Meaning{})
}

// DeleteFavorite unmarks a favorite; unmarking one that is not marked is
// not an error.
func (s *Store) DeleteFavorite(ctx context.Context, accountID, principalID, kind, resourceID string) error {
	_, err := s.ws.exec(ctx, `DELETE FROM favorites
		WHERE account_id = ? AND principal_id = ? AND kind = ? AND resource_id = ?`,
		accountID, principalID, kind, resourceID)
	return normalize("delete favorite", err, sqlkit.Meaning{})
}

// ListFavorites lists a user's favorites, newest first; favorites created
// in the same millisecond are ordered by kind, then resource id.
func (s *Store) ListFavorites(ctx context.Context, accountID, principalID string) ([]*sg.Favorite, error) {
	rows, err := s.rs.query(ctx, `SELECT account_id, principal_id, kind, resource_id, created_at
		FROM favorites WHERE account_id = ? AND principal_id = ?
		ORDER BY created_at DESC, kind, resource_id`, accountID, principalID)
	if err != nil {
		return nil, normalize("list favorites", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanFavorite)
	return list, normalize("list favorites", err, sqlkit.Meaning{})
}

// deleteContent runs del (a DELETE of one dashboard or analysis by
// account id and id) and deletes the favorites of that resource, in one
// transaction. It returns sql.ErrNoRows, for the caller's normalize, if
// del deleted nothing; the favorites then stay.
//
// Both statements are prepared before the transaction begins: the writer
// pool has one connection, which the transaction holds, so preparing on
// the pool inside it would wait for itself.
func (s *Store) deleteContent(ctx context.Context, del, accountID, kind, id string) error {
	delSt, err := s.ws.get(ctx, del)
	if err != nil {
		return err
	}
	favSt, err := s.ws.get(ctx, `DELETE FROM favorites
		WHERE account_id = ? AND kind = ? AND resource_id = ?`)
	if err != nil {
		return err
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	n, err := affected(tx.StmtContext(ctx, delSt).ExecContext(ctx, accountID, id))
	if err != nil {
		return err
	}
	if n == 0 {
		return sql.ErrNoRows
	}
	if _, err := tx.StmtContext(ctx, favSt).ExecContext(ctx, accountID, kind, id); err != nil {
		return err
	}
	return tx.Commit()
}

func scanFavorite(row scanner) (*sg.Favorite, error) {
	var f sg.Favorite
	var created int64
	if err := row.Scan(&f.AccountID, &f.PrincipalID, &f.Kind, &f.ResourceID, &created); err != nil {
		return nil, err
	}
	f.CreatedAt = sqlkit.Time(created)
	return &f, nil
}
