package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"
	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

// PutFavorite marks a favorite. Marking it again changes nothing: the
// first CreatedAt stays.
func (s *Store) PutFavorite(ctx context.Context, f *sg.Favorite) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO favorites (account_id, principal_id, kind, resource_id, created_at)
		VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (account_id, principal_id, kind, resource_id) DO NOTHING`,
		f.AccountID, f.PrincipalID, f.Kind, f.ResourceID, sqlkit.Millis(f.CreatedAt))
	return normalize("put favorite", err, sqlkit.Meaning{})
}

// DeleteFavorite unmarks a favorite; unmarking one that is not marked is
// not an error.
func (s *Store) DeleteFavorite(ctx context.Context, accountID, principalID, kind, resourceID string) error {
	_, err := s.pool.Exec(ctx, `DELETE FROM favorites
		WHERE account_id = $1 AND principal_id = $2 AND kind = $3 AND resource_id = $4`,
		accountID, principalID, kind, resourceID)
	return normalize("delete favorite", err, sqlkit.Meaning{})
}

// ListFavorites lists a user's favorites, newest first; favorites created
// in the same millisecond are ordered by kind, then resource id.
func (s *Store) ListFavorites(ctx context.Context, accountID, principalID string) ([]*sg.Favorite, error) {
	rows, err := s.pool.Query(ctx, `SELECT account_id, principal_id, kind, resource_id, created_at
		FROM favorites WHERE account_id = $1 AND principal_id = $2
		ORDER BY created_at DESC, kind, resource_id`, accountID, principalID)
	if err != nil {
		return nil, normalize("list favorites", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanFavorite)
	return list, normalize("list favorites", err, sqlkit.Meaning{})
}

// deleteContent runs del (a DELETE of one dashboard or analysis by
// account id and id) and deletes the favorites of that resource, in one
// transaction. It returns pgx.ErrNoRows, for the caller's normalize, if
// del deleted nothing; the favorites then stay.
func (s *Store) deleteContent(ctx context.Context, del, accountID, kind, id string) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		n, err := affected(tx.Exec(ctx, del, accountID, id))
		if err != nil {
			return err
		}
		if n == 0 {
			return pgx.ErrNoRows
		}
		_, err = tx.Exec(ctx, `DELETE FROM favorites
			WHERE account_id = $1 AND kind = $2 AND resource_id = $3`, accountID, kind, id)
		return err
	})
}

func scanFavorite(row pgx.Row) (*sg.Favorite, error) {
	var f sg.Favorite
	var created int64
	if err := row.Scan(&f.AccountID, &f.PrincipalID, &f.Kind, &f.ResourceID, &created); err != nil {
		return nil, err
	}
	f.CreatedAt = sqlkit.Time(created)
	return &f, nil
}
