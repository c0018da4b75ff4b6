package awsapi

import (
	"context"
	"net/http"

	sg "github.com/sightglass/sightglass"
)

// tagsPath is the route of the tag operations; the ResourceArn label is
// the escaped ARN.
const tagsPath = "/resources/{ResourceArn}/tags"

func (s *Server) tagOps() []*op {
	return []*op{
		{Name: "TagResource", Method: http.MethodPost, Template: tagsPath, Status: http.StatusOK, Handle: s.tagResource},
		{Name: "UntagResource", Method: http.MethodDelete, Template: tagsPath, Status: http.StatusOK, Handle: s.untagResource},
		{Name: "ListTagsForResource", Method: http.MethodGet, Template: tagsPath, Status: http.StatusOK, Handle: s.listTagsForResource},
	}
}

func (s *Server) tagResource(ctx context.Context, in *input) (output, error) {
	var body struct {
		Tags []sg.Tag
	}
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	if err := s.app.TagResource(ctx, in.Labels["ResourceArn"], body.Tags); err != nil {
		return nil, err
	}
	return &meta{}, nil
}

func (s *Server) untagResource(ctx context.Context, in *input) (output, error) {
	if err := s.app.UntagResource(ctx, in.Labels["ResourceArn"], in.Query["keys"]); err != nil {
		return nil, err
	}
	return &meta{}, nil
}

type listTagsOutput struct {
	meta
	Tags []sg.Tag
}

func (s *Server) listTagsForResource(ctx context.Context, in *input) (output, error) {
	tags, err := s.app.ListTagsForResource(ctx, in.Labels["ResourceArn"])
	if err != nil {
		return nil, err
	}
	return &listTagsOutput{Tags: tags}, nil
}
