package sqlite

import (
	"context"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

// PutCustomPermissionsAssignment creates or replaces the assignment of
// (AccountID, Namespace, Role).
func (s *Store) PutCustomPermissionsAssignment(ctx context.Context, a *sg.CustomPermissionsAssignment) error {
	_, err := s.ws.exec(ctx, `INSERT INTO custom_permissions_assignments (account_id, namespace, role, name, updated_at)
		VALUES (?, ?, ?, ?, ?)
		ON CONFLICT (account_id, namespace, role) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at`,
		a.AccountID, a.Namespace, a.Role, a.Name, sqlkit.Millis(a.UpdatedAt))
	if err != nil {
		return normalize("put custom permissions assignment", err, sqlkit.Meaning{})
	}
	return nil
}

// DeleteCustomPermissionsAssignment returns ENOTFOUND.
func (s *Store) DeleteCustomPermissionsAssignment(ctx context.Context, accountID, namespace, role string) error {
	n, err := affected(s.ws.exec(ctx, `DELETE FROM custom_permissions_assignments
		WHERE account_id = ? AND namespace = ? AND role = ?`, accountID, namespace, role))
	if err != nil {
		return normalize("delete custom permissions assignment", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.CustomPermissionsAssignmentNotFound(accountID, namespace, role)
	}
	return nil
}

// ListCustomPermissionsAssignments returns the account's assignments
// ordered by namespace then role.
func (s *Store) ListCustomPermissionsAssignments(ctx context.Context, accountID string) ([]*sg.CustomPermissionsAssignment, error) {
	rows, err := s.rs.query(ctx, `SELECT account_id, namespace, role, name, updated_at
		FROM custom_permissions_assignments WHERE account_id = ? ORDER BY namespace, role`, accountID)
	if err != nil {
		return nil, normalize("list custom permissions assignments", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, func(row scanner) (*sg.CustomPermissionsAssignment, error) {
		var a sg.CustomPermissionsAssignment
		var updated int64
		if err := row.Scan(&a.AccountID, &a.Namespace, &a.Role, &a.Name, &updated); err != nil {
			return nil, err
		}
		a.UpdatedAt = sqlkit.Time(updated)
		return &a, nil
	})
	if err != nil {
		return nil, normalize("list custom permissions assignments", err, sqlkit.Meaning{})
	}
	return list, nil
}
