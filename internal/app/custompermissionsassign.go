package app

import (
	"context"

	sg "github.com/sightglass/sightglass"
)

// assignmentRoles are the roles a profile can be applied to (the model's
// Role enum).
var assignmentRoles = []string{sg.RoleAdmin, sg.RoleAuthor, sg.RoleReader, sg.RoleAdminPro, sg.RoleAuthorPro, sg.RoleReaderPro}

// checkRolePath validates the members of a role custom permission
// operation, authorizes it on the namespace and checks the subscription
// and the namespace.
func (a *App) checkRolePath(ctx context.Context, action, accountID, namespace, role string) error {
	if err := checkAccountID(accountID); err != nil {
		return err
	}
	if err := checkNamespace(namespace); err != nil {
		return err
	}
	if err := checkEnum("role", role, assignmentRoles); err != nil {
		return err
	}
	if err := a.authorize(ctx, accountID, action, sg.QuickSightARN(a.Region, accountID, "namespace/"+namespace)); err != nil {
		return err
	}
	if _, err := a.account(ctx, accountID); err != nil {
		return err
	}
	return a.namespaceExists(ctx, accountID, namespace)
}

// checkAccountPermissionPath validates and authorizes an account custom
// permission operation.
func (a *App) checkAccountPermissionPath(ctx context.Context, action, accountID string) error {
	if err := checkAccountID(accountID); err != nil {
		return err
	}
	if err := a.authorize(ctx, accountID, action, a.accountResource(accountID)); err != nil {
		return err
	}
	_, err := a.account(ctx, accountID)
	return err
}

// assign applies an existing profile to a role or (role "") the account.
func (a *App) assign(ctx context.Context, accountID, namespace, role, name string) error {
	if name == "" {
		return required("customPermissionsName")
	}
	if err := checkCustomPermissionsName("customPermissionsName", name); err != nil {
		return err
	}
	if err := a.customPermissionsExist(ctx, accountID, name); err != nil {
		return err
	}
	return a.Store.PutCustomPermissionsAssignment(ctx, &sg.CustomPermissionsAssignment{
		AccountID: accountID, Namespace: namespace, Role: role, Name: name, UpdatedAt: a.now(),
	})
}

// assigned returns the name of the profile applied to a role or (role "")
// the account, or "".
func (a *App) assigned(ctx context.Context, accountID, namespace, role string) (string, error) {
	list, err := a.Store.ListCustomPermissionsAssignments(ctx, accountID)
	if err != nil {
		return "", err
	}
	for _, as := range list {
		if as.Namespace == namespace && as.Role == role {
			return as.Name, nil
		}
	}
	return "", nil
}

// unassign removes the profile of a role or (role "") the account; there
// being none is not an error.
func (a *App) unassign(ctx context.Context, accountID, namespace, role string) error {
	err := a.Store.DeleteCustomPermissionsAssignment(ctx, accountID, namespace, role)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil
	}
	return err
}

// UpdateRoleCustomPermission applies a profile to every user of a role.
func (a *App) UpdateRoleCustomPermission(ctx context.Context, accountID, namespace, role, name string) error {
	if err := a.checkRolePath(ctx, "UpdateRoleCustomPermission", accountID, namespace, role); err != nil {
		return err
	}
	return a.assign(ctx, accountID, namespace, role, name)
}

// DescribeRoleCustomPermission returns the name of the profile applied to
// a role, or "" when there is none.
func (a *App) DescribeRoleCustomPermission(ctx context.Context, accountID, namespace, role string) (string, error) {
	if err := a.checkRolePath(ctx, "DescribeRoleCustomPermission", accountID, namespace, role); err != nil {
		return "", err
	}
	return a.assigned(ctx, accountID, namespace, role)
}

// DeleteRoleCustomPermission removes the profile applied to a role.
func (a *App) DeleteRoleCustomPermission(ctx context.Context, accountID, namespace, role string) error {
	if err := a.checkRolePath(ctx, "DeleteRoleCustomPermission", accountID, namespace, role); err != nil {
		return err
	}
	return a.unassign(ctx, accountID, namespace, role)
}

// UpdateAccountCustomPermission applies a profile to every user of the
// account.
func (a *App) UpdateAccountCustomPermission(ctx context.Context, accountID, name string) error {
	if err := a.checkAccountPermissionPath(ctx, "UpdateAccountCustomPermission", accountID); err != nil {
		return err
	}
	return a.assign(ctx, accountID, "", "", name)
}

// DescribeAccountCustomPermission returns the name of the profile applied
// to the account, or "" when there is none.
func (a *App) DescribeAccountCustomPermission(ctx context.Context, accountID string) (string, error) {
	if err := a.checkAccountPermissionPath(ctx, "DescribeAccountCustomPermission", accountID); err != nil {
		return "", err
	}
	return a.assigned(ctx, accountID, "", "")
}

// DeleteAccountCustomPermission removes the profile applied to the account.
func (a *App) DeleteAccountCustomPermission(ctx context.Context, accountID string) error {
	if err := a.checkAccountPermissionPath(ctx, "DeleteAccountCustomPermission", accountID); err != nil {
		return err
	}
	return a.unassign(ctx, accountID, "", "")
}

// EffectiveCustomPermissions returns the profile that governs user: their
// own, else the one applied to their role in their namespace, else the
// account's; nil when none applies. A named profile that no longer exists
// restricts nothing.
func (a *App) EffectiveCustomPermissions(ctx context.Context, u *sg.User) (*sg.CustomPermissions, error) {
	name := u.CustomPermissionsName
	if name == "" {
		list, err := a.Store.ListCustomPermissionsAssignments(ctx, u.AccountID)
		if err != nil {
			return nil, err
		}
		var account string
		for _, as := range list {
			switch {
			case as.Role == "":
				account = as.Name
			case as.Namespace == u.Namespace && as.Role == u.Role:
				name = as.Name
			}
		}
		if name == "" {
			name = account
		}
	}
	if name == "" {
		return nil, nil
	}
	c, err := a.Store.FindCustomPermissions(ctx, u.AccountID, name)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, nil
	}
	return c, err
}

// Denies reports whether user's effective profile denies capability.
func (a *App) Denies(ctx context.Context, u *sg.User, capability string) (bool, error) {
	c, err := a.EffectiveCustomPermissions(ctx, u)
	if err != nil || c == nil {
		return false, err
	}
	return c.Capabilities[capability] == sg.CapabilityDeny, nil
}

// profileAssignments counts the roles and the account a profile is
// applied to.
func (a *App) profileAssignments(ctx context.Context, accountID, name string) (int, error) {
	list, err := a.Store.ListCustomPermissionsAssignments(ctx, accountID)
	if err != nil {
		return 0, err
	}
	n := 0
	for _, as := range list {
		if as.Name == name {
			n++
		}
	}
	return n, nil
}

// CapabilityAnalysis is the capability that, denied, keeps an author from
// analyses in the console.
const CapabilityAnalysis = "Analysis"

// checkCapability returns EACCESSDENIED when user's effective profile
// (their own, their role's or the account's) denies capability; doing
// says what it keeps them from ("create analyses").
func (a *App) checkCapability(ctx context.Context, u *sg.User, capability, doing string) error {
	denied, err := a.Denies(ctx, u, capability)
	if err != nil {
		return err
	}
	if denied {
		return sg.Errorf(sg.EACCESSDENIED, "Your custom permissions profile denies the %s capability, which you need to %s.", capability, doing)
	}
	return nil
}

// ConsoleAuthor reports whether user may author in the console: an author
// role whose effective custom permissions profile does not deny analyses.
func (a *App) ConsoleAuthor(ctx context.Context, u *sg.User) (bool, error) {
	if !IsAuthorRole(u.Role) {
		return false, nil
	}
	denied, err := a.Denies(ctx, u, CapabilityAnalysis)
	return !denied, err
}
