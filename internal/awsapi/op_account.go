package awsapi

import (
	"context"
	"net/http"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
)

func (s *Server) accountOps() []*op {
	return []*op{
		{Name: "CreateAccountSubscription", Method: http.MethodPost, Template: "/account/{AwsAccountId}", Status: http.StatusOK, Handle: s.createAccountSubscription},
		{Name: "DescribeAccountSubscription", Method: http.MethodGet, Template: "/account/{AwsAccountId}", Status: http.StatusOK, Handle: s.describeAccountSubscription},
		{Name: "DescribeAccountSettings", Method: http.MethodGet, Template: "/accounts/{AwsAccountId}/settings", Status: http.StatusOK, Handle: s.describeAccountSettings},
		{Name: "UpdateAccountSettings", Method: http.MethodPut, Template: "/accounts/{AwsAccountId}/settings", Status: http.StatusOK, Handle: s.updateAccountSettings},
	}
}

type signupResponse struct {
	IAMUser       bool   `json:"IAMUser"`
	UserLoginName string `json:"userLoginName,omitempty"`
	AccountName   string `json:"accountName"`
	DirectoryType string `json:"directoryType"`
}

type createAccountSubscriptionOutput struct {
	meta
	SignupResponse signupResponse
}

func (s *Server) createAccountSubscription(ctx context.Context, in *input) (output, error) {
	var body struct {
		Edition                      string
		AuthenticationMethod         string
		AccountName                  string
		NotificationEmail            string
		ActiveDirectoryName          string
		Realm                        string
		DirectoryId                  string
		AdminGroup                   []string
		AuthorGroup                  []string
		ReaderGroup                  []string
		AdminProGroup                []string
		AuthorProGroup               []string
		ReaderProGroup               []string
		FirstName                    string
		LastName                     string
		EmailAddress                 string
		ContactNumber                string
		IAMIdentityCenterInstanceArn string
	}
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	signup, err := s.app.CreateAccountSubscription(ctx, app.SubscriptionInput{
		AccountID:            in.Labels["AwsAccountId"],
		Edition:              body.Edition,
		AuthenticationMethod: body.AuthenticationMethod,
		AccountName:          body.AccountName,
		NotificationEmail:    body.NotificationEmail,
		ActiveDirectoryName:  body.ActiveDirectoryName,
		AdminGroup:           append(body.AdminGroup, body.AdminProGroup...),
		FirstName:            body.FirstName,
		LastName:             body.LastName,
		EmailAddress:         body.EmailAddress,
		ContactNumber:        body.ContactNumber,
	})
	if err != nil {
		return nil, err
	}
	return &createAccountSubscriptionOutput{SignupResponse: signupResponse{
		IAMUser:       signup.IAMUser,
		UserLoginName: signup.UserLoginName,
		AccountName:   signup.Account.Name,
		DirectoryType: signup.DirectoryType,
	}}, nil
}

type accountInfo struct {
	AccountName               string
	Edition                   string
	NotificationEmail         string
	AuthenticationType        string
	AccountSubscriptionStatus string
}

type describeAccountSubscriptionOutput struct {
	meta
	AccountInfo accountInfo
}

func (s *Server) describeAccountSubscription(ctx context.Context, in *input) (output, error) {
	a, err := s.app.DescribeAccountSubscription(ctx, in.Labels["AwsAccountId"])
	if err != nil {
		return nil, err
	}
	return &describeAccountSubscriptionOutput{AccountInfo: accountInfo{
		AccountName:               a.Name,
		Edition:                   a.Edition,
		NotificationEmail:         a.NotificationEmail,
		AuthenticationType:        a.AuthenticationType,
		AccountSubscriptionStatus: a.Status,
	}}, nil
}

type accountSettings struct {
	AccountName                  string
	Edition                      string
	DefaultNamespace             string
	NotificationEmail            string
	PublicSharingEnabled         bool
	TerminationProtectionEnabled bool
}

type describeAccountSettingsOutput struct {
	meta
	AccountSettings accountSettings
}

func toAccountSettings(a *sg.Account) accountSettings {
	return accountSettings{
		AccountName:                  a.Name,
		Edition:                      a.Edition,
		DefaultNamespace:             a.DefaultNamespace,
		NotificationEmail:            a.NotificationEmail,
		PublicSharingEnabled:         a.PublicSharingEnabled,
		TerminationProtectionEnabled: a.TerminationProtectionEnabled,
	}
}

func (s *Server) describeAccountSettings(ctx context.Context, in *input) (output, error) {
	a, err := s.app.DescribeAccountSettings(ctx, in.Labels["AwsAccountId"])
	if err != nil {
		return nil, err
	}
	return &describeAccountSettingsOutput{AccountSettings: toAccountSettings(a)}, nil
}

func (s *Server) updateAccountSettings(ctx context.Context, in *input) (output, error) {
	var body struct {
		DefaultNamespace             string
		NotificationEmail            *string
		TerminationProtectionEnabled *bool
	}
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	err := s.app.UpdateAccountSettings(ctx, app.SettingsUpdate{
		AccountID:                    in.Labels["AwsAccountId"],
		DefaultNamespace:             body.DefaultNamespace,
		NotificationEmail:            body.NotificationEmail,
		TerminationProtectionEnabled: body.TerminationProtectionEnabled,
	})
	if err != nil {
		return nil, err
	}
	return &empty{}, nil
}
