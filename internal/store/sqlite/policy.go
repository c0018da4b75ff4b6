package sqlite

import (
	"context"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

// PutPrincipalPolicy creates or replaces a policy by name. Returns
// ENOTFOUND if the principal does not exist (the foreign key says so).
func (s *Store) PutPrincipalPolicy(ctx context.Context, p *sg.PrincipalPolicy) error {
	_, err := s.ws.exec(ctx, `INSERT INTO principal_policies
		(account_id, principal_type, principal_name, policy_name, document, updated_at)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (account_id, principal_type, principal_name, policy_name)
		DO UPDATE SET document = excluded.document, updated_at = excluded.updated_at`,
		p.AccountID, p.PrincipalType, p.PrincipalName, p.PolicyName, p.Document, sqlkit.Millis(p.UpdatedAt))
	if err != nil {
		return normalize("put principal policy", err, sqlkit.Meaning{
			Missing: sqlkit.PrincipalNotFound(p.AccountID, p.PrincipalType, p.PrincipalName),
		})
	}
	return nil
}

// DeletePrincipalPolicy returns ENOTFOUND if there is no such policy.
func (s *Store) DeletePrincipalPolicy(ctx context.Context, accountID, typ, name, policyName string) error {
	n, err := affected(s.ws.exec(ctx, `DELETE FROM principal_policies
		WHERE account_id = ? AND principal_type = ? AND principal_name = ? AND policy_name = ?`,
		accountID, typ, name, policyName))
	if err != nil {
		return normalize("delete principal policy", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.PolicyNotFound(accountID, typ, name, policyName)
	}
	return nil
}

// ListPrincipalPolicies lists a principal's policies ordered by name. A
// principal without policies, or one that does not exist, has none.
func (s *Store) ListPrincipalPolicies(ctx context.Context, accountID, typ, name string) ([]*sg.PrincipalPolicy, error) {
	rows, err := s.rs.query(ctx, `SELECT account_id, principal_type, principal_name, policy_name, document, updated_at
		FROM principal_policies
		WHERE account_id = ? AND principal_type = ? AND principal_name = ?
		ORDER BY policy_name`, accountID, typ, name)
	if err != nil {
		return nil, normalize("list principal policies", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanPolicy)
	return list, normalize("list principal policies", err, sqlkit.Meaning{})
}

func scanPolicy(row scanner) (*sg.PrincipalPolicy, error) {
	var p sg.PrincipalPolicy
	var updated int64
	if err := row.Scan(&p.AccountID, &p.PrincipalType, &p.PrincipalName, &p.PolicyName, &p.Document, &updated); err != nil {
		return nil, err
	}
	p.UpdatedAt = sqlkit.Time(updated)
	return &p, nil
}
