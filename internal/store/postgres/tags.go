package postgres

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

// existsQuery finds a tagged resource's row; lock adds FOR SHARE, so that
// a concurrent delete of the resource waits for the transaction (and then
// deletes the tags it added).
func existsQuery(t sqlkit.TagTarget, lock bool) string {
	var b strings.Builder
	b.WriteString("SELECT 1 FROM " + t.Table + " WHERE account_id = $1")
	for i, c := range t.Columns {
		fmt.Fprintf(&b, " AND %s = $%d", c, i+2)
	}
	if lock {
		b.WriteString(" FOR SHARE")
	}
	return b.String()
}

func target(accountID, resource string) (sqlkit.TagTarget, []any, error) {
	t, ok := sqlkit.TagTargetOf(resource)
	if !ok {
		return t, nil, sqlkit.TaggedNotFound(accountID, resource)
	}
	return t, append([]any{accountID}, t.Values...), nil
}

// ListTags returns the resource's tags ordered by key, or ENOTFOUND.
func (s *Store) ListTags(ctx context.Context, accountID, resource string) ([]sg.Tag, error) {
	t, args, err := target(accountID, resource)
	if err != nil {
		return nil, err
	}
	var one int
	if err := s.pool.QueryRow(ctx, existsQuery(t, false), args...).Scan(&one); err != nil {
		return nil, normalize("list tags", err, sqlkit.Meaning{Missing: sqlkit.TaggedNotFound(accountID, resource)})
	}
	rows, err := s.pool.Query(ctx, `SELECT tag_key, tag_value FROM resource_tags
		WHERE account_id = $1 AND resource = $2 ORDER BY tag_key`, accountID, resource)
	if err != nil {
		return nil, normalize("list tags", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, func(r pgx.Row) (sg.Tag, error) {
		var tag sg.Tag
		err := r.Scan(&tag.Key, &tag.Value)
		return tag, err
	})
	return list, normalize("list tags", err, sqlkit.Meaning{})
}

// TagResource adds or replaces tags in one transaction, or changes nothing
// and returns ELIMIT or ENOTFOUND.
func (s *Store) TagResource(ctx context.Context, accountID, resource string, tags []sg.Tag, max int) error {
	t, args, err := target(accountID, resource)
	if err != nil {
		return err
	}
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var one int
		if err := tx.QueryRow(ctx, existsQuery(t, true), args...).Scan(&one); err != nil {
			return err
		}
		for _, tag := range tags {
			if _, err := tx.Exec(ctx, `INSERT INTO resource_tags (account_id, resource, tag_key, tag_value) VALUES ($1, $2, $3, $4)
				ON CONFLICT (account_id, resource, tag_key) DO UPDATE SET tag_value = EXCLUDED.tag_value`,
				accountID, resource, tag.Key, tag.Value); err != nil {
				return err
			}
		}
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM resource_tags WHERE account_id = $1 AND resource = $2`, accountID, resource).Scan(&n); err != nil {
			return err
		}
		if n > max {
			return sqlkit.TagLimit(max)
		}
		return nil
	})
	return normalize("tag resource", err, sqlkit.Meaning{Missing: sqlkit.TaggedNotFound(accountID, resource)})
}

// UntagResource removes tags by key in one transaction, or returns
// ENOTFOUND.
func (s *Store) UntagResource(ctx context.Context, accountID, resource string, keys []string) error {
	t, args, err := target(accountID, resource)
	if err != nil {
		return err
	}
	err = pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var one int
		if err := tx.QueryRow(ctx, existsQuery(t, true), args...).Scan(&one); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `DELETE FROM resource_tags WHERE account_id = $1 AND resource = $2 AND tag_key = ANY($3)`,
			accountID, resource, keys)
		return err
	})
	return normalize("untag resource", err, sqlkit.Meaning{Missing: sqlkit.TaggedNotFound(accountID, resource)})
}
