package app

import (
	"context"

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
	// AdditionalDashboardIDs widen what an anonymous session may open; a
	// registered user opens whatever is shared with them, so for IAM and
	// QUICKSIGHT they are checked and grant nothing more.
	AdditionalDashboardIDs []string
	// UndoRedoDisabled and ResetDisabled are accepted: the dashboard
	// experience has no undo, redo or reset. StatePersistenceEnabled keeps
	// the user's state of the dashboard between sessions.
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
		return "", sg.Errorf(sg.EIDENTITYTYPE, "IdentityType ANONYMOUS is not supported: Sightglass embeds dashboards for registered users only. Use IAM or QUICKSIGHT with a registered user.")
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
		if err := namespaceExists(in.AccountID, *in.Namespace); err != nil {
			return "", err
		}
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
		Features: Features{StatePersistence: in.StatePersistenceEnabled},
	})
}

// GenerateEmbedURLForAnonymousUser is refused: Sightglass has no anonymous
// sessions yet (a session is always a registered user's). QuickSight
// answers UnsupportedPricingPlanException to an account that cannot embed
// for anonymous users, which is what a client is prepared for.
func (a *App) GenerateEmbedURLForAnonymousUser(ctx context.Context, accountID string, lifetime *int64) error {
	if err := checkAccountID(accountID); err != nil {
		return err
	}
	if lifetime != nil && (*lifetime < MinSessionLifetime || *lifetime > MaxSessionLifetime) {
		return sg.Errorf(sg.ESESSIONLIFETIME, "The value %d for SessionLifetimeInMinutes is not valid. It must be between %d and %d minutes.", *lifetime, MinSessionLifetime, MaxSessionLifetime)
	}
	// Nothing is granted, so only another account's caller is told
	// AccessDenied; a policy scoped to dashboards gets the real answer.
	if c := sg.CallerFromContext(ctx); c != nil && c.AccountID != accountID {
		return a.authorize(ctx, accountID, "GenerateEmbedUrlForAnonymousUser", a.accountResource(accountID))
	}
	if _, err := a.subscribed(ctx, accountID); err != nil {
		return err
	}
	return sg.Errorf(sg.EPRICINGPLAN, "GenerateEmbedUrlForAnonymousUser is not available: Sightglass has no anonymous embedding sessions yet. Embed for a registered user with GenerateEmbedUrlForRegisteredUser.")
}
