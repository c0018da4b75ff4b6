package awsapi

import (
	"context"
	"net/http"
)

const (
	accountCustomPermissionPath = "/accounts/{AwsAccountId}/custom-permission"
	roleCustomPermissionPath    = "/accounts/{AwsAccountId}/namespaces/{Namespace}/roles/{Role}/custom-permission"
)

func (s *Server) customPermissionAssignmentOps() []*op {
	return []*op{
		{Name: "UpdateRoleCustomPermission", Method: http.MethodPut, Template: roleCustomPermissionPath, Status: http.StatusOK, Handle: s.updateRoleCustomPermission},
		{Name: "DescribeRoleCustomPermission", Method: http.MethodGet, Template: roleCustomPermissionPath, Status: http.StatusOK, Handle: s.describeRoleCustomPermission},
		{Name: "DeleteRoleCustomPermission", Method: http.MethodDelete, Template: roleCustomPermissionPath, Status: http.StatusOK, Handle: s.deleteRoleCustomPermission},
		{Name: "UpdateAccountCustomPermission", Method: http.MethodPut, Template: accountCustomPermissionPath, Status: http.StatusOK, Handle: s.updateAccountCustomPermission},
		{Name: "DescribeAccountCustomPermission", Method: http.MethodGet, Template: accountCustomPermissionPath, Status: http.StatusOK, Handle: s.describeAccountCustomPermission},
		{Name: "DeleteAccountCustomPermission", Method: http.MethodDelete, Template: accountCustomPermissionPath, Status: http.StatusOK, Handle: s.deleteAccountCustomPermission},
	}
}

// customPermissionNameOutput is the output of the two Describe operations:
// the applied profile's name, absent when none is applied.
type customPermissionNameOutput struct {
	meta
	CustomPermissionsName string `json:",omitempty"`
}

func (s *Server) updateRoleCustomPermission(ctx context.Context, in *input) (output, error) {
	var body struct{ CustomPermissionsName string }
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	if err := s.app.UpdateRoleCustomPermission(ctx, in.Labels["AwsAccountId"], in.Labels["Namespace"], in.Labels["Role"], body.CustomPermissionsName); err != nil {
		return nil, err
	}
	return &empty{}, nil
}

func (s *Server) describeRoleCustomPermission(ctx context.Context, in *input) (output, error) {
	name, err := s.app.DescribeRoleCustomPermission(ctx, in.Labels["AwsAccountId"], in.Labels["Namespace"], in.Labels["Role"])
	if err != nil {
		return nil, err
	}
	return &customPermissionNameOutput{CustomPermissionsName: name}, nil
}

func (s *Server) deleteRoleCustomPermission(ctx context.Context, in *input) (output, error) {
	if err := s.app.DeleteRoleCustomPermission(ctx, in.Labels["AwsAccountId"], in.Labels["Namespace"], in.Labels["Role"]); err != nil {
		return nil, err
	}
	return &empty{}, nil
}

func (s *Server) updateAccountCustomPermission(ctx context.Context, in *input) (output, error) {
	var body struct{ CustomPermissionsName string }
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	if err := s.app.UpdateAccountCustomPermission(ctx, in.Labels["AwsAccountId"], body.CustomPermissionsName); err != nil {
		return nil, err
	}
	return &empty{}, nil
}

func (s *Server) describeAccountCustomPermission(ctx context.Context, in *input) (output, error) {
	name, err := s.app.DescribeAccountCustomPermission(ctx, in.Labels["AwsAccountId"])
	if err != nil {
		return nil, err
	}
	return &customPermissionNameOutput{CustomPermissionsName: name}, nil
}

func (s *Server) deleteAccountCustomPermission(ctx context.Context, in *input) (output, error) {
	if err := s.app.DeleteAccountCustomPermission(ctx, in.Labels["AwsAccountId"]); err != nil {
		return nil, err
	}
	return &empty{}, nil
}
