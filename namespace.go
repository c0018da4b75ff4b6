package sightglass

import (
	"context"
	"time"
)

// Namespace creation statuses (QuickSight's NamespaceStatus).
const (
	NamespaceCreating = "CREATING"
	NamespaceCreated  = "CREATED"
)

// Namespace is a QuickSight namespace other than the default one, which
// every account has without a record. Its users and groups are isolated
// from those of the other namespaces.
type Namespace struct {
	AccountID     string
	Name          string
	IdentityStore string // QUICKSIGHT
	Tags          []Tag
	CreatedAt     time.Time
}

// NamespaceARN returns the ARN of a namespace.
func NamespaceARN(region, accountID, name string) string {
	return QuickSightARN(region, accountID, "namespace/"+name)
}

// NamespaceStore persists the namespaces created through CreateNamespace.
type NamespaceStore interface {
	// CreateNamespace returns EEXISTS.
	CreateNamespace(ctx context.Context, n *Namespace) error
	// FindNamespace returns ENOTFOUND.
	FindNamespace(ctx context.Context, accountID, name string) (*Namespace, error)
	// ListNamespaces returns an account's namespaces ordered by name in
	// byte order, after p.After, at most p.Limit, and whether more follow.
	ListNamespaces(ctx context.Context, accountID string, p Page) ([]*Namespace, bool, error)
	// CountNamespaces counts an account's namespaces.
	CountNamespaces(ctx context.Context, accountID string) (int, error)
	// DeleteNamespace deletes a namespace with its users (as DeleteUser
	// does: tags, passwords, memberships), sessions, groups and
	// memberships, in one transaction. Returns ENOTFOUND.
	DeleteNamespace(ctx context.Context, accountID, name string) error
}
