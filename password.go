package sightglass

import (
	"context"
	"time"
)

// UserPassword is the console password of a QUICKSIGHT identity user, as
// a password hash (never the password), bound to the registration it was
// set for by the user's principal id.
type UserPassword struct {
	AccountID   string
	Namespace   string
	UserName    string
	PrincipalID string
	Hash        string
	UpdatedAt   time.Time
}

// PasswordStore persists the passwords of QUICKSIGHT identity users. A
// user's password is deleted with the user.
type PasswordStore interface {
	// SetUserPassword stores (or replaces) the password of the user it
	// names, if that user exists with principal id p.PrincipalID.
	// Returns ENOTFOUND otherwise.
	SetUserPassword(ctx context.Context, p *UserPassword) error
	// FindUserPassword returns ENOTFOUND.
	FindUserPassword(ctx context.Context, accountID, namespace, userName string) (*UserPassword, error)
}
