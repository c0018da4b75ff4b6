package awsapi

import (
	"encoding/json"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/definition"
)

// Shapes analyses and dashboards share.

// contentBody is the body of CreateAnalysis, UpdateAnalysis,
// CreateDashboard and UpdateDashboard. Definition and the other large
// members stay raw: the definition is stored exactly as sent.
type contentBody struct {
	Name                    string
	Definition              json.RawMessage
	SourceEntity            json.RawMessage
	Parameters              json.RawMessage
	ThemeArn                string
	ValidationStrategy      *app.ValidationStrategy
	Permissions             []sg.ResourcePermission
	Tags                    []sg.Tag
	FolderArns              []string
	VersionDescription      string
	DashboardPublishOptions json.RawMessage
	LinkEntities            []string
	// LinkSharingConfiguration is accepted only without permissions.
	LinkSharingConfiguration *struct{ Permissions []sg.ResourcePermission }
}

func (b *contentBody) input() *app.ContentInput {
	return &app.ContentInput{
		Name:               b.Name,
		Definition:         b.Definition,
		SourceEntity:       b.SourceEntity,
		Parameters:         b.Parameters,
		ThemeARN:           b.ThemeArn,
		ValidationStrategy: b.ValidationStrategy,
		Permissions:        b.Permissions,
		Tags:               b.Tags,
		FolderARNs:         b.FolderArns,
		VersionDescription: b.VersionDescription,
		PublishOptions:     b.DashboardPublishOptions,
		LinkEntities:       b.LinkEntities,
		// The server checked the whole request against the model before
		// the handler ran.
		DefinitionModelChecked: true,
	}
}

// entity is QuickSight's Entity.
type entity struct {
	Path string
}

// resourceError is QuickSight's AnalysisError and DashboardError.
type resourceError struct {
	Type             string
	Message          string
	ViolatedEntities []entity
}

func toErrors(errs []sg.DefinitionError) []resourceError {
	if errs == nil {
		return nil
	}
	out := make([]resourceError, len(errs))
	for i, e := range errs {
		out[i] = resourceError{Type: e.Type, Message: e.Message, ViolatedEntities: make([]entity, len(e.ViolatedEntities))}
		for j, p := range e.ViolatedEntities {
			out[i].ViolatedEntities[j] = entity{Path: p}
		}
	}
	return out
}

// sheet is QuickSight's Sheet.
type sheet struct {
	SheetId string
	Name    string `json:",omitempty"`
}

func toSheets(list []definition.Sheet) []sheet {
	out := make([]sheet, len(list))
	for i, s := range list {
		out[i] = sheet{SheetId: s.SheetID, Name: s.Name}
	}
	return out
}

// dashboardPermissionsBody is the body of UpdateDashboardPermissions.
type dashboardPermissionsBody struct {
	GrantPermissions      []sg.ResourcePermission
	RevokePermissions     []sg.ResourcePermission
	GrantLinkPermissions  []sg.ResourcePermission
	RevokeLinkPermissions []sg.ResourcePermission
}
