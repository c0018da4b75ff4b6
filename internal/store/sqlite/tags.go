package sqlite

import (
	"context"
	"database/sql"
	"strings"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

// existsQuery is the query that finds a tagged resource's row.
func existsQuery(t sqlkit.TagTarget) string {
	var b strings.Builder
	b.WriteString("SELECT 1 FROM " + t.Table + " WHERE account_id = ?")
	for _, c := range t.Columns {
		b.WriteString(" AND " + c + " = ?")
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
	if err := s.rs.queryRow(ctx, existsQuery(t), args...).Scan(&one); err != nil {
		return nil, normalize("list tags", err, sqlkit.Meaning{Missing: sqlkit.TaggedNotFound(accountID, resource)})
	}
	rows, err := s.rs.query(ctx, `SELECT tag_key, tag_value FROM resource_tags
		WHERE account_id = ? AND resource = ? ORDER BY tag_key`, accountID, resource)
	if err != nil {
		return nil, normalize("list tags", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, func(r scanner) (sg.Tag, error) {
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
	err = s.writeTx(ctx, []string{
		existsQuery(t),
		`INSERT INTO resource_tags (account_id, resource, tag_key, tag_value) VALUES (?, ?, ?, ?)
			ON CONFLICT (account_id, resource, tag_key) DO UPDATE SET tag_value = excluded.tag_value`,
		`SELECT count(*) FROM resource_tags WHERE account_id = ? AND resource = ?`,
	}, func(st []*sql.Stmt) error {
		var one int
		if err := st[0].QueryRowContext(ctx, args...).Scan(&one); err != nil {
			return err
		}
		for _, tag := range tags {
			if _, err := st[1].ExecContext(ctx, accountID, resource, tag.Key, tag.Value); err != nil {
				return err
			}
		}
		var n int
		if err := st[2].QueryRowContext(ctx, accountID, resource).Scan(&n); err != nil {
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
	err = s.writeTx(ctx, []string{
		existsQuery(t),
		`DELETE FROM resource_tags WHERE account_id = ? AND resource = ? AND tag_key = ?`,
	}, func(st []*sql.Stmt) error {
		var one int
		if err := st[0].QueryRowContext(ctx, args...).Scan(&one); err != nil {
			return err
		}
		for _, k := range keys {
			if _, err := st[1].ExecContext(ctx, accountID, resource, k); err != nil {
				return err
			}
		}
		return nil
	})
	return normalize("untag resource", err, sqlkit.Meaning{Missing: sqlkit.TaggedNotFound(accountID, resource)})
}
