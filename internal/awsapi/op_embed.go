package awsapi

import (
	"context"
	"net/http"
	"strconv"

	"github.com/sightglass/sightglass/internal/app"
)

func (s *Server) embedOps() []*op {
	return []*op{
		{Name: "GetSessionEmbedUrl", Method: http.MethodGet, Template: "/accounts/{AwsAccountId}/session-embed-url", Status: http.StatusOK, Handle: s.getSessionEmbedURL},
	}
}

type embedURLOutput struct {
	meta
	EmbedUrl string
}

func (s *Server) getSessionEmbedURL(ctx context.Context, in *input) (output, error) {
	var lifetime *int64
	if v := in.Query.Get("session-lifetime"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return nil, errSerialization("Query member session-lifetime must be an integer, got '" + v + "'.")
		}
		lifetime = &n
	}
	entry := in.Query.Get("entry-point")
	if entry == "" && in.Query.Has("entry-point") {
		// Given but empty is not absent: EntryPoint must be 1..1000 long.
		if _, err := app.ParseEntryPoint(entry); err != nil {
			return nil, err
		}
	}
	url, err := s.app.GetSessionEmbedURL(ctx, s.publicURL, app.SessionEmbedInput{
		AccountID:       in.Labels["AwsAccountId"],
		EntryPoint:      entry,
		SessionLifetime: lifetime,
		UserArn:         in.Query.Get("user-arn"),
	})
	if err != nil {
		return nil, err
	}
	return &embedURLOutput{EmbedUrl: url}, nil
}
