package sightglass

import (
	"context"
	"time"
)

// CapabilityDeny is the only capability state QuickSight defines: a
// capability present in a profile is denied, an absent one is not restricted.
const CapabilityDeny = "DENY"

// CustomPermissions is a named profile of denied capabilities.
type CustomPermissions struct {
	AccountID    string
	Name         string
	Capabilities map[string]string // capability name → "DENY"
	Tags         []Tag
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// CustomPermissionsStore persists custom permissions profiles.
type CustomPermissionsStore interface {
	// CreateCustomPermissions returns EEXISTS.
	CreateCustomPermissions(ctx context.Context, c *CustomPermissions) error
	// FindCustomPermissions returns ENOTFOUND.
	FindCustomPermissions(ctx context.Context, accountID, name string) (*CustomPermissions, error)
	// UpdateCustomPermissions replaces Capabilities and UpdatedAt.
	// Returns ENOTFOUND.
	UpdateCustomPermissions(ctx context.Context, c *CustomPermissions) error
	// DeleteCustomPermissions returns ENOTFOUND.
	DeleteCustomPermissions(ctx context.Context, accountID, name string) error
	// ListCustomPermissions returns profiles ordered by name in byte
	// order, after p.After, at most p.Limit, and whether more follow.
	ListCustomPermissions(ctx context.Context, accountID string, p Page) (list []*CustomPermissions, more bool, err error)
}
