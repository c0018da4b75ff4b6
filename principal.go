package sightglass

import (
	"context"
	"time"
)

// Principal types.
const (
	PrincipalUser = "user"
	PrincipalRole = "role"
)

// Principal is an IAM user or role of an AWS account id. API callers act as
// principals; their inline policies decide what they may do.
type Principal struct {
	AccountID string
	Type      string // PrincipalUser or PrincipalRole
	Name      string // 1..64, [\w+=,.@-]+
	ID        string // AIDA… for users, AROA… for roles
	CreatedAt time.Time
}

// ARN returns arn:aws:iam::<account>:user/<name> or …:role/<name>.
func (p *Principal) ARN() string { return IAMARN(p.AccountID, p.Type, p.Name) }

// PrincipalPolicy is an inline IAM-style JSON policy attached to a principal.
type PrincipalPolicy struct {
	AccountID     string
	PrincipalType string
	PrincipalName string
	PolicyName    string
	Document      string
	UpdatedAt     time.Time
}

// AccessKey is a credential of a principal. Long-term keys belong to IAM
// users; temporary keys (with a session token and an expiry) are issued for
// role sessions.
type AccessKey struct {
	AccessKeyID     string
	SecretAccessKey string
	AccountID       string
	PrincipalType   string
	PrincipalName   string
	SessionName     string    // role sessions only
	SessionToken    string    // temporary keys only
	Expires         time.Time // zero for long-term keys
	CreatedAt       time.Time
}

// Temporary reports whether k is a role-session credential.
func (k *AccessKey) Temporary() bool { return k.SessionToken != "" }

// PrincipalStore persists IAM principals, their policies and access keys.
type PrincipalStore interface {
	// CreatePrincipal returns EEXISTS if (account, type, name) exists.
	CreatePrincipal(ctx context.Context, p *Principal) error
	// FindPrincipal returns ENOTFOUND.
	FindPrincipal(ctx context.Context, accountID, typ, name string) (*Principal, error)
	// ListPrincipals lists an account's principals ordered by type, name.
	ListPrincipals(ctx context.Context, accountID string) ([]*Principal, error)
	// DeletePrincipal deletes a principal with its policies and keys.
	// Returns ENOTFOUND.
	DeletePrincipal(ctx context.Context, accountID, typ, name string) error

	// PutPrincipalPolicy creates or replaces a policy by name. Returns
	// ENOTFOUND if the principal does not exist.
	PutPrincipalPolicy(ctx context.Context, p *PrincipalPolicy) error
	// DeletePrincipalPolicy returns ENOTFOUND if there is no such policy.
	DeletePrincipalPolicy(ctx context.Context, accountID, typ, name, policyName string) error
	// ListPrincipalPolicies lists a principal's policies ordered by name.
	ListPrincipalPolicies(ctx context.Context, accountID, typ, name string) ([]*PrincipalPolicy, error)

	// CreateAccessKey returns ENOTFOUND if the principal does not exist,
	// EEXISTS if the key id is taken.
	CreateAccessKey(ctx context.Context, k *AccessKey) error
	// FindAccessKey returns ENOTFOUND.
	FindAccessKey(ctx context.Context, accessKeyID string) (*AccessKey, error)
	// ListAccessKeys lists a principal's keys ordered by creation.
	ListAccessKeys(ctx context.Context, accountID, typ, name string) ([]*AccessKey, error)
	// DeleteAccessKey returns ENOTFOUND.
	DeleteAccessKey(ctx context.Context, accessKeyID string) error
}
