package app

import (
	"context"
	"fmt"

	sg "github.com/sightglass/sightglass"
)

// taggedResource checks a ResourceArn of a tag operation and authorizes
// action on it. It returns the account and the ARN's resource part (the
// name TagStore keys tags by). An ARN of another region, service or kind
// names no resource here: ResourceNotFoundException.
func (a *App) taggedResource(ctx context.Context, action, resourceARN string) (accountID, resource string, err error) {
	if resourceARN == "" {
		return "", "", required("resourceArn")
	}
	p, ok := sg.ParseARN(resourceARN)
	if !ok {
		return "", "", sg.Errorf(sg.EINVALID, "ResourceArn '%s' is not a valid ARN.", resourceARN)
	}
	if err := checkAccountID(p.AccountID); err != nil {
		return "", "", sg.Errorf(sg.EINVALID, "ResourceArn '%s' does not name an AWS account.", resourceARN)
	}
	if err := a.authorize(ctx, p.AccountID, action, resourceARN); err != nil {
		return "", "", err
	}
	if _, err := a.account(ctx, p.AccountID); err != nil {
		return "", "", err
	}
	if p.Partition != "aws" || p.Service != "quicksight" || p.Region != a.Region {
		return "", "", tagResourceNotFound(resourceARN)
	}
	return p.AccountID, p.Resource, nil
}

func tagResourceNotFound(arn string) error {
	return sg.Errorf(sg.ENOTFOUND, "Resource %s doesn't exist.", arn)
}

// storeTagError gives a store's not-found and limit errors the API's
// wording.
func storeTagError(arn string, err error) error {
	switch sg.ErrorCode(err) {
	case sg.ENOTFOUND:
		return tagResourceNotFound(arn)
	case sg.ELIMIT:
		return sg.Errorf(sg.ELIMIT, "Resource %s can have at most %d tags.", arn, sg.MaxResourceTags)
	}
	return err
}

// TagResource adds tags to a resource (a data source, dataset, analysis,
// dashboard, custom permissions profile or user), replacing the values of
// keys it has. A resource has at most 50 tags.
func (a *App) TagResource(ctx context.Context, resourceARN string, tags []sg.Tag) error {
	accountID, resource, err := a.taggedResource(ctx, "TagResource", resourceARN)
	if err != nil {
		return err
	}
	if tags == nil {
		return required("tags")
	}
	if err := checkTags(tags); err != nil {
		return err
	}
	return storeTagError(resourceARN, a.Store.TagResource(ctx, accountID, resource, tags, sg.MaxResourceTags))
}

// UntagResource removes the tags with the given keys from a resource.
func (a *App) UntagResource(ctx context.Context, resourceARN string, keys []string) error {
	accountID, resource, err := a.taggedResource(ctx, "UntagResource", resourceARN)
	if err != nil {
		return err
	}
	if len(keys) == 0 {
		return required("tagKeys")
	}
	if len(keys) > 200 {
		return invalid("tagKeys", fmt.Sprint(len(keys)), "Member must have length less than or equal to 200")
	}
	for i, k := range keys {
		if err := checkLen(fmt.Sprintf("tagKeys.%d.member", i+1), k, 1, 128); err != nil {
			return err
		}
	}
	return storeTagError(resourceARN, a.Store.UntagResource(ctx, accountID, resource, keys))
}

// ListTagsForResource returns a resource's tags, ordered by key.
func (a *App) ListTagsForResource(ctx context.Context, resourceARN string) ([]sg.Tag, error) {
	accountID, resource, err := a.taggedResource(ctx, "ListTagsForResource", resourceARN)
	if err != nil {
		return nil, err
	}
	tags, err := a.Store.ListTags(ctx, accountID, resource)
	return tags, storeTagError(resourceARN, err)
}
