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

// CustomPermissionsAssignment applies a custom permissions profile to every
// user of a role in a namespace (UpdateRoleCustomPermission) or, with
// Namespace and Role empty, to every user of the account
// (UpdateAccountCustomPermission). A user's own profile comes first, then
// its role's, then the account's (see internal/app).
type CustomPermissionsAssignment struct {
	AccountID string
	Namespace string // "" for the account's assignment
	Role      string // a user role such as READER; "" for the account's
	Name      string // the profile's name
	UpdatedAt time.Time
}

// CustomPermissionsAssignmentStore persists the role and account
// assignments of custom permissions profiles.
type CustomPermissionsAssignmentStore interface {
	// PutCustomPermissionsAssignment creates or replaces the assignment of
	// (AccountID, Namespace, Role).
	PutCustomPermissionsAssignment(ctx context.Context, a *CustomPermissionsAssignment) error
	// DeleteCustomPermissionsAssignment returns ENOTFOUND.
	DeleteCustomPermissionsAssignment(ctx context.Context, accountID, namespace, role string) error
	// ListCustomPermissionsAssignments returns the account's assignments
	// (at most one per role and namespace, and the account's own) ordered
	// by namespace then role.
	ListCustomPermissionsAssignments(ctx context.Context, accountID string) ([]*CustomPermissionsAssignment, error)
}
