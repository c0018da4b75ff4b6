package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"
	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

// CreatePrincipal returns EEXISTS if (account, type, name) exists.
func (s *Store) CreatePrincipal(ctx context.Context, p *sg.Principal) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO principals (account_id, type, name, id, created_at)
		VALUES ($1, $2, $3, $4, $5)`,
		p.AccountID, p.Type, p.Name, p.ID, sqlkit.Millis(p.CreatedAt))
	if err != nil {
		return normalize("create principal", err, sqlkit.Meaning{Unique: sqlkit.PrincipalExists(p.AccountID, p.Type, p.Name)})
	}
	return nil
}

// FindPrincipal returns ENOTFOUND.
func (s *Store) FindPrincipal(ctx context.Context, accountID, typ, name string) (*sg.Principal, error) {
	p, err := scanPrincipal(s.pool.QueryRow(ctx, `SELECT account_id, type, name, id, created_at
		FROM principals WHERE account_id = $1 AND type = $2 AND name = $3`, accountID, typ, name))
	if err != nil {
		return nil, normalize("find principal", err, sqlkit.Meaning{Missing: sqlkit.PrincipalNotFound(accountID, typ, name)})
	}
	return p, nil
}

// ListPrincipals lists an account's principals ordered by type, name.
func (s *Store) ListPrincipals(ctx context.Context, accountID string) ([]*sg.Principal, error) {
	rows, err := s.pool.Query(ctx, `SELECT account_id, type, name, id, created_at
		FROM principals WHERE account_id = $1 ORDER BY type, name`, accountID)
	if err != nil {
		return nil, normalize("list principals", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanPrincipal)
	return list, normalize("list principals", err, sqlkit.Meaning{})
}

// DeletePrincipal deletes a principal; its policies and keys go with it
// (ON DELETE CASCADE). Returns ENOTFOUND.
func (s *Store) DeletePrincipal(ctx context.Context, accountID, typ, name string) error {
	n, err := affected(s.pool.Exec(ctx, `DELETE FROM principals
		WHERE account_id = $1 AND type = $2 AND name = $3`, accountID, typ, name))
	if err != nil {
		return normalize("delete principal", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.PrincipalNotFound(accountID, typ, name)
	}
	return nil
}

func scanPrincipal(row pgx.Row) (*sg.Principal, error) {
	var p sg.Principal
	var created int64
	if err := row.Scan(&p.AccountID, &p.Type, &p.Name, &p.ID, &created); err != nil {
		return nil, err
	}
	p.CreatedAt = sqlkit.Time(created)
	return &p, nil
}
