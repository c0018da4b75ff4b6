package sightglass

import "context"

// MaxResourceTags is how many tags one resource may have.
const MaxResourceTags = 50

// TagStore persists the tags of taggable resources. A resource is named by
// its account and the resource part of its ARN: analysis/ID, dashboard/ID,
// dataset/ID, datasource/ID, theme/ID, custompermissions/NAME or
// user/NAMESPACE/NAME. The tags a create call carries (the Tags field of
// the created record) become the resource's tags in the same
// transaction, and a resource's tags are deleted with it.
type TagStore interface {
	// ListTags returns the resource's tags ordered by key. Returns
	// ENOTFOUND if the resource does not exist.
	ListTags(ctx context.Context, accountID, resource string) ([]Tag, error)
	// TagResource adds tags to the resource, replacing the values of keys
	// it has, atomically. If the resource would then have more than max
	// tags it changes nothing and returns ELIMIT. Returns ENOTFOUND if the
	// resource does not exist.
	TagResource(ctx context.Context, accountID, resource string, tags []Tag, max int) error
	// UntagResource removes the tags with the given keys; keys the
	// resource lacks are ignored. Returns ENOTFOUND if the resource does
	// not exist.
	UntagResource(ctx context.Context, accountID, resource string, keys []string) error
}
