package awsapi

import (
	"context"
	"net/http"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
)

const groupsPath = "/accounts/{AwsAccountId}/namespaces/{Namespace}/groups"

func (s *Server) groupOps() []*op {
	members := groupsPath + "/{GroupName}/members"
	return []*op{
		{Name: "CreateGroup", Method: http.MethodPost, Template: groupsPath, Status: http.StatusOK, Handle: s.createGroup},
		{Name: "ListGroups", Method: http.MethodGet, Template: groupsPath, Status: http.StatusOK, Handle: s.listGroups},
		{Name: "DescribeGroup", Method: http.MethodGet, Template: groupsPath + "/{GroupName}", Status: http.StatusOK, Handle: s.describeGroup},
		{Name: "UpdateGroup", Method: http.MethodPut, Template: groupsPath + "/{GroupName}", Status: http.StatusOK, Handle: s.updateGroup},
		{Name: "DeleteGroup", Method: http.MethodDelete, Template: groupsPath + "/{GroupName}", Status: http.StatusOK, Handle: s.deleteGroup},
		{Name: "SearchGroups", Method: http.MethodPost, Template: "/accounts/{AwsAccountId}/namespaces/{Namespace}/groups-search", Status: http.StatusOK, Handle: s.searchGroups},
		{Name: "CreateGroupMembership", Method: http.MethodPut, Template: members + "/{MemberName}", Status: http.StatusOK, Handle: s.createGroupMembership},
		{Name: "DescribeGroupMembership", Method: http.MethodGet, Template: members + "/{MemberName}", Status: http.StatusOK, Handle: s.describeGroupMembership},
		{Name: "DeleteGroupMembership", Method: http.MethodDelete, Template: members + "/{MemberName}", Status: http.StatusOK, Handle: s.deleteGroupMembership},
		{Name: "ListGroupMemberships", Method: http.MethodGet, Template: members, Status: http.StatusOK, Handle: s.listGroupMemberships},
		{Name: "ListUserGroups", Method: http.MethodGet, Template: usersPath + "/{UserName}/groups", Status: http.StatusOK, Handle: s.listUserGroups},
	}
}

// group is QuickSight's Group shape.
type group struct {
	Arn         string
	GroupName   string
	Description string `json:",omitempty"`
	PrincipalId string
}

func (s *Server) toGroup(g *sg.Group) *group {
	return &group{Arn: s.app.GroupARN(g), GroupName: g.Name, Description: g.Description, PrincipalId: g.PrincipalID}
}

func (s *Server) toGroups(list []*sg.Group) []*group {
	out := make([]*group, len(list))
	for i, g := range list {
		out[i] = s.toGroup(g)
	}
	return out
}

type groupOutput struct {
	meta
	Group *group
}

type groupListOutput struct {
	meta
	GroupList []*group
	NextToken string `json:",omitempty"`
}

// groupMember is QuickSight's GroupMember shape: the member user's ARN
// and name.
type groupMember struct {
	Arn        string
	MemberName string
}

func (s *Server) toGroupMember(m *sg.GroupMember) *groupMember {
	return &groupMember{Arn: sg.UserARN(s.region, m.AccountID, m.Namespace, m.MemberName), MemberName: m.MemberName}
}

type groupMemberOutput struct {
	meta
	GroupMember *groupMember
}

func (s *Server) createGroup(ctx context.Context, in *input) (output, error) {
	var body struct {
		GroupName   string
		Description *string
	}
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	g, err := s.app.CreateGroup(ctx, in.Labels["AwsAccountId"], in.Labels["Namespace"], body.GroupName, body.Description)
	if err != nil {
		return nil, err
	}
	return &groupOutput{Group: s.toGroup(g)}, nil
}

func (s *Server) describeGroup(ctx context.Context, in *input) (output, error) {
	g, err := s.app.DescribeGroup(ctx, in.Labels["AwsAccountId"], in.Labels["Namespace"], in.Labels["GroupName"])
	if err != nil {
		return nil, err
	}
	return &groupOutput{Group: s.toGroup(g)}, nil
}

func (s *Server) updateGroup(ctx context.Context, in *input) (output, error) {
	var body struct{ Description *string }
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	g, err := s.app.UpdateGroup(ctx, in.Labels["AwsAccountId"], in.Labels["Namespace"], in.Labels["GroupName"], body.Description)
	if err != nil {
		return nil, err
	}
	return &groupOutput{Group: s.toGroup(g)}, nil
}

func (s *Server) deleteGroup(ctx context.Context, in *input) (output, error) {
	if err := s.app.DeleteGroup(ctx, in.Labels["AwsAccountId"], in.Labels["Namespace"], in.Labels["GroupName"]); err != nil {
		return nil, err
	}
	return &empty{}, nil
}

func (s *Server) listGroups(ctx context.Context, in *input) (output, error) {
	maxResults, err := in.queryInt("max-results")
	if err != nil {
		return nil, err
	}
	groups, next, err := s.app.ListGroups(ctx, in.Labels["AwsAccountId"], in.Labels["Namespace"], in.Query.Get("next-token"), maxResults)
	if err != nil {
		return nil, err
	}
	return &groupListOutput{GroupList: s.toGroups(groups), NextToken: next}, nil
}

func (s *Server) searchGroups(ctx context.Context, in *input) (output, error) {
	maxResults, err := in.queryInt("max-results")
	if err != nil {
		return nil, err
	}
	var body struct{ Filters []app.GroupSearchFilter }
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	groups, next, err := s.app.SearchGroups(ctx, in.Labels["AwsAccountId"], in.Labels["Namespace"], body.Filters, in.Query.Get("next-token"), maxResults)
	if err != nil {
		return nil, err
	}
	return &groupListOutput{GroupList: s.toGroups(groups), NextToken: next}, nil
}

func (s *Server) createGroupMembership(ctx context.Context, in *input) (output, error) {
	m, err := s.app.CreateGroupMembership(ctx, in.Labels["AwsAccountId"], in.Labels["Namespace"], in.Labels["GroupName"], in.Labels["MemberName"])
	if err != nil {
		return nil, err
	}
	return &groupMemberOutput{GroupMember: s.toGroupMember(m)}, nil
}

func (s *Server) describeGroupMembership(ctx context.Context, in *input) (output, error) {
	m, err := s.app.DescribeGroupMembership(ctx, in.Labels["AwsAccountId"], in.Labels["Namespace"], in.Labels["GroupName"], in.Labels["MemberName"])
	if err != nil {
		return nil, err
	}
	return &groupMemberOutput{GroupMember: s.toGroupMember(m)}, nil
}

func (s *Server) deleteGroupMembership(ctx context.Context, in *input) (output, error) {
	if err := s.app.DeleteGroupMembership(ctx, in.Labels["AwsAccountId"], in.Labels["Namespace"], in.Labels["GroupName"], in.Labels["MemberName"]); err != nil {
		return nil, err
	}
	return &empty{}, nil
}

type groupMemberListOutput struct {
	meta
	GroupMemberList []*groupMember
	NextToken       string `json:",omitempty"`
}

func (s *Server) listGroupMemberships(ctx context.Context, in *input) (output, error) {
	maxResults, err := in.queryInt("max-results")
	if err != nil {
		return nil, err
	}
	members, next, err := s.app.ListGroupMemberships(ctx, in.Labels["AwsAccountId"], in.Labels["Namespace"], in.Labels["GroupName"], in.Query.Get("next-token"), maxResults)
	if err != nil {
		return nil, err
	}
	out := &groupMemberListOutput{GroupMemberList: make([]*groupMember, len(members)), NextToken: next}
	for i, m := range members {
		out.GroupMemberList[i] = s.toGroupMember(m)
	}
	return out, nil
}

func (s *Server) listUserGroups(ctx context.Context, in *input) (output, error) {
	maxResults, err := in.queryInt("max-results")
	if err != nil {
		return nil, err
	}
	groups, next, err := s.app.ListUserGroups(ctx, in.Labels["AwsAccountId"], in.Labels["Namespace"], in.Labels["UserName"], in.Query.Get("next-token"), maxResults)
	if err != nil {
		return nil, err
	}
	return &groupListOutput{GroupList: s.toGroups(groups), NextToken: next}, nil
}
