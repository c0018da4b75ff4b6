package sqlite

import (
	"context"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

// CreatePrincipal returns EEXISTS if (account, type, name) exists.
func (s *Store) CreatePrincipal(ctx context.Context, p *sg.Principal) error {
	_, err := s.ws.exec(ctx, `INSERT INTO principals (account_id, type, name, id, created_at)
		VALUES (?, ?, ?, ?, ?)`,
		p.AccountID, p.Type, p.Name, p.ID, sqlkit.Millis(p.CreatedAt))
	if err != nil {
		return normalize("create principal", err, sqlkit.Meaning{Unique: sqlkit.PrincipalExists(p.AccountID, p.Type, p.Name)})
	}
	return nil
}

// FindPrincipal returns ENOTFOUND.
func (s *Store) FindPrincipal(ctx context.Context, accountID, typ, name string) (*sg.Principal, error) {
	p, err := scanPrincipal(s.rs.queryRow(ctx, `SELECT account_id, type, name, id, created_at
		FROM principals WHERE account_id = ? AND type = ? AND name = ?`, accountID, typ, name))
	if err != nil {
		return nil, normalize("find principal", err, sqlkit.Meaning{Missing: sqlkit.PrincipalNotFound(accountID, typ, name)})
	}
	return p, nil
}

// ListPrincipals lists an account's principals ordered by type, name.
func (s *Store) ListPrincipals(ctx context.Context, accountID string) ([]*sg.Principal, error) {
	rows, err := s.rs.query(ctx, `SELECT account_id, type, name, id, created_at
		FROM principals WHERE account_id = ? ORDER BY type, name`, accountID)
	if err != nil {
		return nil, normalize("list principals", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanPrincipal)
	return list, normalize("list principals", err, sqlkit.Meaning{})
}

// DeletePrincipal deletes a principal; its policies and keys go with it
// (ON DELETE CASCADE). Returns ENOTFOUND.
func (s *Store) DeletePrincipal(ctx context.Context, accountID, typ, name string) error {
	n, err := affected(s.ws.exec(ctx, `DELETE FROM principals
		WHERE account_id = ? AND type = ? AND name = ?`, accountID, typ, name))
	if err != nil {
		return normalize("delete principal", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.PrincipalNotFound(accountID, typ, name)
	}
	return nil
}

func scanPrincipal(row scanner) (*sg.Principal, error) {
	var p sg.Principal
	var created int64
	if err := row.Scan(&p.AccountID, &p.Type, &p.Name, &p.ID, &created); err != nil {
		return nil, err
	}
	p.CreatedAt = sqlkit.Time(created)
	return &p, nil
}
