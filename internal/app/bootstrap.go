package app

import (
	"context"

	sg "github.com/sightglass/sightglass"
)

// FullAccessPolicy grants every QuickSight action on every resource.
const FullAccessPolicy = `{"Version":"2012-10-17","Statement":[{"Sid":"QuickSightFullAccess","Effect":"Allow","Action":"quicksight:*","Resource":"*"}]}`

// BootstrapAdmin is the name of the IAM user and QuickSight ADMIN user that
// bootstrap creates.
const BootstrapAdmin = "admin"

// DefaultEmbeddingDomains is the embedding allow-list of the bootstrap
// account: local development hosts on any port.
var DefaultEmbeddingDomains = []string{"http://localhost:*", "https://localhost:*", "http://127.0.0.1:*", "https://127.0.0.1:*"}

// Bootstrapped is what Bootstrap created on an empty store.
type Bootstrapped struct {
	Account   *sg.Account
	AccessKey *sg.AccessKey
	User      *sg.User
}

// Bootstrap prepares an empty store: it subscribes accountID at the
// ENTERPRISE edition, creates the IAM user "admin" with full QuickSight
// access and an access key, and registers it as a QuickSight ADMIN. It
// returns nil if the account is already subscribed (a later start).
func (a *App) Bootstrap(ctx context.Context, accountID string) (*Bootstrapped, error) {
	if _, err := a.Store.FindAccount(ctx, accountID); err == nil {
		return nil, nil
	} else if sg.ErrorCode(err) != sg.ENOTFOUND {
		return nil, err
	}
	if _, err := a.Store.FindPrincipal(ctx, accountID, sg.PrincipalUser, BootstrapAdmin); sg.ErrorCode(err) == sg.ENOTFOUND {
		if _, err := a.CreatePrincipal(ctx, accountID, sg.PrincipalUser, BootstrapAdmin); err != nil {
			return nil, err
		}
	} else if err != nil {
		return nil, err
	}
	if err := a.PutPolicy(ctx, accountID, sg.PrincipalUser, BootstrapAdmin, "QuickSightFullAccess", FullAccessPolicy); err != nil {
		return nil, err
	}
	key, err := a.CreateAccessKey(ctx, accountID, BootstrapAdmin)
	if err != nil {
		return nil, err
	}
	signup, err := a.CreateAccountSubscription(ctx, SubscriptionInput{
		AccountID:            accountID,
		Edition:              sg.EditionEnterprise,
		AuthenticationMethod: sg.AuthIAMAndQuickSight,
		AccountName:          "sightglass-" + accountID,
		NotificationEmail:    "admin@example.com",
	})
	if err != nil {
		return nil, err
	}
	acct := signup.Account
	acct.EmbeddingDomains = DefaultEmbeddingDomains
	if err := a.Store.UpdateAccount(ctx, acct); err != nil {
		return nil, err
	}
	user, _, err := a.RegisterUser(ctx, RegisterUserInput{
		AccountID:    accountID,
		Namespace:    sg.DefaultNamespace,
		IdentityType: sg.IdentityIAM,
		Email:        "admin@example.com",
		UserRole:     sg.RoleAdmin,
		IAMArn:       sg.IAMARN(accountID, sg.PrincipalUser, BootstrapAdmin),
	})
	if err != nil {
		return nil, err
	}
	return &Bootstrapped{Account: acct, AccessKey: key, User: user}, nil
}
