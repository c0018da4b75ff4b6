package app

import (
	"context"
	"crypto/rand"
	"encoding/base32"
	"encoding/base64"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/iam"
)

// IAM-side management of principals, policies and keys. These are
// operator operations (the admin command family and bootstrap), not
// QuickSight API operations, so they are not authorized against policies.

func checkPrincipal(accountID, typ, name string) error {
	if err := checkAccountID(accountID); err != nil {
		return err
	}
	if typ != sg.PrincipalUser && typ != sg.PrincipalRole {
		return sg.Errorf(sg.EINVALID, "Principal type must be %q or %q.", sg.PrincipalUser, sg.PrincipalRole)
	}
	if err := checkLen(typ+"Name", name, 1, 64); err != nil {
		return err
	}
	return checkPattern(typ+"Name", name, reIAMName)
}

// randomID returns prefix followed by n characters of [A-Z2-7], the shape
// of AWS access key and principal ids.
func randomID(prefix string, n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return prefix + base32.StdEncoding.EncodeToString(b)[:n]
}

// randomSecret returns a 40-character secret with 240 bits of entropy.
func randomSecret() string {
	b := make([]byte, 30)
	rand.Read(b)
	return base64.StdEncoding.EncodeToString(b)
}

// CreatePrincipal creates an IAM user or role.
func (a *App) CreatePrincipal(ctx context.Context, accountID, typ, name string) (*sg.Principal, error) {
	if err := checkPrincipal(accountID, typ, name); err != nil {
		return nil, err
	}
	prefix := "AIDA"
	if typ == sg.PrincipalRole {
		prefix = "AROA"
	}
	p := &sg.Principal{AccountID: accountID, Type: typ, Name: name, ID: randomID(prefix, 17), CreatedAt: a.now()}
	if err := a.Store.CreatePrincipal(ctx, p); err != nil {
		if sg.ErrorCode(err) == sg.EEXISTS {
			return nil, sg.Errorf(sg.EEXISTS, "IAM %s %s already exists in account %s.", typ, name, accountID)
		}
		return nil, err
	}
	return p, nil
}

// DeletePrincipal deletes an IAM user or role with its keys and policies.
func (a *App) DeletePrincipal(ctx context.Context, accountID, typ, name string) error {
	if err := checkPrincipal(accountID, typ, name); err != nil {
		return err
	}
	defer a.forget()
	return a.Store.DeletePrincipal(ctx, accountID, typ, name)
}

// ListPrincipals lists an account's IAM users and roles.
func (a *App) ListPrincipals(ctx context.Context, accountID string) ([]*sg.Principal, error) {
	if err := checkAccountID(accountID); err != nil {
		return nil, err
	}
	return a.Store.ListPrincipals(ctx, accountID)
}

// PutPolicy attaches (or replaces) an inline policy after validating it.
func (a *App) PutPolicy(ctx context.Context, accountID, typ, name, policyName, document string) error {
	if err := checkPrincipal(accountID, typ, name); err != nil {
		return err
	}
	if err := checkLen("policyName", policyName, 1, 128); err != nil {
		return err
	}
	if err := checkPattern("policyName", policyName, reIAMName); err != nil {
		return err
	}
	if _, err := iam.ParsePolicy([]byte(document)); err != nil {
		return sg.Errorf(sg.EINVALID, "Policy %s is not valid: %v", policyName, err)
	}
	defer a.forget()
	return a.Store.PutPrincipalPolicy(ctx, &sg.PrincipalPolicy{
		AccountID: accountID, PrincipalType: typ, PrincipalName: name,
		PolicyName: policyName, Document: document, UpdatedAt: a.now(),
	})
}

// DeletePolicy detaches an inline policy.
func (a *App) DeletePolicy(ctx context.Context, accountID, typ, name, policyName string) error {
	if err := checkPrincipal(accountID, typ, name); err != nil {
		return err
	}
	defer a.forget()
	return a.Store.DeletePrincipalPolicy(ctx, accountID, typ, name, policyName)
}

// ListPolicies lists a principal's inline policies.
func (a *App) ListPolicies(ctx context.Context, accountID, typ, name string) ([]*sg.PrincipalPolicy, error) {
	if err := checkPrincipal(accountID, typ, name); err != nil {
		return nil, err
	}
	return a.Store.ListPrincipalPolicies(ctx, accountID, typ, name)
}

// CreateAccessKey issues a long-term access key for an IAM user.
func (a *App) CreateAccessKey(ctx context.Context, accountID, userName string) (*sg.AccessKey, error) {
	if err := checkPrincipal(accountID, sg.PrincipalUser, userName); err != nil {
		return nil, err
	}
	k := &sg.AccessKey{
		AccessKeyID:     randomID("AKIA", 16),
		SecretAccessKey: randomSecret(),
		AccountID:       accountID,
		PrincipalType:   sg.PrincipalUser,
		PrincipalName:   userName,
		CreatedAt:       a.now(),
	}
	if err := a.Store.CreateAccessKey(ctx, k); err != nil {
		return nil, err
	}
	return k, nil
}

// AssumeRole issues temporary credentials (with a session token) for a
// session of an IAM role, valid for d (15 minutes to 12 hours).
func (a *App) AssumeRole(ctx context.Context, accountID, role, session string, d time.Duration) (*sg.AccessKey, error) {
	if err := checkPrincipal(accountID, sg.PrincipalRole, role); err != nil {
		return nil, err
	}
	if err := checkLen("roleSessionName", session, 2, 64); err != nil {
		return nil, err
	}
	if err := checkPattern("roleSessionName", session, reSessionName); err != nil {
		return nil, err
	}
	if d < 15*time.Minute || d > 12*time.Hour {
		return nil, sg.Errorf(sg.EINVALID, "The session duration must be between 15 minutes and 12 hours.")
	}
	now := a.now()
	tok := make([]byte, 48)
	rand.Read(tok)
	k := &sg.AccessKey{
		AccessKeyID:     randomID("ASIA", 16),
		SecretAccessKey: randomSecret(),
		AccountID:       accountID,
		PrincipalType:   sg.PrincipalRole,
		PrincipalName:   role,
		SessionName:     session,
		SessionToken:    base64.StdEncoding.EncodeToString(tok),
		Expires:         now.Add(d),
		CreatedAt:       now,
	}
	if err := a.Store.CreateAccessKey(ctx, k); err != nil {
		return nil, err
	}
	return k, nil
}

// DeleteAccessKey revokes an access key.
func (a *App) DeleteAccessKey(ctx context.Context, accessKeyID string) error {
	defer a.forget()
	return a.Store.DeleteAccessKey(ctx, accessKeyID)
}

// ListAccessKeys lists a principal's access keys.
func (a *App) ListAccessKeys(ctx context.Context, accountID, typ, name string) ([]*sg.AccessKey, error) {
	if err := checkPrincipal(accountID, typ, name); err != nil {
		return nil, err
	}
	return a.Store.ListAccessKeys(ctx, accountID, typ, name)
}
