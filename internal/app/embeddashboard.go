package app

import (
	"context"
	"slices"

	sg "github.com/sightglass/sightglass"
)

// Embedding identity types of GetDashboardEmbedUrl.
const (
	EmbedIdentityIAM        = "IAM"
	EmbedIdentityQuickSight = "QUICKSIGHT"
	EmbedIdentityAnonymous  = "ANONYMOUS"
)

// DashboardEmbedInput is GetDashboardEmbedUrl's input.
type DashboardEmbedInput struct {
	AccountID       string
	DashboardID     string
	IdentityType    string // IAM, QUICKSIGHT or ANONYMOUS
	SessionLifetime *int64
	UserArn         string // "" with IAM means the caller's own identity
	Namespace       *string
	// AdditionalDashboardIDs widen what an anonymous session may open
	// (with DashboardID, they are all it may open); a registered user
	// opens whatever is shared with them, so for IAM and QUICKSIGHT they
	// are checked and grant nothing more.
	AdditionalDashboardIDs []string
	// UndoRedoDisabled and ResetDisabled make the viewer refuse the SDK's
	// undo and redo, or reset. StatePersistenceEnabled keeps the user's
	// state of the dashboard between sessions.
	UndoRedoDisabled, ResetDisabled, StatePersistenceEnabled bool
}

// GetDashboardEmbedURL mints a single-use URL of the SDK's dashboard
// experience for a registered user (the legacy dashboard embedding API).
func (a *App) GetDashboardEmbedURL(ctx context.Context, publicURL string, in DashboardEmbedInput) (string, error) {
	if err := checkAccountID(in.AccountID); err != nil {
		return "", err
	}
	if err := checkResourceID("dashboardId", in.DashboardID); err != nil {
		return "", err
	}
	switch in.IdentityType {
	case EmbedIdentityIAM, EmbedIdentityQuickSight:
	case EmbedIdentityAnonymous:
	case "":
		return "", sg.Errorf(sg.EINVALID, "IdentityType is required: use IAM or QUICKSIGHT.")
	default:
		return "", sg.Errorf(sg.EINVALID, "Value '%s' at 'identityType' failed to satisfy constraint: Member must satisfy enum value set: [IAM, QUICKSIGHT, ANONYMOUS]", in.IdentityType)
	}
	if in.AdditionalDashboardIDs != nil && (len(in.AdditionalDashboardIDs) < 1 || len(in.AdditionalDashboardIDs) > 20) {
		return "", sg.Errorf(sg.EINVALID, "AdditionalDashboardIds must list 1 to 20 dashboard ids.")
	}
	for _, id := range in.AdditionalDashboardIDs {
		if err := checkResourceID("additionalDashboardIds", id); err != nil {
			return "", err
		}
	}
	if in.Namespace != nil && *in.Namespace != "" {
		if err := a.namespaceExists(ctx, in.AccountID, *in.Namespace); err != nil {
			return "", err
		}
	}
	if in.IdentityType == EmbedIdentityAnonymous {
		return a.anonymousDashboardEmbed(ctx, publicURL, in)
	}
	checks := []authCheck{{Action: "GetDashboardEmbedUrl", Resource: sg.QuickSightARN(a.Region, in.AccountID, "dashboard/"+in.DashboardID)}}
	if in.IdentityType == EmbedIdentityQuickSight {
		if in.UserArn == "" {
			return "", sg.Errorf(sg.EINVALID, "UserArn is required when IdentityType is QUICKSIGHT.")
		}
		// A QUICKSIGHT user's sign-in also needs quicksight:GetAuthCode on
		// the user, as QuickSight documents.
		checks = append(checks, authCheck{Action: "GetAuthCode"})
	}
	return a.mintEmbed(ctx, publicURL, embedRequest{
		AccountID: in.AccountID, Checks: checks, UserArn: in.UserArn, SelfAllowed: in.IdentityType == EmbedIdentityIAM,
		Entry: DashboardEntry(in.DashboardID), Lifetime: in.SessionLifetime,
		Features: Features{StatePersistence: in.StatePersistenceEnabled, UndoRedoDisabled: in.UndoRedoDisabled, ResetDisabled: in.ResetDisabled},
	})
}

// anonymousDashboardEmbed mints GetDashboardEmbedUrl's ANONYMOUS URL: the
// dashboard experience of DashboardID, for a reader with no user row who
// may open DashboardID and AdditionalDashboardIDs alone. The caller's
// quicksight:GetDashboardEmbedUrl on each of those dashboards is the
// grant; their permissions are not consulted.
func (a *App) anonymousDashboardEmbed(ctx context.Context, publicURL string, in DashboardEmbedInput) (string, error) {
	if in.UserArn != "" {
		return "", sg.Errorf(sg.EINVALID, "UserArn can't be given with IdentityType ANONYMOUS.")
	}
	dashboards := []string{in.DashboardID}
	for _, id := range in.AdditionalDashboardIDs {
		if !slices.Contains(dashboards, id) {
			dashboards = append(dashboards, id)
		}
	}
	resources := make([]string, len(dashboards))
	for i, id := range dashboards {
		resources[i] = sg.QuickSightARN(a.Region, in.AccountID, "dashboard/"+id)
	}
	out, err := a.mintAnonymous(ctx, publicURL, anonymousRequest{
		AccountID: in.AccountID, Namespace: in.Namespace, Action: "GetDashboardEmbedUrl", Resources: resources,
		Entry: DashboardEntry(in.DashboardID), Dashboards: dashboards, Lifetime: in.SessionLifetime,
		Features: Features{UndoRedoDisabled: in.UndoRedoDisabled, ResetDisabled: in.ResetDisabled},
	})
	return out.EmbedURL, err
}
