package awsapi

import (
	"context"
	"net/http"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
)

func (s *Server) namespaceOps() []*op {
	return []*op{
		// No recording shows the status of these asynchronous operations:
		// the model's default 200 (CreationStatus tells the progress).
		{Name: "CreateNamespace", Method: http.MethodPost, Template: "/accounts/{AwsAccountId}", Status: http.StatusOK, Handle: s.createNamespace},
		{Name: "DescribeNamespace", Method: http.MethodGet, Template: "/accounts/{AwsAccountId}/namespaces/{Namespace}", Status: http.StatusOK, Handle: s.describeNamespace},
		{Name: "ListNamespaces", Method: http.MethodGet, Template: "/accounts/{AwsAccountId}/namespaces", Status: http.StatusOK, Handle: s.listNamespaces},
		{Name: "DeleteNamespace", Method: http.MethodDelete, Template: "/accounts/{AwsAccountId}/namespaces/{Namespace}", Status: http.StatusOK, Handle: s.deleteNamespace},
	}
}

// namespaceInfo is QuickSight's NamespaceInfoV2 shape.
type namespaceInfo struct {
	Name           string
	Arn            string
	CapacityRegion string
	CreationStatus string
	IdentityStore  string
}

func toNamespaceInfo(n *app.NamespaceInfo) *namespaceInfo {
	return &namespaceInfo{Name: n.Name, Arn: n.ARN, CapacityRegion: n.CapacityRegion, CreationStatus: n.CreationStatus, IdentityStore: n.IdentityStore}
}

type createNamespaceOutput struct {
	meta
	namespaceInfo
}

func (s *Server) createNamespace(ctx context.Context, in *input) (output, error) {
	var body struct {
		Namespace     string
		IdentityStore string
		Tags          []sg.Tag
	}
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	n, err := s.app.CreateNamespace(ctx, in.Labels["AwsAccountId"], body.Namespace, body.IdentityStore, body.Tags)
	if err != nil {
		return nil, err
	}
	return &createNamespaceOutput{namespaceInfo: *toNamespaceInfo(n)}, nil
}

type describeNamespaceOutput struct {
	meta
	Namespace *namespaceInfo
}

func (s *Server) describeNamespace(ctx context.Context, in *input) (output, error) {
	n, err := s.app.DescribeNamespace(ctx, in.Labels["AwsAccountId"], in.Labels["Namespace"])
	if err != nil {
		return nil, err
	}
	return &describeNamespaceOutput{Namespace: toNamespaceInfo(n)}, nil
}

type listNamespacesOutput struct {
	meta
	Namespaces []*namespaceInfo
	NextToken  string `json:",omitempty"`
}

func (s *Server) listNamespaces(ctx context.Context, in *input) (output, error) {
	maxResults, err := in.queryInt("max-results")
	if err != nil {
		return nil, err
	}
	list, next, err := s.app.ListNamespaces(ctx, in.Labels["AwsAccountId"], in.Query.Get("next-token"), maxResults)
	if err != nil {
		return nil, err
	}
	out := &listNamespacesOutput{Namespaces: make([]*namespaceInfo, len(list)), NextToken: next}
	for i, n := range list {
		out.Namespaces[i] = toNamespaceInfo(n)
	}
	return out, nil
}

func (s *Server) deleteNamespace(ctx context.Context, in *input) (output, error) {
	if err := s.app.DeleteNamespace(ctx, in.Labels["AwsAccountId"], in.Labels["Namespace"]); err != nil {
		return nil, err
	}
	return &empty{}, nil
}
