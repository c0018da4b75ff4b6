package app

import (
	"context"
	"strings"

	sg "github.com/sightglass/sightglass"
)

// RegisterUserInput is RegisterUser's input.
type RegisterUserInput struct {
	AccountID                           string
	Namespace                           string
	IdentityType                        string
	Email                               string
	UserRole                            string
	IAMArn                              string
	SessionName                         string
	UserName                            string
	CustomPermissionsName               string
	ExternalLoginFederationProviderType string
	CustomFederationProviderURL         string
	ExternalLoginID                     string
	Tags                                []sg.Tag
	// PublicURL is the server's external base URL, for the invitation
	// link of a QUICKSIGHT identity user.
	PublicURL string
}

// UserARN returns the ARN of a user of this server's region.
func (a *App) UserARN(u *sg.User) string {
	return sg.UserARN(a.Region, u.AccountID, u.Namespace, u.UserName)
}

// checkUserPath validates the account, namespace and user name of a user
// operation, authorizes it, and checks the subscription and namespace.
func (a *App) checkUserPath(ctx context.Context, action, accountID, namespace, userName string) error {
	if err := checkAccountID(accountID); err != nil {
		return err
	}
	if err := checkNamespace(namespace); err != nil {
		return err
	}
	if userName != "" || action != "ListUsers" {
		if err := checkUserName("userName", userName); err != nil {
			return err
		}
	}
	resource := sg.UserARN(a.Region, accountID, namespace, userName)
	if action == "ListUsers" {
		resource = sg.UserARN(a.Region, accountID, namespace, "*")
	}
	if err := a.authorize(ctx, accountID, action, resource); err != nil {
		return err
	}
	if _, err := a.account(ctx, accountID); err != nil {
		return err
	}
	return a.namespaceExists(ctx, accountID, namespace)
}

// RegisterUser creates a QuickSight user. IAM identities are bound to the
// IAM user or role they name; a role registration needs a session name and
// yields the user name ROLE/SESSION. A QUICKSIGHT identity user also gets
// an invitation link (UserInvitationUrl), returned with the user: there the
// user sets the password of their console sign-in, and until then the
// user reads as inactive.
func (a *App) RegisterUser(ctx context.Context, in RegisterUserInput) (*sg.User, string, error) {
	u, err := a.registerUser(ctx, in)
	if err != nil || u.IdentityType != sg.IdentityQuickSight {
		return u, "", err
	}
	token, err := a.invite(ctx, u)
	if err != nil {
		return nil, "", err
	}
	c := *u
	c.Active = false // until the invitation is accepted
	return &c, InvitationURL(in.PublicURL, token), nil
}

func (a *App) registerUser(ctx context.Context, in RegisterUserInput) (*sg.User, error) {
	if err := checkAccountID(in.AccountID); err != nil {
		return nil, err
	}
	if err := checkNamespace(in.Namespace); err != nil {
		return nil, err
	}
	if in.IdentityType == "" {
		return nil, required("identityType")
	}
	if err := checkModel("IdentityType", "identityType", in.IdentityType); err != nil {
		return nil, err
	}
	if in.Email == "" {
		return nil, required("email")
	}
	if in.UserRole == "" {
		return nil, required("userRole")
	}
	if err := checkModel("UserRole", "userRole", in.UserRole); err != nil {
		return nil, err
	}
	if in.SessionName != "" {
		if err := checkModel("RoleSessionName", "sessionName", in.SessionName); err != nil {
			return nil, err
		}
	}
	if in.UserName != "" {
		if err := checkUserName("userName", in.UserName); err != nil {
			return nil, err
		}
	}
	if in.CustomPermissionsName != "" {
		if err := checkCustomPermissionsName("customPermissionsName", in.CustomPermissionsName); err != nil {
			return nil, err
		}
	}
	if err := checkTags(in.Tags); err != nil {
		return nil, err
	}
	if err := checkEmail("Email", in.Email); err != nil {
		return nil, err
	}

	u := &sg.User{
		AccountID:                           in.AccountID,
		Namespace:                           in.Namespace,
		Email:                               in.Email,
		Role:                                in.UserRole,
		IdentityType:                        in.IdentityType,
		Active:                              true,
		CustomPermissionsName:               in.CustomPermissionsName,
		ExternalLoginFederationProviderType: in.ExternalLoginFederationProviderType,
		ExternalLoginFederationProviderURL:  in.CustomFederationProviderURL,
		ExternalLoginID:                     in.ExternalLoginID,
		Tags:                                in.Tags,
	}
	notApplicable := func(what string) error {
		return sg.Errorf(sg.EINVALID, "The following parameters are not applicable to this identity type: %s. AWS account ID: %s, Namespace: %s.", what, in.AccountID, in.Namespace)
	}
	var principalType, principalName string // IAM identities only
	switch in.IdentityType {
	case sg.IdentityIAM:
		if in.UserName != "" {
			return nil, notApplicable("User Name")
		}
		if in.IAMArn == "" {
			return nil, sg.Errorf(sg.EINVALID, "IamArn is required for identity type IAM.")
		}
		arn, ok := sg.ParseARN(in.IAMArn)
		if !ok || arn.Service != "iam" || arn.Region != "" {
			return nil, sg.Errorf(sg.EINVALID, "IamArn '%s' is not a valid IAM user or role ARN.", in.IAMArn)
		}
		typ, name, ok := strings.Cut(arn.Resource, "/")
		if !ok || (typ != sg.PrincipalUser && typ != sg.PrincipalRole) || !reIAMName.MatchString(name) {
			return nil, sg.Errorf(sg.EINVALID, "IamArn '%s' is not a valid IAM user or role ARN.", in.IAMArn)
		}
		if arn.AccountID != in.AccountID {
			return nil, sg.Errorf(sg.EINVALID, "IamArn '%s' belongs to another AWS account than %s.", in.IAMArn, in.AccountID)
		}
		u.IAMArn = in.IAMArn
		u.UserName = name
		switch typ {
		case sg.PrincipalRole:
			if in.SessionName == "" {
				return nil, sg.Errorf(sg.EINVALID, "SessionName is required to register an IAM role.")
			}
			u.UserName = name + "/" + in.SessionName
			u.SessionName = in.SessionName
		default:
			if in.SessionName != "" {
				return nil, notApplicable("Session Name")
			}
		}
		principalType, principalName = typ, name
	case sg.IdentityQuickSight:
		if in.IAMArn != "" {
			return nil, notApplicable("IAM Arn")
		}
		if in.SessionName != "" {
			return nil, notApplicable("Session Name")
		}
		if in.UserName == "" {
			return nil, sg.Errorf(sg.EINVALID, "UserName is required for identity type QUICKSIGHT.")
		}
		u.UserName = in.UserName
	default:
		return nil, sg.Errorf(sg.EINVALID, "Identity type %s is not supported by this account: its authentication method does not use IAM Identity Center.", in.IdentityType)
	}

	if err := a.checkUserPath(ctx, "RegisterUser", in.AccountID, in.Namespace, u.UserName); err != nil {
		return nil, err
	}
	// Only an authorized caller may learn whether an IAM principal exists.
	var principal *sg.Principal
	if principalType != "" {
		p, err := a.Store.FindPrincipal(ctx, in.AccountID, principalType, principalName)
		if sg.ErrorCode(err) == sg.ENOTFOUND {
			return nil, sg.Errorf(sg.EINVALID, "The IAM %s %s does not exist in account %s.", principalType, principalName, in.AccountID)
		} else if err != nil {
			return nil, err
		}
		principal = p
	}
	if u.CustomPermissionsName != "" {
		if err := a.customPermissionsExist(ctx, in.AccountID, u.CustomPermissionsName); err != nil {
			return nil, err
		}
	}
	switch {
	case principal != nil && u.SessionName != "":
		u.PrincipalID = "federated/iam/" + principal.ID + ":" + u.SessionName
	case principal != nil:
		u.PrincipalID = "federated/iam/" + principal.ID
	default:
		u.PrincipalID = "federated/quicksight/" + randomHex(16)
	}
	u.CreatedAt = a.now()
	u.UpdatedAt = u.CreatedAt
	if err := a.storeCreateUser(ctx, u); err != nil {
		if sg.ErrorCode(err) == sg.EEXISTS {
			return nil, sg.Errorf(sg.EEXISTS, "The user with the name %s already exists in namespace %s.", u.UserName, in.Namespace).WithResource(sg.ResourceUser)
		}
		return nil, err
	}
	if err := a.createdInNamespace(ctx, in.AccountID, in.Namespace, func() error {
		return a.storeDeleteUser(ctx, in.AccountID, in.Namespace, u.UserName)
	}); err != nil {
		return nil, err
	}
	return u, nil
}

func (a *App) userNotFound(accountID, namespace, userName string) error {
	return sg.Errorf(sg.ENOTFOUND, "The user with the name %s doesn't exist in namespace %s of account %s.", userName, namespace, accountID).WithResource(sg.ResourceUser)
}

// findUser reads a user, translating not-found into the API's message.
func (a *App) findUser(ctx context.Context, accountID, namespace, userName string) (*sg.User, error) {
	u, err := a.Store.FindUser(ctx, accountID, namespace, userName)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, a.userNotFound(accountID, namespace, userName)
	}
	return u, err
}

// DescribeUser returns a user. It reads through the user cache (see
// usercache.go): a change made through this App shows at once, one made
// by another process within the cache's lifetime. The result is shared and
// must not be modified.
func (a *App) DescribeUser(ctx context.Context, accountID, namespace, userName string) (*sg.User, error) {
	if err := a.checkUserPath(ctx, "DescribeUser", accountID, namespace, userName); err != nil {
		return nil, err
	}
	u, err := a.cachedFindUser(ctx, accountID, namespace, userName)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, a.userNotFound(accountID, namespace, userName)
	}
	if err != nil {
		return nil, err
	}
	return a.presentUser(ctx, u)
}

// UpdateUserInput is UpdateUser's input.
type UpdateUserInput struct {
	AccountID                           string
	Namespace                           string
	UserName                            string
	Email                               string
	Role                                string
	CustomPermissionsName               string
	UnapplyCustomPermissions            bool
	ExternalLoginFederationProviderType *string
	CustomFederationProviderURL         *string
	ExternalLoginID                     *string
}

// UpdateUser changes a user's email, role, custom permissions and external
// login.
func (a *App) UpdateUser(ctx context.Context, in UpdateUserInput) (*sg.User, error) {
	if err := a.checkUserPath(ctx, "UpdateUser", in.AccountID, in.Namespace, in.UserName); err != nil {
		return nil, err
	}
	if in.Email == "" {
		return nil, required("email")
	}
	if in.Role == "" {
		return nil, required("role")
	}
	if err := checkModel("UserRole", "role", in.Role); err != nil {
		return nil, err
	}
	if err := checkEmail("Email", in.Email); err != nil {
		return nil, err
	}
	if in.CustomPermissionsName != "" {
		if err := checkCustomPermissionsName("customPermissionsName", in.CustomPermissionsName); err != nil {
			return nil, err
		}
		if in.UnapplyCustomPermissions {
			return nil, sg.Errorf(sg.EINVALID, "CustomPermissionsName and UnapplyCustomPermissions can't be used together.")
		}
	}
	u, err := a.findUser(ctx, in.AccountID, in.Namespace, in.UserName)
	if err != nil {
		return nil, err
	}
	if in.CustomPermissionsName != "" {
		if err := a.customPermissionsExist(ctx, in.AccountID, in.CustomPermissionsName); err != nil {
			return nil, err
		}
		u.CustomPermissionsName = in.CustomPermissionsName
	}
	if in.UnapplyCustomPermissions {
		u.CustomPermissionsName = ""
	}
	roleChanged := u.Role != in.Role
	u.Email = in.Email
	u.Role = in.Role
	if in.ExternalLoginFederationProviderType != nil {
		u.ExternalLoginFederationProviderType = *in.ExternalLoginFederationProviderType
	}
	if in.CustomFederationProviderURL != nil {
		u.ExternalLoginFederationProviderURL = *in.CustomFederationProviderURL
	}
	if in.ExternalLoginID != nil {
		u.ExternalLoginID = *in.ExternalLoginID
	}
	u.UpdatedAt = a.now()
	if err := a.storeUpdateUser(ctx, u); err != nil {
		if sg.ErrorCode(err) == sg.ENOTFOUND {
			return nil, a.userNotFound(in.AccountID, in.Namespace, in.UserName)
		}
		return nil, err
	}
	if roleChanged {
		if err := a.endSessions(ctx, u.AccountID, u.Namespace, u.UserName); err != nil {
			return nil, err
		}
	}
	return a.presentUser(ctx, u)
}

// DeleteUser deletes a user by name.
func (a *App) DeleteUser(ctx context.Context, accountID, namespace, userName string) error {
	if err := a.checkUserPath(ctx, "DeleteUser", accountID, namespace, userName); err != nil {
		return err
	}
	err := a.storeDeleteUser(ctx, accountID, namespace, userName)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return a.userNotFound(accountID, namespace, userName)
	} else if err != nil {
		return err
	}
	return a.endSessions(ctx, accountID, namespace, userName)
}

// DeleteUserByPrincipalID deletes a user by principal id.
func (a *App) DeleteUserByPrincipalID(ctx context.Context, accountID, namespace, principalID string) error {
	if err := checkAccountID(accountID); err != nil {
		return err
	}
	if err := checkNamespace(namespace); err != nil {
		return err
	}
	if principalID == "" {
		return required("principalId")
	}
	// The user's ARN is not known before the lookup; authorize on the
	// namespace's users.
	if err := a.authorize(ctx, accountID, "DeleteUserByPrincipalId", sg.UserARN(a.Region, accountID, namespace, "*")); err != nil {
		return err
	}
	if _, err := a.subscribed(ctx, accountID); err != nil {
		return err
	}
	if err := a.namespaceExists(ctx, accountID, namespace); err != nil {
		return err
	}
	u, err := a.Store.FindUserByPrincipalID(ctx, accountID, namespace, principalID)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return sg.Errorf(sg.ENOTFOUND, "The user with the principal ID %s doesn't exist in namespace %s of account %s.", principalID, namespace, accountID).WithResource(sg.ResourceUser)
	} else if err != nil {
		return err
	}
	err = a.storeDeleteUser(ctx, accountID, namespace, u.UserName)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return a.userNotFound(accountID, namespace, u.UserName)
	} else if err != nil {
		return err
	}
	return a.endSessions(ctx, accountID, namespace, u.UserName)
}

// ListUsers returns one page of users and the token of the next page ("" on
// the last page).
func (a *App) ListUsers(ctx context.Context, accountID, namespace, nextToken string, maxResults *int) ([]*sg.User, string, error) {
	if err := a.checkUserPath(ctx, "ListUsers", accountID, namespace, ""); err != nil {
		return nil, "", err
	}
	page, err := pageRequest("users", accountID, nextToken, maxResults)
	if err != nil {
		return nil, "", err
	}
	users, more, err := a.Store.ListUsers(ctx, accountID, namespace, page)
	if err != nil {
		return nil, "", err
	}
	if err := a.presentUsers(ctx, users); err != nil {
		return nil, "", err
	}
	if !more || len(users) == 0 {
		return users, "", nil
	}
	return users, encodeNextToken("users", accountID, users[len(users)-1].UserName), nil
}

// endSessions ends every console session of a user. (A session also
// checks its user on every request, so this is belt and braces.)
func (a *App) endSessions(ctx context.Context, accountID, namespace, userName string) error {
	_, err := a.Store.DeleteUserSessions(ctx, accountID, namespace, userName)
	return err
}

// SetUserActive activates or deactivates a user; deactivating ends the
// user's console sessions and stops new embed URLs for them.
func (a *App) SetUserActive(ctx context.Context, accountID, namespace, userName string, active bool) error {
	u, err := a.findUser(ctx, accountID, namespace, userName)
	if err != nil {
		return err
	}
	u.Active = active
	u.UpdatedAt = a.now()
	if err := a.storeUpdateUser(ctx, u); err != nil {
		return err
	}
	if !active {
		return a.endSessions(ctx, accountID, namespace, userName)
	}
	return nil
}
