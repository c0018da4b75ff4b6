package app

import (
	"context"
	"maps"

	sg "github.com/sightglass/sightglass"
)

func (a *App) customPermissionsARN(accountID, name string) string {
	return sg.CustomPermissionsARN(a.Region, accountID, name)
}

// CustomPermissionsARN returns the ARN of a profile in this server's region.
func (a *App) CustomPermissionsARN(c *sg.CustomPermissions) string {
	return a.customPermissionsARN(c.AccountID, c.Name)
}

func customPermissionsNotFound(accountID, name string) error {
	return sg.Errorf(sg.ENOTFOUND, "Custom permissions profile %s doesn't exist in account %s.", name, accountID)
}

func (a *App) customPermissionsExist(ctx context.Context, accountID, name string) error {
	_, err := a.Store.FindCustomPermissions(ctx, accountID, name)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return customPermissionsNotFound(accountID, name)
	}
	return err
}

// checkCapabilities validates a Capabilities map: every value must be DENY.
func checkCapabilities(caps map[string]string) error {
	for k, v := range caps {
		if !reCapabilityName.MatchString(k) {
			return sg.Errorf(sg.EINVALID, "'%s' is not a capability.", k)
		}
		if v != sg.CapabilityDeny {
			return invalid("capabilities."+k, v, "Member must satisfy enum value set: [DENY]")
		}
	}
	return nil
}

// checkCustomPermissionsPath validates the common members, authorizes the
// action and checks the subscription.
func (a *App) checkCustomPermissionsPath(ctx context.Context, action, accountID, name string) error {
	if err := checkAccountID(accountID); err != nil {
		return err
	}
	resource := a.customPermissionsARN(accountID, "*")
	if action != "ListCustomPermissions" {
		if err := checkCustomPermissionsName("customPermissionsName", name); err != nil {
			return err
		}
		resource = a.customPermissionsARN(accountID, name)
	}
	if err := a.authorize(ctx, accountID, action, resource); err != nil {
		return err
	}
	_, err := a.account(ctx, accountID)
	return err
}

// CreateCustomPermissions creates a profile.
func (a *App) CreateCustomPermissions(ctx context.Context, accountID, name string, caps map[string]string, tags []sg.Tag) (*sg.CustomPermissions, error) {
	if err := a.checkCustomPermissionsPath(ctx, "CreateCustomPermissions", accountID, name); err != nil {
		return nil, err
	}
	if err := checkCapabilities(caps); err != nil {
		return nil, err
	}
	if err := checkTags(tags); err != nil {
		return nil, err
	}
	now := a.now()
	c := &sg.CustomPermissions{AccountID: accountID, Name: name, Capabilities: maps.Clone(caps), Tags: tags, CreatedAt: now, UpdatedAt: now}
	if c.Capabilities == nil {
		c.Capabilities = map[string]string{}
	}
	if err := a.Store.CreateCustomPermissions(ctx, c); err != nil {
		if sg.ErrorCode(err) == sg.EEXISTS {
			return nil, sg.Errorf(sg.EEXISTS, "Custom permissions profile %s already exists in account %s.", name, accountID)
		}
		return nil, err
	}
	return c, nil
}

// DescribeCustomPermissions returns a profile.
func (a *App) DescribeCustomPermissions(ctx context.Context, accountID, name string) (*sg.CustomPermissions, error) {
	if err := a.checkCustomPermissionsPath(ctx, "DescribeCustomPermissions", accountID, name); err != nil {
		return nil, err
	}
	c, err := a.Store.FindCustomPermissions(ctx, accountID, name)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, customPermissionsNotFound(accountID, name)
	}
	return c, err
}

// UpdateCustomPermissions replaces a profile's capabilities.
func (a *App) UpdateCustomPermissions(ctx context.Context, accountID, name string, caps map[string]string) (*sg.CustomPermissions, error) {
	if err := a.checkCustomPermissionsPath(ctx, "UpdateCustomPermissions", accountID, name); err != nil {
		return nil, err
	}
	if err := checkCapabilities(caps); err != nil {
		return nil, err
	}
	c, err := a.Store.FindCustomPermissions(ctx, accountID, name)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, customPermissionsNotFound(accountID, name)
	} else if err != nil {
		return nil, err
	}
	c.Capabilities = maps.Clone(caps)
	if c.Capabilities == nil {
		c.Capabilities = map[string]string{}
	}
	c.UpdatedAt = a.now()
	if err := a.Store.UpdateCustomPermissions(ctx, c); err != nil {
		if sg.ErrorCode(err) == sg.ENOTFOUND {
			return nil, customPermissionsNotFound(accountID, name)
		}
		return nil, err
	}
	return c, nil
}

// DeleteCustomPermissions deletes a profile that no user has.
func (a *App) DeleteCustomPermissions(ctx context.Context, accountID, name string) error {
	if err := a.checkCustomPermissionsPath(ctx, "DeleteCustomPermissions", accountID, name); err != nil {
		return err
	}
	if err := a.customPermissionsExist(ctx, accountID, name); err != nil {
		return err
	}
	n, err := a.Store.CountUsersWithCustomPermissions(ctx, accountID, name)
	if err != nil {
		return err
	}
	if n > 0 {
		return sg.Errorf(sg.ECONFLICT, "Custom permissions profile %s is assigned to %d user(s); remove it from them first.", name, n)
	}
	if n, err = a.profileAssignments(ctx, accountID, name); err != nil {
		return err
	} else if n > 0 {
		return sg.Errorf(sg.ECONFLICT, "Custom permissions profile %s is applied to a role or to the account; remove it from there first.", name)
	}
	err = a.Store.DeleteCustomPermissions(ctx, accountID, name)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return customPermissionsNotFound(accountID, name)
	}
	return err
}

// ListCustomPermissions returns one page of profiles and the next token.
func (a *App) ListCustomPermissions(ctx context.Context, accountID, nextToken string, maxResults *int) ([]*sg.CustomPermissions, string, error) {
	if err := a.checkCustomPermissionsPath(ctx, "ListCustomPermissions", accountID, ""); err != nil {
		return nil, "", err
	}
	page, err := pageRequest("custom-permissions", accountID, nextToken, maxResults)
	if err != nil {
		return nil, "", err
	}
	list, more, err := a.Store.ListCustomPermissions(ctx, accountID, page)
	if err != nil || !more || len(list) == 0 {
		return list, "", err
	}
	return list, encodeNextToken("custom-permissions", accountID, list[len(list)-1].Name), nil
}

// UpdateUserCustomPermission assigns a profile to a user.
func (a *App) UpdateUserCustomPermission(ctx context.Context, accountID, namespace, userName, name string) error {
	if err := a.checkUserPath(ctx, "UpdateUserCustomPermission", accountID, namespace, userName); err != nil {
		return err
	}
	if name == "" {
		return required("customPermissionsName")
	}
	if err := checkCustomPermissionsName("customPermissionsName", name); err != nil {
		return err
	}
	u, err := a.findUser(ctx, accountID, namespace, userName)
	if err != nil {
		return err
	}
	if err := a.customPermissionsExist(ctx, accountID, name); err != nil {
		return err
	}
	u.CustomPermissionsName = name
	u.UpdatedAt = a.now()
	return a.storeUpdateUser(ctx, u)
}

// DeleteUserCustomPermission removes a user's profile.
func (a *App) DeleteUserCustomPermission(ctx context.Context, accountID, namespace, userName string) error {
	if err := a.checkUserPath(ctx, "DeleteUserCustomPermission", accountID, namespace, userName); err != nil {
		return err
	}
	u, err := a.findUser(ctx, accountID, namespace, userName)
	if err != nil {
		return err
	}
	u.CustomPermissionsName = ""
	u.UpdatedAt = a.now()
	return a.storeUpdateUser(ctx, u)
}
