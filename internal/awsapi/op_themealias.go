package awsapi

import (
	"context"
	"net/http"

	sg "github.com/sightglass/sightglass"
)

func (s *Server) themeAliasOps() []*op {
	all := themesPath + "/{ThemeId}/aliases"
	one := all + "/{AliasName}"
	return []*op{
		{Name: "CreateThemeAlias", Method: http.MethodPost, Template: one, Status: http.StatusOK, Handle: s.createThemeAlias},
		{Name: "DescribeThemeAlias", Method: http.MethodGet, Template: one, Status: http.StatusOK, Handle: s.describeThemeAlias},
		{Name: "UpdateThemeAlias", Method: http.MethodPut, Template: one, Status: http.StatusOK, Handle: s.updateThemeAlias},
		{Name: "DeleteThemeAlias", Method: http.MethodDelete, Template: one, Status: http.StatusOK, Handle: s.deleteThemeAlias},
		{Name: "ListThemeAliases", Method: http.MethodGet, Template: all, Status: http.StatusOK, Handle: s.listThemeAliases},
	}
}

// themeAlias is QuickSight's ThemeAlias shape.
type themeAlias struct {
	Arn                string
	AliasName          string
	ThemeVersionNumber int64
}

func (s *Server) toThemeAlias(a *sg.ThemeAlias) themeAlias {
	return themeAlias{Arn: s.app.ThemeAliasARN(a.AccountID, a.ThemeID, a.Name), AliasName: a.Name, ThemeVersionNumber: a.VersionNumber}
}

type themeAliasOutput struct {
	meta
	ThemeAlias themeAlias
}

func (s *Server) createThemeAlias(ctx context.Context, in *input) (output, error) {
	var body struct{ ThemeVersionNumber int64 }
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	a, err := s.app.CreateThemeAlias(ctx, in.Labels["AwsAccountId"], in.Labels["ThemeId"], in.Labels["AliasName"], body.ThemeVersionNumber)
	if err != nil {
		return nil, err
	}
	return &themeAliasOutput{ThemeAlias: s.toThemeAlias(a)}, nil
}

func (s *Server) describeThemeAlias(ctx context.Context, in *input) (output, error) {
	a, err := s.app.DescribeThemeAlias(ctx, in.Labels["AwsAccountId"], in.Labels["ThemeId"], in.Labels["AliasName"])
	if err != nil {
		return nil, err
	}
	return &themeAliasOutput{ThemeAlias: s.toThemeAlias(a)}, nil
}

func (s *Server) updateThemeAlias(ctx context.Context, in *input) (output, error) {
	var body struct{ ThemeVersionNumber int64 }
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	a, err := s.app.UpdateThemeAlias(ctx, in.Labels["AwsAccountId"], in.Labels["ThemeId"], in.Labels["AliasName"], body.ThemeVersionNumber)
	if err != nil {
		return nil, err
	}
	return &themeAliasOutput{ThemeAlias: s.toThemeAlias(a)}, nil
}

type deleteThemeAliasOutput struct {
	meta
	AliasName string
	Arn       string
	ThemeId   string
}

func (s *Server) deleteThemeAlias(ctx context.Context, in *input) (output, error) {
	acct, id, name := in.Labels["AwsAccountId"], in.Labels["ThemeId"], in.Labels["AliasName"]
	if err := s.app.DeleteThemeAlias(ctx, acct, id, name); err != nil {
		return nil, err
	}
	return &deleteThemeAliasOutput{AliasName: name, Arn: s.app.ThemeAliasARN(acct, id, name), ThemeId: id}, nil
}

type listThemeAliasesOutput struct {
	meta
	ThemeAliasList []themeAlias
	NextToken      string `json:",omitempty"`
}

func (s *Server) listThemeAliases(ctx context.Context, in *input) (output, error) {
	// The service model names this query member max-result.
	maxResults, err := in.queryInt("max-result")
	if err != nil {
		return nil, err
	}
	list, next, err := s.app.ListThemeAliases(ctx, in.Labels["AwsAccountId"], in.Labels["ThemeId"], in.Query.Get("next-token"), maxResults)
	if err != nil {
		return nil, err
	}
	out := &listThemeAliasesOutput{ThemeAliasList: make([]themeAlias, 0, len(list)), NextToken: next}
	for _, a := range list {
		out.ThemeAliasList = append(out.ThemeAliasList, s.toThemeAlias(a))
	}
	return out, nil
}
