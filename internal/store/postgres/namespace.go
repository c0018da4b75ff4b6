package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"
	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const namespaceColumns = `account_id, name, identity_store, tags, created_at`

// CreateNamespace returns EEXISTS.
func (s *Store) CreateNamespace(ctx context.Context, n *sg.Namespace) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO namespaces (`+namespaceColumns+`) VALUES ($1, $2, $3, $4, $5)`,
		n.AccountID, n.Name, n.IdentityStore, sqlkit.JSON(n.Tags), sqlkit.Millis(n.CreatedAt))
	return normalize("create namespace", err, sqlkit.Meaning{Unique: sqlkit.NamespaceExists(n.AccountID, n.Name)})
}

// FindNamespace returns ENOTFOUND.
func (s *Store) FindNamespace(ctx context.Context, accountID, name string) (*sg.Namespace, error) {
	n, err := scanNamespace(s.pool.QueryRow(ctx, `SELECT `+namespaceColumns+` FROM namespaces
		WHERE account_id = $1 AND name = $2`, accountID, name))
	if err != nil {
		return nil, normalize("find namespace", err, sqlkit.Meaning{Missing: sqlkit.NamespaceNotFound(accountID, name)})
	}
	return n, nil
}

// ListNamespaces returns an account's namespaces ordered by name.
func (s *Store) ListNamespaces(ctx context.Context, accountID string, p sg.Page) ([]*sg.Namespace, bool, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+namespaceColumns+` FROM namespaces
		WHERE account_id = $1 AND name > $2 ORDER BY name LIMIT $3`, accountID, p.After, limit(p))
	if err != nil {
		return nil, false, normalize("list namespaces", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanNamespace)
	if err != nil {
		return nil, false, normalize("list namespaces", err, sqlkit.Meaning{})
	}
	list, more := sqlkit.Trim(list, p)
	return list, more, nil
}

// CountNamespaces counts an account's namespaces.
func (s *Store) CountNamespaces(ctx context.Context, accountID string) (int, error) {
	var n int
	err := s.pool.QueryRow(ctx, `SELECT count(*) FROM namespaces WHERE account_id = $1`, accountID).Scan(&n)
	return n, normalize("count namespaces", err, sqlkit.Meaning{})
}

// DeleteNamespace deletes a namespace with its users (their tags,
// passwords and memberships go by trigger and cascade), sessions and
// groups, in one transaction. Returns ENOTFOUND.
func (s *Store) DeleteNamespace(ctx context.Context, accountID, name string) error {
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		n, err := affected(tx.Exec(ctx, `DELETE FROM namespaces WHERE account_id = $1 AND name = $2`, accountID, name))
		if err != nil {
			return err
		}
		if n == 0 {
			return pgx.ErrNoRows
		}
		for _, q := range []string{
			`DELETE FROM sessions WHERE account_id = $1 AND namespace = $2`,
			`DELETE FROM users WHERE account_id = $1 AND namespace = $2`,
			`DELETE FROM groups WHERE account_id = $1 AND namespace = $2`,
		} {
			if _, err := tx.Exec(ctx, q, accountID, name); err != nil {
				return err
			}
		}
		return nil
	})
	return normalize("delete namespace", err, sqlkit.Meaning{Missing: sqlkit.NamespaceNotFound(accountID, name)})
}

func scanNamespace(row pgx.Row) (*sg.Namespace, error) {
	var n sg.Namespace
	var tags string
	var created int64
	if err := row.Scan(&n.AccountID, &n.Name, &n.IdentityStore, &tags, &created); err != nil {
		return nil, err
	}
	var err error
	if n.Tags, err = sqlkit.Decode[[]sg.Tag](tags); err != nil {
		return nil, err
	}
	n.CreatedAt = sqlkit.Time(created)
	return &n, nil
}
