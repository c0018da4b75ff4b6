package app

import (
	"context"
	"slices"
	"strings"

	sg "github.com/sightglass/sightglass"
)

// MaxAllowedDomains is how many domains AllowedDomains may list.
const MaxAllowedDomains = 3

// RegisteredEmbedInput is GenerateEmbedUrlForRegisteredUser's input.
type RegisteredEmbedInput struct {
	AccountID       string
	UserArn         string
	SessionLifetime *int64   // minutes; nil means the default
	AllowedDomains  []string // nil or empty: the account's allow-list
	Experience      RegisteredExperience
}

// RegisteredExperience is the experience configuration: exactly one of
// Console, Dashboard or Visual, or the name of an experience Sightglass
// does not have (Unsupported).
type RegisteredExperience struct {
	Console   *ConsoleExperience
	Dashboard *DashboardExperience
	Visual    *VisualExperience
	// Unsupported lists the members given that name experiences
	// Sightglass lacks: QSearchBar, GenerativeQnA, QuickChat.
	Unsupported []string
	// Count is how many experience members were given.
	Count int
}

// ConsoleExperience is QuickSightConsole. Of its FeatureConfigurations,
// StatePersistence and SharedView apply to the dashboards it opens; the
// others are accepted as given.
type ConsoleExperience struct {
	InitialPath *string
	Features    Features
}

// DashboardExperience is Dashboard. Of its FeatureConfigurations,
// StatePersistence, Bookmarks and SharedView are honoured; the others are
// accepted as given.
type DashboardExperience struct {
	InitialDashboardID string
	Features           Features
}

// VisualExperience is DashboardVisual's InitialDashboardVisualId.
type VisualExperience struct {
	DashboardID, SheetID, VisualID string
}

// GenerateEmbedURLForRegisteredUser mints a single-use URL that signs a
// registered user into an experience: the console, a dashboard, or one
// visual of a dashboard.
func (a *App) GenerateEmbedURLForRegisteredUser(ctx context.Context, publicURL string, in RegisteredEmbedInput) (string, error) {
	if err := checkAccountID(in.AccountID); err != nil {
		return "", err
	}
	entry, err := registeredEntry(in.Experience)
	if err != nil {
		return "", err
	}
	domains, err := checkAllowedDomains(in.AllowedDomains)
	if err != nil {
		return "", err
	}
	var features Features
	switch x := in.Experience; {
	case x.Console != nil:
		features = x.Console.Features
	case x.Dashboard != nil:
		features = x.Dashboard.Features
	}
	return a.mintEmbed(ctx, publicURL, embedRequest{
		AccountID: in.AccountID, Checks: []authCheck{{Action: "GenerateEmbedUrlForRegisteredUser"}}, UserArn: in.UserArn,
		Entry: entry, Lifetime: in.SessionLifetime, Domains: domains, Features: features,
	})
}

// GenerateEmbedURLForRegisteredUserWithIdentity is refused: it needs an
// identity-enhanced IAM role session from IAM Identity Center (trusted
// identity propagation), which Sightglass does not have. The input is
// still checked first, so a malformed request gets its own error.
func (a *App) GenerateEmbedURLForRegisteredUserWithIdentity(ctx context.Context, in RegisteredEmbedInput) error {
	if err := checkAccountID(in.AccountID); err != nil {
		return err
	}
	if _, err := registeredEntry(in.Experience); err != nil {
		return err
	}
	if _, err := checkAllowedDomains(in.AllowedDomains); err != nil {
		return err
	}
	if in.SessionLifetime != nil && (*in.SessionLifetime < MinSessionLifetime || *in.SessionLifetime > MaxSessionLifetime) {
		return sg.Errorf(sg.ESESSIONLIFETIME, "The value %d for SessionLifetimeInMinutes is not valid. It must be between %d and %d minutes.", *in.SessionLifetime, MinSessionLifetime, MaxSessionLifetime)
	}
	if err := a.authorize(ctx, in.AccountID, "GenerateEmbedUrlForRegisteredUserWithIdentity", a.accountResource(in.AccountID)); err != nil {
		return err
	}
	if _, err := a.subscribed(ctx, in.AccountID); err != nil {
		return err
	}
	return sg.Errorf(sg.EUNSUPPORTEDEDITION, "GenerateEmbedUrlForRegisteredUserWithIdentity needs an identity-enhanced IAM role session from IAM Identity Center (trusted identity propagation). Sightglass has no IAM Identity Center: use GenerateEmbedUrlForRegisteredUser with the user's ARN.")
}

// registeredEntry turns an experience configuration into the entry point
// the URL opens.
func registeredEntry(x RegisteredExperience) (Entry, error) {
	if len(x.Unsupported) > 0 {
		return Entry{}, sg.Errorf(sg.EUNSUPPORTEDEDITION, "The %s experience is not available: Sightglass has no Amazon Q (no Q search bar, Generative Q&A or chat). Embed a dashboard, a visual or the console instead.", x.Unsupported[0])
	}
	if x.Count != 1 {
		return Entry{}, sg.Errorf(sg.EINVALID, "ExperienceConfiguration must have exactly one of QuickSightConsole, Dashboard or DashboardVisual.")
	}
	switch {
	case x.Console != nil:
		path := "/start"
		if x.Console.InitialPath != nil {
			path = *x.Console.InitialPath
		}
		e, err := ParseEntryPoint(path)
		if err != nil {
			return Entry{}, sg.Errorf(sg.EINVALID, "InitialPath '%s' is not valid. Use /start, /start/analyses, /start/dashboards, /start/favorites, /dashboards/<DashboardId> or /analyses/<AnalysisId>.", path)
		}
		return e, nil
	case x.Dashboard != nil:
		id := x.Dashboard.InitialDashboardID
		if err := checkResourceID("initialDashboardId", id); err != nil {
			return Entry{}, err
		}
		return DashboardEntry(id), nil
	default:
		v := x.Visual
		for _, m := range []struct{ name, value string }{{"dashboardId", v.DashboardID}, {"sheetId", v.SheetID}, {"visualId", v.VisualID}} {
			if err := checkResourceID(m.name, m.value); err != nil {
				return Entry{}, err
			}
		}
		return VisualEntry(v.DashboardID, v.SheetID, v.VisualID), nil
	}
}

// checkAllowedDomains checks AllowedDomains: up to three origins of the
// allow-list's form. Absent or empty means the account's list (nil).
func checkAllowedDomains(list []string) ([]string, error) {
	if len(list) == 0 {
		return nil, nil
	}
	if len(list) > MaxAllowedDomains {
		return nil, sg.Errorf(sg.EINVALID, "AllowedDomains lists %d domains; at most %d are allowed.", len(list), MaxAllowedDomains)
	}
	out := make([]string, 0, len(list))
	for _, d := range list {
		if err := CheckEmbeddingDomain(strings.TrimSuffix(d, "/")); err != nil {
			return nil, sg.Errorf(sg.EINVALID, "AllowedDomains: %s", sg.ErrorMessage(err))
		}
		out = append(out, strings.TrimSuffix(d, "/"))
	}
	return slices.Compact(slices.Sorted(slices.Values(out))), nil
}
