package app

import (
	"context"
	"strings"

	sg "github.com/sightglass/sightglass"
)

// SubscriptionInput is CreateAccountSubscription's input.
type SubscriptionInput struct {
	AccountID            string
	Edition              string // optional; ENTERPRISE when empty
	AuthenticationMethod string
	AccountName          string
	NotificationEmail    string
	ActiveDirectoryName  string
	AdminGroup           []string
	FirstName            string
	LastName             string
	EmailAddress         string
	ContactNumber        string
}

// Signup is CreateAccountSubscription's result.
type Signup struct {
	Account       *sg.Account
	IAMUser       bool
	UserLoginName string
	DirectoryType string
}

// CreateAccountSubscription subscribes an AWS account id to QuickSight.
func (a *App) CreateAccountSubscription(ctx context.Context, in SubscriptionInput) (*Signup, error) {
	if err := checkAccountID(in.AccountID); err != nil {
		return nil, err
	}
	if err := a.authorize(ctx, in.AccountID, "CreateAccountSubscription", a.accountResource(in.AccountID)); err != nil {
		return nil, err
	}
	if in.Edition == "" {
		in.Edition = sg.EditionEnterprise
	}
	if err := checkModel("Edition", "edition", in.Edition); err != nil {
		return nil, err
	}
	if in.AuthenticationMethod == "" {
		return nil, required("authenticationMethod")
	}
	if err := checkModel("AuthenticationMethodOption", "authenticationMethod", in.AuthenticationMethod); err != nil {
		return nil, err
	}
	if in.AccountName == "" {
		return nil, required("accountName")
	}
	if err := checkLen("accountName", in.AccountName, 1, 62); err != nil {
		return nil, err
	}
	if err := checkPattern("accountName", in.AccountName, reAccountName); err != nil {
		return nil, err
	}
	if strings.HasPrefix(in.AccountName, "D-") || strings.HasPrefix(in.AccountName, "d-") {
		return nil, invalid("accountName", in.AccountName, "Member must not start with D- or d-")
	}
	if in.NotificationEmail == "" {
		return nil, required("notificationEmail")
	}
	if err := checkEmail("NotificationEmail", in.NotificationEmail); err != nil {
		return nil, err
	}
	switch in.AuthenticationMethod {
	case sg.AuthActiveDirectory:
		if in.ActiveDirectoryName == "" || len(in.AdminGroup) == 0 {
			return nil, sg.Errorf(sg.EINVALID, "ActiveDirectoryName and AdminGroup are required when AuthenticationMethod is ACTIVE_DIRECTORY.")
		}
		return nil, sg.Errorf(sg.EINVALID, "Sightglass does not support Active Directory authentication; use IAM_AND_QUICKSIGHT or IAM_ONLY.")
	case sg.AuthIAMIdentityCenter:
		if len(in.AdminGroup) == 0 {
			return nil, sg.Errorf(sg.EINVALID, "AdminGroup is required when AuthenticationMethod is IAM_IDENTITY_CENTER.")
		}
		return nil, sg.Errorf(sg.EINVALID, "Sightglass does not support IAM Identity Center authentication; use IAM_AND_QUICKSIGHT or IAM_ONLY.")
	}
	if in.Edition == sg.EditionEnterpriseAndQ && (in.FirstName == "" || in.LastName == "" || in.EmailAddress == "" || in.ContactNumber == "") {
		return nil, sg.Errorf(sg.EINVALID, "FirstName, LastName, EmailAddress and ContactNumber are required for the ENTERPRISE_AND_Q edition.")
	}
	now := a.now()
	acct := &sg.Account{
		ID:                 in.AccountID,
		Name:               in.AccountName,
		Edition:            in.Edition,
		AuthenticationType: in.AuthenticationMethod,
		NotificationEmail:  in.NotificationEmail,
		Status:             "ACCOUNT_CREATED",
		DefaultNamespace:   sg.DefaultNamespace,
		EmbeddingDomains:   []string{},
		CreatedAt:          now,
		UpdatedAt:          now,
	}
	if err := a.Store.CreateAccount(ctx, acct); err != nil {
		switch sg.ErrorCode(err) {
		case sg.EEXISTS:
			return nil, sg.Errorf(sg.EEXISTS, "Account %s is already signed up for Amazon QuickSight.", in.AccountID).WithResource(sg.ResourceAccountSettings)
		case sg.ECONFLICT:
			return nil, sg.Errorf(sg.ECONFLICT, "The account name %s is already in use. Choose another name.", in.AccountName)
		}
		return nil, err
	}
	s := &Signup{Account: acct, IAMUser: true, DirectoryType: "IAM"}
	if c := sg.CallerFromContext(ctx); c != nil {
		s.UserLoginName = c.PrincipalName
		if c.SessionName != "" {
			s.UserLoginName += "/" + c.SessionName
		}
	}
	return s, nil
}

// DescribeAccountSubscription returns the subscription of an account id.
func (a *App) DescribeAccountSubscription(ctx context.Context, accountID string) (*sg.Account, error) {
	if err := checkAccountID(accountID); err != nil {
		return nil, err
	}
	if err := a.authorize(ctx, accountID, "DescribeAccountSubscription", a.accountResource(accountID)); err != nil {
		return nil, err
	}
	return a.subscribed(ctx, accountID)
}

// DescribeAccountSettings returns the settings of a subscribed account.
func (a *App) DescribeAccountSettings(ctx context.Context, accountID string) (*sg.Account, error) {
	if err := checkAccountID(accountID); err != nil {
		return nil, err
	}
	if err := a.authorize(ctx, accountID, "DescribeAccountSettings", a.accountResource(accountID)); err != nil {
		return nil, err
	}
	return a.subscribed(ctx, accountID)
}

// SettingsUpdate is UpdateAccountSettings's input; nil fields are unchanged.
type SettingsUpdate struct {
	AccountID                    string
	DefaultNamespace             string
	NotificationEmail            *string
	TerminationProtectionEnabled *bool
}

// UpdateAccountSettings changes an account's settings.
func (a *App) UpdateAccountSettings(ctx context.Context, in SettingsUpdate) error {
	if err := checkAccountID(in.AccountID); err != nil {
		return err
	}
	if err := a.authorize(ctx, in.AccountID, "UpdateAccountSettings", a.accountResource(in.AccountID)); err != nil {
		return err
	}
	if in.DefaultNamespace == "" {
		return required("defaultNamespace")
	}
	if err := checkNamespace(in.DefaultNamespace); err != nil {
		return err
	}
	acct, err := a.subscribed(ctx, in.AccountID)
	if err != nil {
		return err
	}
	if err := a.namespaceExists(ctx, in.AccountID, in.DefaultNamespace); err != nil {
		return err
	}
	if err := onlyDefaultNamespace(in.AccountID, in.DefaultNamespace); err != nil {
		return err
	}
	if in.NotificationEmail != nil {
		if err := checkEmail("NotificationEmail", *in.NotificationEmail); err != nil {
			return err
		}
		acct.NotificationEmail = *in.NotificationEmail
	}
	if in.TerminationProtectionEnabled != nil {
		acct.TerminationProtectionEnabled = *in.TerminationProtectionEnabled
	}
	acct.DefaultNamespace = in.DefaultNamespace
	acct.UpdatedAt = a.now()
	defer a.forgetAccount(in.AccountID)
	return a.Store.UpdateAccount(ctx, acct)
}
