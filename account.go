package sightglass

import (
	"context"
	"time"
)

// Editions of a QuickSight subscription.
const (
	EditionStandard       = "STANDARD"
	EditionEnterprise     = "ENTERPRISE"
	EditionEnterpriseAndQ = "ENTERPRISE_AND_Q"
)

// Authentication methods of a subscription.
const (
	AuthIAMAndQuickSight  = "IAM_AND_QUICKSIGHT"
	AuthIAMOnly           = "IAM_ONLY"
	AuthActiveDirectory   = "ACTIVE_DIRECTORY"
	AuthIAMIdentityCenter = "IAM_IDENTITY_CENTER"
)

// DefaultNamespace is the only QuickSight namespace Sightglass serves.
const DefaultNamespace = "default"

// Account is the QuickSight subscription of one AWS account id. An account id
// without an Account row has IAM principals but no QuickSight subscription.
type Account struct {
	ID                           string // 12 digits
	Name                         string // AccountName, unique across the server
	Edition                      string
	AuthenticationType           string
	NotificationEmail            string
	Status                       string // AccountSubscriptionStatus, e.g. ACCOUNT_CREATED
	DefaultNamespace             string
	PublicSharingEnabled         bool
	TerminationProtectionEnabled bool
	// EmbeddingDomains is the allow-list of origins that may frame the
	// console (https://app.example.com, https://*.example.com, http://localhost:*).
	EmbeddingDomains []string
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

// AccountStore persists QuickSight subscriptions.
type AccountStore interface {
	// CreateAccount stores a new subscription. Returns EEXISTS if the
	// account id is already subscribed, ECONFLICT if the name is taken.
	CreateAccount(ctx context.Context, a *Account) error
	// FindAccount returns ENOTFOUND if the account id has no subscription.
	FindAccount(ctx context.Context, id string) (*Account, error)
	// ListAccounts returns every subscription, ordered by id.
	ListAccounts(ctx context.Context) ([]*Account, error)
	// UpdateAccount replaces every mutable field of the stored account
	// (all but ID and CreatedAt). Returns ENOTFOUND, or ECONFLICT if the
	// new name is taken.
	UpdateAccount(ctx context.Context, a *Account) error
}
