package app

import (
	"context"

	sg "github.com/sightglass/sightglass"
)

// GroupARN returns the ARN of a group of this server's region.
func (a *App) GroupARN(g *sg.Group) string {
	return sg.GroupARN(a.Region, g.AccountID, g.Namespace, g.Name)
}

// maxGroupsPerNamespace is QuickSight's limit of groups in a namespace.
const maxGroupsPerNamespace = 10000

func checkGroupName(name string) error { return checkModel("GroupName", "groupName", name) }

// checkGroupPath validates the account, namespace and group name of a
// group operation (group "" for the namespace's list operations),
// authorizes it on resource (the group's ARN when ""), and checks the
// subscription and the namespace.
func (a *App) checkGroupPath(ctx context.Context, action, accountID, namespace, group, resource string) error {
	if err := checkAccountID(accountID); err != nil {
		return err
	}
	if err := checkNamespace(namespace); err != nil {
		return err
	}
	if group != "" || resource == "" {
		if err := checkGroupName(group); err != nil {
			return err
		}
	}
	if resource == "" {
		resource = sg.GroupARN(a.Region, accountID, namespace, group)
	}
	if err := a.authorize(ctx, accountID, action, resource); err != nil {
		return err
	}
	if _, err := a.account(ctx, accountID); err != nil {
		return err
	}
	return a.namespaceExists(ctx, accountID, namespace)
}

func groupNotFound(accountID, namespace, name string) error {
	return sg.Errorf(sg.ENOTFOUND, "The group %s doesn't exist in namespace %s of account %s.", name, namespace, accountID).WithResource(sg.ResourceGroup)
}

func (a *App) findGroup(ctx context.Context, accountID, namespace, name string) (*sg.Group, error) {
	g, err := a.Store.FindGroup(ctx, accountID, namespace, name)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, groupNotFound(accountID, namespace, name)
	}
	return g, err
}

func checkGroupDescription(d *string) error {
	if d == nil {
		return nil
	}
	return checkModel("GroupDescription", "description", *d)
}

// CreateGroup creates a group in a namespace.
func (a *App) CreateGroup(ctx context.Context, accountID, namespace, name string, description *string) (*sg.Group, error) {
	if err := a.checkGroupPath(ctx, "CreateGroup", accountID, namespace, name, ""); err != nil {
		return nil, err
	}
	if err := checkGroupDescription(description); err != nil {
		return nil, err
	}
	n, err := a.Store.CountGroups(ctx, accountID, namespace)
	if err != nil {
		return nil, err
	}
	if n >= maxGroupsPerNamespace {
		return nil, sg.Errorf(sg.ELIMIT, "Namespace %s of account %s has reached its limit of %d groups.", namespace, accountID, maxGroupsPerNamespace).WithResource(sg.ResourceGroup)
	}
	g := &sg.Group{AccountID: accountID, Namespace: namespace, Name: name, PrincipalID: "group/" + randomHex(16), CreatedAt: a.now()}
	if description != nil {
		g.Description = *description
	}
	if err := a.Store.CreateGroup(ctx, g); err != nil {
		if sg.ErrorCode(err) == sg.EEXISTS {
			return nil, sg.Errorf(sg.EEXISTS, "The group %s already exists in namespace %s.", name, namespace).WithResource(sg.ResourceGroup)
		}
		return nil, err
	}
	if err := a.createdInNamespace(ctx, accountID, namespace, func() error {
		return a.Store.DeleteGroup(ctx, accountID, namespace, name)
	}); err != nil {
		return nil, err
	}
	return g, nil
}

// DescribeGroup returns a group.
func (a *App) DescribeGroup(ctx context.Context, accountID, namespace, name string) (*sg.Group, error) {
	if err := a.checkGroupPath(ctx, "DescribeGroup", accountID, namespace, name, ""); err != nil {
		return nil, err
	}
	return a.findGroup(ctx, accountID, namespace, name)
}

// UpdateGroup changes a group's description (nil clears it).
func (a *App) UpdateGroup(ctx context.Context, accountID, namespace, name string, description *string) (*sg.Group, error) {
	if err := a.checkGroupPath(ctx, "UpdateGroup", accountID, namespace, name, ""); err != nil {
		return nil, err
	}
	if err := checkGroupDescription(description); err != nil {
		return nil, err
	}
	g, err := a.findGroup(ctx, accountID, namespace, name)
	if err != nil {
		return nil, err
	}
	g.Description = ""
	if description != nil {
		g.Description = *description
	}
	if err := a.Store.UpdateGroup(ctx, g); err != nil {
		if sg.ErrorCode(err) == sg.ENOTFOUND {
			return nil, groupNotFound(accountID, namespace, name)
		}
		return nil, err
	}
	return g, nil
}

// DeleteGroup deletes a group and its memberships: what was shared with
// the group is no longer shared with its members.
func (a *App) DeleteGroup(ctx context.Context, accountID, namespace, name string) error {
	if err := a.checkGroupPath(ctx, "DeleteGroup", accountID, namespace, name, ""); err != nil {
		return err
	}
	defer a.membershipChanged()
	err := a.Store.DeleteGroup(ctx, accountID, namespace, name)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return groupNotFound(accountID, namespace, name)
	}
	return err
}

// ListGroups returns one page of a namespace's groups and the token of the
// next page ("" on the last).
func (a *App) ListGroups(ctx context.Context, accountID, namespace, nextToken string, maxResults *int) ([]*sg.Group, string, error) {
	if err := a.checkGroupPath(ctx, "ListGroups", accountID, namespace, "", sg.GroupARN(a.Region, accountID, namespace, "*")); err != nil {
		return nil, "", err
	}
	return a.groupPage(ctx, "groups/"+namespace, accountID, namespace, "", nextToken, maxResults)
}

// GroupSearchFilter is QuickSight's GroupSearchFilter.
type GroupSearchFilter struct {
	Operator string
	Name     string
	Value    string
}

// SearchGroups returns one page of the groups whose names start with the
// filter's value (QuickSight's one filter: GROUP_NAME StartsWith).
func (a *App) SearchGroups(ctx context.Context, accountID, namespace string, filters []GroupSearchFilter, nextToken string, maxResults *int) ([]*sg.Group, string, error) {
	if err := a.checkGroupPath(ctx, "SearchGroups", accountID, namespace, "", sg.GroupARN(a.Region, accountID, namespace, "*")); err != nil {
		return nil, "", err
	}
	if len(filters) != 1 {
		return nil, "", invalid("filters", "", "Member must have length less than or equal to 1 and greater than or equal to 1")
	}
	f := filters[0]
	if err := checkModel("GroupFilterOperator", "filters.1.member.operator", f.Operator); err != nil {
		return nil, "", err
	}
	if err := checkModel("GroupFilterAttribute", "filters.1.member.name", f.Name); err != nil {
		return nil, "", err
	}
	if f.Value == "" {
		return nil, "", required("filters.1.member.value")
	}
	return a.groupPage(ctx, "groups-search/"+namespace+"/"+f.Value, accountID, namespace, f.Value, nextToken, maxResults)
}

func (a *App) groupPage(ctx context.Context, list, accountID, namespace, prefix, nextToken string, maxResults *int) ([]*sg.Group, string, error) {
	page, err := pageRequest(list, accountID, nextToken, maxResults)
	if err != nil {
		return nil, "", err
	}
	groups, more, err := a.Store.ListGroups(ctx, accountID, namespace, prefix, page)
	if err != nil {
		return nil, "", err
	}
	if !more || len(groups) == 0 {
		return groups, "", nil
	}
	return groups, encodeNextToken(list, accountID, groups[len(groups)-1].Name), nil
}

// membershipChanged clears what depends on memberships: the group cache
// (with the user cache) and the console's visible lists, here and on the
// other nodes.
func (a *App) membershipChanged() {
	a.forgetUsers()
	a.forgetContentLists()
}

// checkMembershipPath validates a membership operation and returns the
// group (ResourceNotFoundException when there is none).
func (a *App) checkMembershipPath(ctx context.Context, action, accountID, namespace, group, member string) (*sg.Group, error) {
	if err := a.checkGroupPath(ctx, action, accountID, namespace, group, ""); err != nil {
		return nil, err
	}
	if err := checkModel("GroupMemberName", "memberName", member); err != nil {
		return nil, err
	}
	return a.findGroup(ctx, accountID, namespace, group)
}

// CreateGroupMembership adds a user of the group's namespace to the group.
func (a *App) CreateGroupMembership(ctx context.Context, accountID, namespace, group, member string) (*sg.GroupMember, error) {
	if _, err := a.checkMembershipPath(ctx, "CreateGroupMembership", accountID, namespace, group, member); err != nil {
		return nil, err
	}
	if _, err := a.findUser(ctx, accountID, namespace, member); err != nil {
		return nil, err
	}
	m := &sg.GroupMember{AccountID: accountID, Namespace: namespace, GroupName: group, MemberName: member, CreatedAt: a.now()}
	defer a.membershipChanged()
	err := a.Store.CreateGroupMember(ctx, m)
	switch sg.ErrorCode(err) {
	case "", sg.EEXISTS: // a PUT: adding a member again changes nothing
		return m, nil
	case sg.ENOTFOUND: // the group or the user went meanwhile
		return nil, sg.Errorf(sg.ENOTFOUND, "The group %s or the user %s doesn't exist in namespace %s of account %s.", group, member, namespace, accountID).WithResource(sg.ResourceGroup)
	}
	return nil, err
}

func membershipNotFound(accountID, namespace, group, member string) error {
	return sg.Errorf(sg.ENOTFOUND, "The user %s is not a member of group %s in namespace %s of account %s.", member, group, namespace, accountID).WithResource(sg.ResourceGroup)
}

// DescribeGroupMembership returns a membership.
func (a *App) DescribeGroupMembership(ctx context.Context, accountID, namespace, group, member string) (*sg.GroupMember, error) {
	if _, err := a.checkMembershipPath(ctx, "DescribeGroupMembership", accountID, namespace, group, member); err != nil {
		return nil, err
	}
	m, err := a.Store.FindGroupMember(ctx, accountID, namespace, group, member)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, membershipNotFound(accountID, namespace, group, member)
	}
	return m, err
}

// DeleteGroupMembership removes a user from a group: what was shared with
// the group is no longer shared with them.
func (a *App) DeleteGroupMembership(ctx context.Context, accountID, namespace, group, member string) error {
	if _, err := a.checkMembershipPath(ctx, "DeleteGroupMembership", accountID, namespace, group, member); err != nil {
		return err
	}
	defer a.membershipChanged()
	err := a.Store.DeleteGroupMember(ctx, accountID, namespace, group, member)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return membershipNotFound(accountID, namespace, group, member)
	}
	return err
}

// ListGroupMemberships returns one page of a group's members.
func (a *App) ListGroupMemberships(ctx context.Context, accountID, namespace, group, nextToken string, maxResults *int) ([]*sg.GroupMember, string, error) {
	if err := a.checkGroupPath(ctx, "ListGroupMemberships", accountID, namespace, group, ""); err != nil {
		return nil, "", err
	}
	list := "group-members/" + namespace + "/" + group
	page, err := pageRequest(list, accountID, nextToken, maxResults)
	if err != nil {
		return nil, "", err
	}
	if _, err := a.findGroup(ctx, accountID, namespace, group); err != nil {
		return nil, "", err
	}
	members, more, err := a.Store.ListGroupMembers(ctx, accountID, namespace, group, page)
	if err != nil {
		return nil, "", err
	}
	if !more || len(members) == 0 {
		return members, "", nil
	}
	return members, encodeNextToken(list, accountID, members[len(members)-1].MemberName), nil
}

// ListUserGroups returns one page of the groups a user is a member of.
func (a *App) ListUserGroups(ctx context.Context, accountID, namespace, userName, nextToken string, maxResults *int) ([]*sg.Group, string, error) {
	if err := a.checkUserPath(ctx, "ListUserGroups", accountID, namespace, userName); err != nil {
		return nil, "", err
	}
	list := "user-groups/" + namespace + "/" + userName
	page, err := pageRequest(list, accountID, nextToken, maxResults)
	if sg.ErrorCode(err) == sg.EINVALIDNEXTTOKEN {
		// ListUserGroups models no InvalidNextTokenException.
		return nil, "", sg.Errorf(sg.EINVALID, "The NextToken is not valid.")
	} else if err != nil {
		return nil, "", err
	}
	if _, err := a.findUser(ctx, accountID, namespace, userName); err != nil {
		return nil, "", err
	}
	groups, more, err := a.Store.ListUserGroups(ctx, accountID, namespace, userName, page)
	if err != nil {
		return nil, "", err
	}
	if !more || len(groups) == 0 {
		return groups, "", nil
	}
	return groups, encodeNextToken(list, accountID, groups[len(groups)-1].Name), nil
}
