package awsapi

import (
	"context"
	"net/http"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
)

const usersPath = "/accounts/{AwsAccountId}/namespaces/{Namespace}/users"

func (s *Server) userOps() []*op {
	return []*op{
		{Name: "RegisterUser", Method: http.MethodPost, Template: usersPath, Status: http.StatusCreated, Handle: s.registerUser},
		{Name: "ListUsers", Method: http.MethodGet, Template: usersPath, Status: http.StatusOK, Handle: s.listUsers},
		{Name: "DescribeUser", Method: http.MethodGet, Template: usersPath + "/{UserName}", Status: http.StatusOK, Handle: s.describeUser},
		{Name: "UpdateUser", Method: http.MethodPut, Template: usersPath + "/{UserName}", Status: http.StatusOK, Handle: s.updateUser},
		{Name: "DeleteUser", Method: http.MethodDelete, Template: usersPath + "/{UserName}", Status: http.StatusOK, Handle: s.deleteUser},
		{Name: "DeleteUserByPrincipalId", Method: http.MethodDelete, Template: "/accounts/{AwsAccountId}/namespaces/{Namespace}/user-principals/{PrincipalId}", Status: http.StatusOK, Handle: s.deleteUserByPrincipalID},
	}
}

// user is QuickSight's User shape.
type user struct {
	Arn                                 string
	UserName                            string
	Email                               string
	Role                                string
	IdentityType                        string
	Active                              bool
	PrincipalId                         string
	CustomPermissionsName               string `json:",omitempty"`
	ExternalLoginFederationProviderType string `json:",omitempty"`
	ExternalLoginFederationProviderUrl  string `json:",omitempty"`
	ExternalLoginId                     string `json:",omitempty"`
}

func (s *Server) toUser(u *sg.User) *user {
	return &user{
		Arn:                                 s.app.UserARN(u),
		UserName:                            u.UserName,
		Email:                               u.Email,
		Role:                                u.Role,
		IdentityType:                        u.IdentityType,
		Active:                              u.Active,
		PrincipalId:                         u.PrincipalID,
		CustomPermissionsName:               u.CustomPermissionsName,
		ExternalLoginFederationProviderType: u.ExternalLoginFederationProviderType,
		ExternalLoginFederationProviderUrl:  u.ExternalLoginFederationProviderURL,
		ExternalLoginId:                     u.ExternalLoginID,
	}
}

type userOutput struct {
	meta
	User *user
}

// registerUserOutput is RegisterUser's output: UserInvitationUrl only for
// QUICKSIGHT identity users.
type registerUserOutput struct {
	userOutput
	UserInvitationUrl string `json:",omitempty"`
}

func (s *Server) registerUser(ctx context.Context, in *input) (output, error) {
	var body struct {
		IdentityType                        string
		Email                               string
		UserRole                            string
		IamArn                              string
		SessionName                         string
		UserName                            string
		CustomPermissionsName               string
		ExternalLoginFederationProviderType string
		CustomFederationProviderUrl         string
		ExternalLoginId                     string
		Tags                                []sg.Tag
	}
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	u, invitationURL, err := s.app.RegisterUser(ctx, app.RegisterUserInput{
		AccountID:                           in.Labels["AwsAccountId"],
		Namespace:                           in.Labels["Namespace"],
		IdentityType:                        body.IdentityType,
		Email:                               body.Email,
		UserRole:                            body.UserRole,
		IAMArn:                              body.IamArn,
		SessionName:                         body.SessionName,
		UserName:                            body.UserName,
		CustomPermissionsName:               body.CustomPermissionsName,
		ExternalLoginFederationProviderType: body.ExternalLoginFederationProviderType,
		CustomFederationProviderURL:         body.CustomFederationProviderUrl,
		ExternalLoginID:                     body.ExternalLoginId,
		Tags:                                body.Tags,
		PublicURL:                           s.publicURL,
	})
	if err != nil {
		return nil, err
	}
	return &registerUserOutput{userOutput: userOutput{User: s.toUser(u)}, UserInvitationUrl: invitationURL}, nil
}

func (s *Server) describeUser(ctx context.Context, in *input) (output, error) {
	u, err := s.app.DescribeUser(ctx, in.Labels["AwsAccountId"], in.Labels["Namespace"], in.Labels["UserName"])
	if err != nil {
		return nil, err
	}
	return &userOutput{User: s.toUser(u)}, nil
}

func (s *Server) updateUser(ctx context.Context, in *input) (output, error) {
	var body struct {
		Email                               string
		Role                                string
		CustomPermissionsName               string
		UnapplyCustomPermissions            bool
		ExternalLoginFederationProviderType *string
		CustomFederationProviderUrl         *string
		ExternalLoginId                     *string
	}
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	u, err := s.app.UpdateUser(ctx, app.UpdateUserInput{
		AccountID:                           in.Labels["AwsAccountId"],
		Namespace:                           in.Labels["Namespace"],
		UserName:                            in.Labels["UserName"],
		Email:                               body.Email,
		Role:                                body.Role,
		CustomPermissionsName:               body.CustomPermissionsName,
		UnapplyCustomPermissions:            body.UnapplyCustomPermissions,
		ExternalLoginFederationProviderType: body.ExternalLoginFederationProviderType,
		CustomFederationProviderURL:         body.CustomFederationProviderUrl,
		ExternalLoginID:                     body.ExternalLoginId,
	})
	if err != nil {
		return nil, err
	}
	return &userOutput{User: s.toUser(u)}, nil
}

func (s *Server) deleteUser(ctx context.Context, in *input) (output, error) {
	if err := s.app.DeleteUser(ctx, in.Labels["AwsAccountId"], in.Labels["Namespace"], in.Labels["UserName"]); err != nil {
		return nil, err
	}
	return &empty{}, nil
}

func (s *Server) deleteUserByPrincipalID(ctx context.Context, in *input) (output, error) {
	if err := s.app.DeleteUserByPrincipalID(ctx, in.Labels["AwsAccountId"], in.Labels["Namespace"], in.Labels["PrincipalId"]); err != nil {
		return nil, err
	}
	return &empty{}, nil
}

type listUsersOutput struct {
	meta
	UserList  []*user
	NextToken string `json:",omitempty"`
}

func (s *Server) listUsers(ctx context.Context, in *input) (output, error) {
	maxResults, err := in.queryInt("max-results")
	if err != nil {
		return nil, err
	}
	users, next, err := s.app.ListUsers(ctx, in.Labels["AwsAccountId"], in.Labels["Namespace"], in.Query.Get("next-token"), maxResults)
	if err != nil {
		return nil, err
	}
	out := &listUsersOutput{UserList: make([]*user, 0, len(users)), NextToken: next}
	for _, u := range users {
		out.UserList = append(out.UserList, s.toUser(u))
	}
	return out, nil
}
