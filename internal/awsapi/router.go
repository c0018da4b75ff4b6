package awsapi

import (
	"context"
	"net/url"
	"strings"
)

// op is one QuickSight operation: its HTTP binding and its handler.
type op struct {
	Name     string // e.g. "DescribeUser"
	Method   string
	Template string // URI template, e.g. /accounts/{AwsAccountId}/namespaces/{Namespace}/users/{UserName}
	Status   int    // success status
	Handle   func(ctx context.Context, in *input) (output, error)

	segments []string // Template split on '/'
}

// router matches requests to operations on the escaped path, so a label
// may contain an encoded '/'. Each label is unescaped after splitting.
// Anything before the "account", "accounts" or "resources" segment that
// starts a route is a base-path prefix and is ignored.
type router struct {
	byMethod map[string][]*op
}

func newRouter(ops []*op) *router {
	r := &router{byMethod: make(map[string][]*op)}
	for _, o := range ops {
		o.segments = strings.Split(strings.TrimPrefix(o.Template, "/"), "/")
		r.byMethod[o.Method] = append(r.byMethod[o.Method], o)
	}
	return r
}

// match returns the operation for method and escaped path with its decoded
// labels, or nil.
func (r *router) match(method, escapedPath string) (*op, map[string]string) {
	all := strings.Split(strings.TrimPrefix(escapedPath, "/"), "/")
	// The base path may itself contain an "account" or "accounts"
	// segment (a client given http://host/accounts): try each candidate
	// start, leftmost first.
	for start, s := range all {
		if s != "account" && s != "accounts" && s != "resources" {
			continue
		}
		segs := all[start:]
		// A trailing slash is not part of any QuickSight route.
		for _, o := range r.byMethod[method] {
			if len(o.segments) != len(segs) {
				continue
			}
			if labels, ok := o.bind(segs); ok {
				return o, labels
			}
		}
	}
	return nil, nil
}

// bind matches escaped segments against the template.
func (o *op) bind(segs []string) (map[string]string, bool) {
	for i, t := range o.segments {
		if t[0] != '{' && t != segs[i] {
			return nil, false
		}
	}
	labels := make(map[string]string, 4)
	for i, t := range o.segments {
		if t[0] != '{' {
			continue
		}
		v, err := url.PathUnescape(segs[i])
		if err != nil {
			return nil, false
		}
		labels[t[1:len(t)-1]] = v
	}
	return labels, true
}
