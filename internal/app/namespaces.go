package app

import (
	"context"
	"time"

	sg "github.com/sightglass/sightglass"
)

// namespaceCreationTime is how long a new namespace stays CREATING, as
// QuickSight's asynchronous CreateNamespace does: clients poll
// DescribeNamespace until CREATED before registering users in it.
const namespaceCreationTime = time.Second

// maxNamespaces is QuickSight's default limit of namespaces per account
// (the default namespace not counted).
const maxNamespaces = 100

// IdentityStoreQuickSight is the only identity store of a namespace.
const IdentityStoreQuickSight = "QUICKSIGHT"

// NamespaceInfo is a namespace as the API shows it.
type NamespaceInfo struct {
	Name           string
	ARN            string
	CapacityRegion string
	CreationStatus string
	IdentityStore  string
}

func (a *App) namespaceInfo(n *sg.Namespace) *NamespaceInfo {
	status := sg.NamespaceCreated
	if n.Name != sg.DefaultNamespace && a.now().Before(n.CreatedAt.Add(namespaceCreationTime)) {
		status = sg.NamespaceCreating
	}
	return &NamespaceInfo{
		Name: n.Name, ARN: sg.NamespaceARN(a.Region, n.AccountID, n.Name), CapacityRegion: a.Region,
		CreationStatus: status, IdentityStore: n.IdentityStore,
	}
}

func namespaceNotFound(accountID, ns string) error {
	return sg.Errorf(sg.ENOTFOUND, "Namespace %s not found in account %s.", ns, accountID).WithResource(sg.ResourceNamespace)
}

// findNamespace returns a namespace; the default one every account has.
func (a *App) findNamespace(ctx context.Context, accountID, ns string) (*sg.Namespace, error) {
	if ns == sg.DefaultNamespace {
		acct, err := a.account(ctx, accountID)
		if err != nil {
			return nil, err
		}
		return &sg.Namespace{AccountID: accountID, Name: ns, IdentityStore: IdentityStoreQuickSight, CreatedAt: acct.CreatedAt}, nil
	}
	n, err := a.Store.FindNamespace(ctx, accountID, ns)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, namespaceNotFound(accountID, ns)
	}
	return n, err
}

// namespaceExists checks that ns is a namespace of the account ready for
// users and groups: the default one, or one created and no longer
// CREATING (PreconditionNotMetException until then).
func (a *App) namespaceExists(ctx context.Context, accountID, ns string) error {
	if ns == sg.DefaultNamespace {
		return nil
	}
	n, err := a.findNamespace(ctx, accountID, ns)
	if err != nil {
		return err
	}
	if a.namespaceInfo(n).CreationStatus != sg.NamespaceCreated {
		return sg.Errorf(sg.EPRECONDITION, "Namespace %s of account %s is still being created; wait until DescribeNamespace reports CREATED.", ns, accountID)
	}
	return nil
}

// checkNamespacePath validates and authorizes a namespace operation and
// checks the subscription.
func (a *App) checkNamespacePath(ctx context.Context, action, accountID, ns string) (*sg.Account, error) {
	if err := checkAccountID(accountID); err != nil {
		return nil, err
	}
	resource := sg.NamespaceARN(a.Region, accountID, "*")
	if action != "ListNamespaces" {
		if err := checkNamespace(ns); err != nil {
			return nil, err
		}
		if ns == "" {
			return nil, required("namespace")
		}
		resource = sg.NamespaceARN(a.Region, accountID, ns)
	}
	if err := a.authorize(ctx, accountID, action, resource); err != nil {
		return nil, err
	}
	return a.account(ctx, accountID)
}

// CreateNamespace creates a namespace (Enterprise edition only). It is
// CREATING for a moment, then CREATED.
func (a *App) CreateNamespace(ctx context.Context, accountID, ns, identityStore string, tags []sg.Tag) (*NamespaceInfo, error) {
	acct, err := a.checkNamespacePath(ctx, "CreateNamespace", accountID, ns)
	if err != nil {
		return nil, err
	}
	if identityStore == "" {
		return nil, required("identityStore")
	}
	if err := checkModel("IdentityStore", "identityStore", identityStore); err != nil {
		return nil, err
	}
	if err := checkTags(tags); err != nil {
		return nil, err
	}
	if acct.Edition == sg.EditionStandard {
		// CreateNamespace models no UnsupportedUserEditionException.
		return nil, sg.Errorf(sg.EPRECONDITION, "Namespaces need the ENTERPRISE edition of Amazon QuickSight; account %s has the STANDARD edition.", accountID)
	}
	exists := sg.Errorf(sg.EEXISTS, "Namespace %s already exists in account %s.", ns, accountID).WithResource(sg.ResourceNamespace)
	if ns == sg.DefaultNamespace {
		return nil, exists
	}
	n, err := a.Store.CountNamespaces(ctx, accountID)
	if err != nil {
		return nil, err
	}
	if n >= maxNamespaces {
		return nil, sg.Errorf(sg.ELIMIT, "Account %s has reached its limit of %d namespaces.", accountID, maxNamespaces).WithResource(sg.ResourceNamespace)
	}
	rec := &sg.Namespace{AccountID: accountID, Name: ns, IdentityStore: identityStore, Tags: tags, CreatedAt: a.now()}
	if err := a.Store.CreateNamespace(ctx, rec); err != nil {
		if sg.ErrorCode(err) == sg.EEXISTS {
			return nil, exists
		}
		return nil, err
	}
	return a.namespaceInfo(rec), nil
}

// DescribeNamespace returns a namespace.
func (a *App) DescribeNamespace(ctx context.Context, accountID, ns string) (*NamespaceInfo, error) {
	if _, err := a.checkNamespacePath(ctx, "DescribeNamespace", accountID, ns); err != nil {
		return nil, err
	}
	n, err := a.findNamespace(ctx, accountID, ns)
	if err != nil {
		return nil, err
	}
	return a.namespaceInfo(n), nil
}

// ListNamespaces returns one page of the account's namespaces in name
// order, the default one among them, and the next page's token.
func (a *App) ListNamespaces(ctx context.Context, accountID, nextToken string, maxResults *int) ([]*NamespaceInfo, string, error) {
	if _, err := a.checkNamespacePath(ctx, "ListNamespaces", accountID, ""); err != nil {
		return nil, "", err
	}
	page, err := pageRequest("namespaces", accountID, nextToken, maxResults)
	if err != nil {
		return nil, "", err
	}
	list, more, err := a.Store.ListNamespaces(ctx, accountID, page)
	if err != nil {
		return nil, "", err
	}
	// The default namespace has no record: it joins the page where it
	// sorts, if it is after the page's start and before its end.
	if page.After < sg.DefaultNamespace && (!more || sg.DefaultNamespace < list[len(list)-1].Name) {
		def, err := a.findNamespace(ctx, accountID, sg.DefaultNamespace)
		if err != nil {
			return nil, "", err
		}
		i := 0
		for i < len(list) && list[i].Name < sg.DefaultNamespace {
			i++
		}
		list = append(list[:i], append([]*sg.Namespace{def}, list[i:]...)...)
		if len(list) > page.Limit {
			list, more = list[:page.Limit], true
		}
	}
	out := make([]*NamespaceInfo, len(list))
	for i, n := range list {
		out[i] = a.namespaceInfo(n)
	}
	if !more || len(list) == 0 {
		return out, "", nil
	}
	return out, encodeNextToken("namespaces", accountID, list[len(list)-1].Name), nil
}

// DeleteNamespace deletes a namespace with its users, groups and their
// sessions. The default namespace cannot be deleted.
func (a *App) DeleteNamespace(ctx context.Context, accountID, ns string) error {
	if _, err := a.checkNamespacePath(ctx, "DeleteNamespace", accountID, ns); err != nil {
		return err
	}
	if ns == sg.DefaultNamespace {
		return sg.Errorf(sg.EINVALID, "The default namespace of account %s can't be deleted.", accountID)
	}
	defer a.forgetUsers() // users, groups and memberships
	defer a.forgetContentLists()
	err := a.Store.DeleteNamespace(ctx, accountID, ns)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return namespaceNotFound(accountID, ns)
	}
	return err
}

// createdInNamespace undoes a user or group just created in a namespace
// that a concurrent DeleteNamespace removed meanwhile (its check ran
// before the delete, its write after), so that nothing outlives its
// namespace. undo deletes what was created.
func (a *App) createdInNamespace(ctx context.Context, accountID, ns string, undo func() error) error {
	if ns == sg.DefaultNamespace {
		return nil
	}
	_, err := a.Store.FindNamespace(ctx, accountID, ns)
	if sg.ErrorCode(err) != sg.ENOTFOUND {
		return err
	}
	if err := undo(); err != nil && sg.ErrorCode(err) != sg.ENOTFOUND {
		return err
	}
	return namespaceNotFound(accountID, ns)
}
