package sqlite

import (
	"context"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

// PutRecentOpen records an opening, replacing an earlier one's time.
func (s *Store) PutRecentOpen(ctx context.Context, r *sg.RecentOpen) error {
	_, err := s.ws.exec(ctx, `INSERT INTO recent_opens (account_id, principal_id, kind, resource_id, opened_at)
		VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (account_id, principal_id, kind, resource_id) DO UPDATE SET opened_at = excluded.opened_at`,
		r.AccountID, r.PrincipalID, r.Kind, r.ResourceID, sqlkit.Millis(r.OpenedAt))
	if err != nil {
		return normalize("put recent open", err, sqlkit.Meaning{})
	}
	return nil
}

// ListRecentOpens returns a user's openings, the latest first.
func (s *Store) ListRecentOpens(ctx context.Context, accountID, principalID string, n int) ([]*sg.RecentOpen, error) {
	rows, err := s.rs.query(ctx, `SELECT account_id, principal_id, kind, resource_id, opened_at FROM recent_opens
		WHERE account_id = ? AND principal_id = ? ORDER BY opened_at DESC, kind, resource_id LIMIT ?`, accountID, principalID, limit(n))
	if err != nil {
		return nil, normalize("list recent opens", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanRecentOpen)
	if err != nil {
		return nil, normalize("list recent opens", err, sqlkit.Meaning{})
	}
	return list, nil
}

func scanRecentOpen(row scanner) (*sg.RecentOpen, error) {
	var r sg.RecentOpen
	var at int64
	if err := row.Scan(&r.AccountID, &r.PrincipalID, &r.Kind, &r.ResourceID, &at); err != nil {
		return nil, err
	}
	r.OpenedAt = sqlkit.Time(at)
	return &r, nil
}
