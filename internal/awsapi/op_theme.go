package awsapi

import (
	"context"
	"encoding/json"
	"net/http"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
)

const themesPath = "/accounts/{AwsAccountId}/themes"

func (s *Server) themeOps() []*op {
	one := themesPath + "/{ThemeId}"
	return []*op{
		{Name: "CreateTheme", Method: http.MethodPost, Template: one, Status: http.StatusOK, Handle: s.createTheme},
		{Name: "DescribeTheme", Method: http.MethodGet, Template: one, Status: http.StatusOK, Handle: s.describeTheme},
		{Name: "UpdateTheme", Method: http.MethodPut, Template: one, Status: http.StatusOK, Handle: s.updateTheme},
		{Name: "DeleteTheme", Method: http.MethodDelete, Template: one, Status: http.StatusOK, Handle: s.deleteTheme},
		{Name: "ListThemes", Method: http.MethodGet, Template: themesPath, Status: http.StatusOK, Handle: s.listThemes},
		{Name: "ListThemeVersions", Method: http.MethodGet, Template: one + "/versions", Status: http.StatusOK, Handle: s.listThemeVersions},
		{Name: "DescribeThemePermissions", Method: http.MethodGet, Template: one + "/permissions", Status: http.StatusOK, Handle: s.describeThemePermissions},
		{Name: "UpdateThemePermissions", Method: http.MethodPut, Template: one + "/permissions", Status: http.StatusOK, Handle: s.updateThemePermissions},
	}
}

type themeWriteOutput struct {
	meta
	Arn            string
	VersionArn     string
	ThemeId        string
	CreationStatus string
}

func (s *Server) createTheme(ctx context.Context, in *input) (output, error) {
	var body struct {
		Name, BaseThemeId, VersionDescription string
		Configuration                         json.RawMessage
		Permissions                           []sg.ResourcePermission
		Tags                                  []sg.Tag
	}
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	acct, id := in.Labels["AwsAccountId"], in.Labels["ThemeId"]
	t, err := s.app.CreateTheme(ctx, acct, id, &app.ThemeInput{Name: body.Name, BaseThemeID: body.BaseThemeId,
		VersionDescription: body.VersionDescription, Configuration: body.Configuration, Permissions: body.Permissions, Tags: body.Tags})
	if err != nil {
		return nil, err
	}
	return &themeWriteOutput{Arn: s.app.ThemeARN(acct, id), VersionArn: s.app.ThemeVersionARN(acct, id, t.Version.VersionNumber),
		ThemeId: id, CreationStatus: sg.StatusCreationInProgress}, nil
}

func (s *Server) updateTheme(ctx context.Context, in *input) (output, error) {
	var body struct {
		Name, BaseThemeId, VersionDescription string
		Configuration                         json.RawMessage
	}
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	acct, id := in.Labels["AwsAccountId"], in.Labels["ThemeId"]
	t, err := s.app.UpdateTheme(ctx, acct, id, &app.ThemeInput{Name: body.Name, BaseThemeID: body.BaseThemeId,
		VersionDescription: body.VersionDescription, Configuration: body.Configuration})
	if err != nil {
		return nil, err
	}
	return &themeWriteOutput{Arn: s.app.ThemeARN(acct, id), VersionArn: s.app.ThemeVersionARN(acct, id, t.Version.VersionNumber),
		ThemeId: id, CreationStatus: sg.StatusUpdateInProgress}, nil
}

// themeVersion is QuickSight's ThemeVersion shape.
type themeVersion struct {
	VersionNumber int64
	Arn           string
	Description   string `json:",omitempty"`
	BaseThemeId   string
	CreatedTime   *timestamp      `json:",omitempty"`
	Configuration json.RawMessage `json:",omitempty"`
	Status        string
}

// theme is QuickSight's Theme shape.
type theme struct {
	Arn             string
	Name            string
	ThemeId         string
	Version         themeVersion
	CreatedTime     *timestamp `json:",omitempty"`
	LastUpdatedTime *timestamp `json:",omitempty"`
	Type            string
}

func (s *Server) toTheme(t *app.ThemeAtVersion) theme {
	typ := "CUSTOM"
	if t.Builtin {
		typ = "QUICKSIGHT"
	}
	v := t.Version
	return theme{
		Arn: s.app.ThemeARN(t.Theme.AccountID, t.Theme.ID), Name: t.Theme.Name, ThemeId: t.Theme.ID,
		Version: themeVersion{VersionNumber: v.VersionNumber, Arn: s.app.ThemeVersionARN(t.Theme.AccountID, t.Theme.ID, v.VersionNumber),
			Description: v.Description, BaseThemeId: v.BaseThemeID, CreatedTime: ts(v.CreatedAt), Configuration: v.Configuration,
			Status: sg.StatusCreationSuccessful},
		CreatedTime: ts(t.Theme.CreatedAt), LastUpdatedTime: ts(t.Theme.UpdatedAt), Type: typ,
	}
}

type describeThemeOutput struct {
	meta
	Theme theme
}

func (s *Server) describeTheme(ctx context.Context, in *input) (output, error) {
	version, err := in.queryInt64("version-number")
	if err != nil {
		return nil, err
	}
	var n int64
	if version != nil {
		n = *version
	}
	t, err := s.app.DescribeTheme(ctx, in.Labels["AwsAccountId"], in.Labels["ThemeId"], n, in.Query.Get("alias-name"))
	if err != nil {
		return nil, err
	}
	return &describeThemeOutput{Theme: s.toTheme(t)}, nil
}

type deleteThemeOutput struct {
	meta
	Arn     string
	ThemeId string
}

func (s *Server) deleteTheme(ctx context.Context, in *input) (output, error) {
	version, err := in.queryInt64("version-number")
	if err != nil {
		return nil, err
	}
	var n int64
	if version != nil {
		n = *version
	}
	acct, id := in.Labels["AwsAccountId"], in.Labels["ThemeId"]
	if err := s.app.DeleteTheme(ctx, acct, id, n); err != nil {
		return nil, err
	}
	return &deleteThemeOutput{Arn: s.app.ThemeARN(acct, id), ThemeId: id}, nil
}

// themeSummary is QuickSight's ThemeSummary shape.
type themeSummary struct {
	Arn                 string
	Name                string
	ThemeId             string
	LatestVersionNumber int64
	CreatedTime         *timestamp `json:",omitempty"`
	LastUpdatedTime     *timestamp `json:",omitempty"`
}

type listThemesOutput struct {
	meta
	ThemeSummaryList []themeSummary
	NextToken        string `json:",omitempty"`
}

func (s *Server) listThemes(ctx context.Context, in *input) (output, error) {
	maxResults, err := in.queryInt("max-results")
	if err != nil {
		return nil, err
	}
	list, next, err := s.app.ListThemes(ctx, in.Labels["AwsAccountId"], in.Query.Get("type"), in.Query.Get("next-token"), maxResults)
	if err != nil {
		return nil, err
	}
	out := &listThemesOutput{ThemeSummaryList: make([]themeSummary, 0, len(list)), NextToken: next}
	for _, t := range list {
		out.ThemeSummaryList = append(out.ThemeSummaryList, themeSummary{
			Arn: s.app.ThemeARN(t.Theme.AccountID, t.Theme.ID), Name: t.Theme.Name, ThemeId: t.Theme.ID,
			LatestVersionNumber: t.Theme.VersionNumber, CreatedTime: ts(t.Theme.CreatedAt), LastUpdatedTime: ts(t.Theme.UpdatedAt),
		})
	}
	return out, nil
}

// themeVersionSummary is QuickSight's ThemeVersionSummary shape.
type themeVersionSummary struct {
	VersionNumber int64
	Arn           string
	Description   string     `json:",omitempty"`
	CreatedTime   *timestamp `json:",omitempty"`
	Status        string
}

type listThemeVersionsOutput struct {
	meta
	ThemeVersionSummaryList []themeVersionSummary
	NextToken               string `json:",omitempty"`
}

func (s *Server) listThemeVersions(ctx context.Context, in *input) (output, error) {
	maxResults, err := in.queryInt("max-results")
	if err != nil {
		return nil, err
	}
	acct, id := in.Labels["AwsAccountId"], in.Labels["ThemeId"]
	list, next, err := s.app.ListThemeVersions(ctx, acct, id, in.Query.Get("next-token"), maxResults)
	if err != nil {
		return nil, err
	}
	out := &listThemeVersionsOutput{ThemeVersionSummaryList: make([]themeVersionSummary, 0, len(list)), NextToken: next}
	for _, v := range list {
		out.ThemeVersionSummaryList = append(out.ThemeVersionSummaryList, themeVersionSummary{
			VersionNumber: v.VersionNumber, Arn: s.app.ThemeVersionARN(v.AccountID, id, v.VersionNumber),
			Description: v.Description, CreatedTime: ts(v.CreatedAt), Status: sg.StatusCreationSuccessful,
		})
	}
	return out, nil
}

type themePermissionsOutput struct {
	meta
	ThemeId     string
	ThemeArn    string
	Permissions []sg.ResourcePermission
}

func (s *Server) describeThemePermissions(ctx context.Context, in *input) (output, error) {
	t, err := s.app.DescribeThemePermissions(ctx, in.Labels["AwsAccountId"], in.Labels["ThemeId"])
	if err != nil {
		return nil, err
	}
	return &themePermissionsOutput{ThemeId: t.ID, ThemeArn: s.app.ThemeARN(t.AccountID, t.ID), Permissions: permissionsOrEmpty(t.Permissions)}, nil
}

func (s *Server) updateThemePermissions(ctx context.Context, in *input) (output, error) {
	var body permissionsBody
	if err := in.decode(&body); err != nil {
		return nil, err
	}
	t, err := s.app.UpdateThemePermissions(ctx, in.Labels["AwsAccountId"], in.Labels["ThemeId"], body.GrantPermissions, body.RevokePermissions)
	if err != nil {
		return nil, err
	}
	return &themePermissionsOutput{ThemeId: t.ID, ThemeArn: s.app.ThemeARN(t.AccountID, t.ID), Permissions: permissionsOrEmpty(t.Permissions)}, nil
}
