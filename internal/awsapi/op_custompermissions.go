package awsapi

import (
	"context"
	"net/http"

	sg "github.com/sightglass/sightglass"
)

const customPermissionsPath = "/accounts/{AwsAccountId}/custom-permissions"

func (s *Server) customPermissionsOps() []*op {
	return []*op{
		{Name: "CreateCustomPermissions", Method: http.MethodPost, Template: customPermissionsPath, Status: http.StatusOK, Handle: s.createCustomPermissions},
		{Name: "ListCustomPermissions", Method: http.MethodGet, Template: customPermissionsPath, Status: http.StatusOK, Handle: s.listCustomPermissions},
		{Name: "DescribeCustomPermissions", Method: http.MethodGet, Template: customPermissionsPath + "/{CustomPermissionsName}", Status: http.StatusOK, Handle: s.describeCustomPermissions},
		{Name: "UpdateCustomPermissions", Method: http.MethodPut, Template: customPermissionsPath + "/{CustomPermissionsName}", Status: http.StatusOK, Handle: s.updateCustomPermissions},
		{Name: "DeleteCustomPermissions", Method: http.MethodDelete, Template: customPermissionsPath + "/{CustomPermissionsName}", Status: http.StatusOK, Handle: s.deleteCustomPermissions},
		{Name: "UpdateUserCustomPermission", Method: http.MethodPut, Template: usersPath + "/{UserName}/custom-permission", Status: http.StatusOK, Handle: s.updateUserCustomPermission},
		{Name: "DeleteUserCustomPermission", Method: http.MethodDelete, Template: usersPath + "/{UserName}/custom-permission", Status: http.StatusOK, Handle: s.deleteUserCustomPermission},
	}
}

// customPermissions is QuickSight's CustomPermissions shape.
type customPermissions struct {
	Arn                   string
	CustomPermissionsName string
	Capabilities          map[string]string
}

type arnOutput struct {
	meta
	Arn string
}

func (s *Server) createCustomPermissions(ctx context.Context, in *input) (output, error) {
	var body struct {
		CustomPermissionsName string
		Capabilities          map[string]string
		Tags                  []sg.Tag
	}
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	c, err := s.app.CreateCustomPermissions(ctx, in.Labels["AwsAccountId"], body.CustomPermissionsName, body.Capabilities, body.Tags)
	if err != nil {
		return nil, err
	}
	return &arnOutput{Arn: s.app.CustomPermissionsARN(c)}, nil
}

type describeCustomPermissionsOutput struct {
	meta
	CustomPermissions customPermissions
}

func (s *Server) toCustomPermissions(c *sg.CustomPermissions) customPermissions {
	return customPermissions{Arn: s.app.CustomPermissionsARN(c), CustomPermissionsName: c.Name, Capabilities: c.Capabilities}
}

func (s *Server) describeCustomPermissions(ctx context.Context, in *input) (output, error) {
	c, err := s.app.DescribeCustomPermissions(ctx, in.Labels["AwsAccountId"], in.Labels["CustomPermissionsName"])
	if err != nil {
		return nil, err
	}
	return &describeCustomPermissionsOutput{CustomPermissions: s.toCustomPermissions(c)}, nil
}

func (s *Server) updateCustomPermissions(ctx context.Context, in *input) (output, error) {
	var body struct{ Capabilities map[string]string }
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	c, err := s.app.UpdateCustomPermissions(ctx, in.Labels["AwsAccountId"], in.Labels["CustomPermissionsName"], body.Capabilities)
	if err != nil {
		return nil, err
	}
	return &arnOutput{Arn: s.app.CustomPermissionsARN(c)}, nil
}

func (s *Server) deleteCustomPermissions(ctx context.Context, in *input) (output, error) {
	acct, name := in.Labels["AwsAccountId"], in.Labels["CustomPermissionsName"]
	if err := s.app.DeleteCustomPermissions(ctx, acct, name); err != nil {
		return nil, err
	}
	return &arnOutput{Arn: sg.CustomPermissionsARN(s.app.Region, acct, name)}, nil
}

type listCustomPermissionsOutput struct {
	meta
	CustomPermissionsList []customPermissions
	NextToken             string `json:",omitempty"`
}

func (s *Server) listCustomPermissions(ctx context.Context, in *input) (output, error) {
	maxResults, err := in.queryInt("max-results")
	if err != nil {
		return nil, err
	}
	list, next, err := s.app.ListCustomPermissions(ctx, in.Labels["AwsAccountId"], in.Query.Get("next-token"), maxResults)
	if err != nil {
		return nil, err
	}
	out := &listCustomPermissionsOutput{CustomPermissionsList: make([]customPermissions, 0, len(list)), NextToken: next}
	for _, c := range list {
		out.CustomPermissionsList = append(out.CustomPermissionsList, s.toCustomPermissions(c))
	}
	return out, nil
}

func (s *Server) updateUserCustomPermission(ctx context.Context, in *input) (output, error) {
	var body struct{ CustomPermissionsName string }
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	if err := s.app.UpdateUserCustomPermission(ctx, in.Labels["AwsAccountId"], in.Labels["Namespace"], in.Labels["UserName"], body.CustomPermissionsName); err != nil {
		return nil, err
	}
	return &empty{}, nil
}

func (s *Server) deleteUserCustomPermission(ctx context.Context, in *input) (output, error) {
	if err := s.app.DeleteUserCustomPermission(ctx, in.Labels["AwsAccountId"], in.Labels["Namespace"], in.Labels["UserName"]); err != nil {
		return nil, err
	}
	return &empty{}, nil
}
