package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"
	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const accountColumns = `id, name, edition, authentication_type, notification_email, status,
	default_namespace, public_sharing_enabled, termination_protection_enabled,
	embedding_domains, created_at, updated_at`

// CreateAccount stores a new subscription. Returns EEXISTS if the account
// id is subscribed, else ECONFLICT if the name is taken.
func (s *Store) CreateAccount(ctx context.Context, a *sg.Account) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO accounts (`+accountColumns+`)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
		a.ID, a.Name, a.Edition, a.AuthenticationType, a.NotificationEmail, a.Status,
		a.DefaultNamespace, a.PublicSharingEnabled, a.TerminationProtectionEnabled,
		sqlkit.JSON(a.EmbeddingDomains), sqlkit.Millis(a.CreatedAt), sqlkit.Millis(a.UpdatedAt))
	if err == nil {
		return nil
	}
	if !isUnique(err) {
		return normalize("create account", err, sqlkit.Meaning{})
	}
	// Both the id and the name are unique; which violation the server
	// reports when both are taken is its business. The id decides:
	// EEXISTS if it is taken.
	conflict := sqlkit.AccountNameTaken(a.Name)
	if _, ferr := s.FindAccount(ctx, a.ID); ferr == nil {
		conflict = sqlkit.AccountExists(a.ID)
	}
	return normalize("create account", err, sqlkit.Meaning{Unique: conflict})
}

// FindAccount returns ENOTFOUND if the account id has no subscription.
func (s *Store) FindAccount(ctx context.Context, id string) (*sg.Account, error) {
	a, err := scanAccount(s.pool.QueryRow(ctx, `SELECT `+accountColumns+` FROM accounts WHERE id = $1`, id))
	if err != nil {
		return nil, normalize("find account", err, sqlkit.Meaning{Missing: sqlkit.AccountNotFound(id)})
	}
	return a, nil
}

// ListAccounts returns every subscription, ordered by id.
func (s *Store) ListAccounts(ctx context.Context) ([]*sg.Account, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+accountColumns+` FROM accounts ORDER BY id`)
	if err != nil {
		return nil, normalize("list accounts", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanAccount)
	if err != nil {
		return nil, normalize("list accounts", err, sqlkit.Meaning{})
	}
	return list, nil
}

// UpdateAccount replaces every field but ID and CreatedAt. Returns
// ENOTFOUND, or ECONFLICT if the new name is taken.
func (s *Store) UpdateAccount(ctx context.Context, a *sg.Account) error {
	tag, err := s.pool.Exec(ctx, `UPDATE accounts SET name = $1, edition = $2,
		authentication_type = $3, notification_email = $4, status = $5, default_namespace = $6,
		public_sharing_enabled = $7, termination_protection_enabled = $8, embedding_domains = $9,
		updated_at = $10
		WHERE id = $11`,
		a.Name, a.Edition, a.AuthenticationType, a.NotificationEmail, a.Status, a.DefaultNamespace,
		a.PublicSharingEnabled, a.TerminationProtectionEnabled,
		sqlkit.JSON(a.EmbeddingDomains), sqlkit.Millis(a.UpdatedAt), a.ID)
	if err != nil {
		return normalize("update account", err, sqlkit.Meaning{Unique: sqlkit.AccountNameTaken(a.Name)})
	}
	if tag.RowsAffected() == 0 {
		return sqlkit.AccountNotFound(a.ID)
	}
	return nil
}

func scanAccount(row pgx.Row) (*sg.Account, error) {
	var a sg.Account
	var domains string
	var created, updated int64
	if err := row.Scan(&a.ID, &a.Name, &a.Edition, &a.AuthenticationType, &a.NotificationEmail,
		&a.Status, &a.DefaultNamespace, &a.PublicSharingEnabled, &a.TerminationProtectionEnabled,
		&domains, &created, &updated); err != nil {
		return nil, err
	}
	var err error
	if a.EmbeddingDomains, err = sqlkit.Decode[[]string](domains); err != nil {
		return nil, err
	}
	a.CreatedAt, a.UpdatedAt = sqlkit.Time(created), sqlkit.Time(updated)
	return &a, nil
}
