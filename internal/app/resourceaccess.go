package app

import (
	"context"
	"slices"

	sg "github.com/sightglass/sightglass"
)

// callerUser returns the QuickSight user the API caller in ctx is bound to
// (an IAM identity registered with the caller's IAM ARN and, for a role
// session, its session name), or nil when the caller is the server itself
// or has no QuickSight user in the account.
func (a *App) callerUser(ctx context.Context, accountID string) (*sg.User, error) {
	c := sg.CallerFromContext(ctx)
	if c == nil || c.AccountID != accountID {
		return nil, nil
	}
	name := c.PrincipalName
	if c.PrincipalType == sg.PrincipalRole && c.SessionName != "" {
		name += "/" + c.SessionName
	}
	u, err := a.Store.FindUser(ctx, accountID, sg.DefaultNamespace, name)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	if !a.callerIsUser(ctx, u) {
		return nil, nil // a QUICKSIGHT identity that happens to share the name
	}
	return u, nil
}

// checkResourceAccess checks that the API caller in ctx may use a data
// source or dataset with these resource permissions (what its owner shared
// and with whom). A caller bound to a QuickSight user needs an entry for
// that user or one of its groups (or, as anywhere, the ADMIN role); an entry for the caller's
// own IAM ARN also counts. A caller with no QuickSight user is governed
// by its IAM policy alone (quicksight:PassDataSource, PassDataSet), and
// the server itself may use everything. kind and arn name the resource in
// the AccessDenied message.
func (a *App) checkResourceAccess(ctx context.Context, accountID, kind, arn string, perms []sg.ResourcePermission) error {
	c := sg.CallerFromContext(ctx)
	if c == nil {
		return nil
	}
	iamARN := sg.IAMARN(c.AccountID, c.PrincipalType, c.PrincipalName)
	if slices.ContainsFunc(perms, func(p sg.ResourcePermission) bool { return p.Principal == iamARN }) {
		return nil
	}
	u, err := a.callerUser(ctx, accountID)
	if err != nil {
		return err
	}
	if u == nil {
		return nil
	}
	visible, err := a.visibility(ctx, u)
	if err != nil {
		return err
	}
	if visible(perms) {
		return nil
	}
	return sg.Errorf(sg.EACCESSDENIED, "User: %s has no permission on %s %s: its owner has not shared it with them.", a.UserARN(u), kind, arn)
}
