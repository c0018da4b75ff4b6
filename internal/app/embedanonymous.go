package app

import (
	"context"
	"slices"
	"strings"

	sg "github.com/sightglass/sightglass"
)

// Bounds of an anonymous embed request. QuickSight documents up to 25
// theme ARNs among AuthorizedResourceArns and no bound for dashboards;
// Sightglass bounds the dashboards one session carries too. Session tags
// are bounded by the model (1 to 50).
const (
	MaxAuthorizedDashboards = 100
	MaxAuthorizedThemes     = 25
	MaxSessionTags          = 50
)

// SessionTag is one of an anonymous session's tags (SessionTags), which
// row-level security matches on.
type SessionTag struct {
	Key, Value string
}

// AnonymousEmbedInput is GenerateEmbedUrlForAnonymousUser's input.
type AnonymousEmbedInput struct {
	AccountID string
	// Namespace is the namespace the anonymous reader virtually belongs
	// to; required.
	Namespace       string
	SessionLifetime *int64 // minutes; nil means the default
	// AuthorizedResourceArns are the dashboards (and themes) the session
	// may use: nothing else can be opened in it.
	AuthorizedResourceArns []string
	// Experience is Dashboard or Visual (Console is never set), or names
	// an experience Sightglass lacks (QSearchBar, GenerativeQnA).
	Experience     RegisteredExperience
	SessionTags    []SessionTag
	AllowedDomains []string // nil or empty: the account's allow-list
	// SharedView is the Dashboard experience's shared view setting.
	SharedView AnonymousSharedView
}

// AnonymousSharedView is how an anonymous Dashboard experience asks for
// shared views: SHARED_VIEW among EnabledFeatures or DisabledFeatures,
// and FeatureConfigurations.SharedView.Enabled (nil when not given).
type AnonymousSharedView struct {
	Enabled, Disabled []string
	Configured        *bool
}

// on reports whether the session has shared views: asked for by the list
// or the configuration, and not disabled. Naming it in both lists is a
// contradiction, refused.
func (v AnonymousSharedView) on() (bool, error) {
	const name = "SHARED_VIEW"
	enabled, disabled := slices.Contains(v.Enabled, name), slices.Contains(v.Disabled, name)
	if enabled && disabled {
		return false, sg.Errorf(sg.EINVALID, "SHARED_VIEW can't be both among EnabledFeatures and DisabledFeatures.")
	}
	return (enabled || (v.Configured != nil && *v.Configured)) && !disabled, nil
}

// AnonymousEmbed is what an anonymous embed operation answers.
type AnonymousEmbed struct {
	EmbedURL string
	// AnonymousUserARN is the ARN the session reads as: the virtual user
	// QuickSightEmbeddingAnonymousUser of its namespace.
	AnonymousUserARN string
}

// anonymousRequest is what both anonymous embed operations ask for.
type anonymousRequest struct {
	AccountID string
	Namespace *string
	Action    string
	// Resources are the ARNs Action is authorised on, in order.
	Resources  []string
	Entry      Entry
	Dashboards []string // ids, at least the entry's
	Tags       map[string]string
	Lifetime   *int64
	Domains    []string
	Features   Features // the dashboard features the session has
}

// GenerateEmbedURLForAnonymousUser mints a single-use URL that opens a
// dashboard or visual experience for a reader with no user row. The
// session may read the dashboards of AuthorizedResourceArns alone; their
// permissions are not consulted: the caller's IAM right to
// quicksight:GenerateEmbedUrlForAnonymousUser on the namespace and on each
// of those ARNs is the grant.
func (a *App) GenerateEmbedURLForAnonymousUser(ctx context.Context, publicURL string, in AnonymousEmbedInput) (AnonymousEmbed, error) {
	if err := checkAccountID(in.AccountID); err != nil {
		return AnonymousEmbed{}, err
	}
	entry, err := anonymousEntry(in.Experience)
	if err != nil {
		return AnonymousEmbed{}, err
	}
	nsARN := sg.QuickSightARN(a.Region, in.AccountID, "namespace/"+in.Namespace)
	if err := a.refuseOtherAccount(ctx, in.AccountID, "GenerateEmbedUrlForAnonymousUser", nsARN); err != nil {
		return AnonymousEmbed{}, err
	}
	dashboards, themes, err := a.authorizedResources(in.AccountID, in.AuthorizedResourceArns)
	if err != nil {
		return AnonymousEmbed{}, err
	}
	if !slices.Contains(dashboards, entry.ID) {
		return AnonymousEmbed{}, sg.Errorf(sg.EINVALID, "The ARN of dashboard %s must be included in AuthorizedResourceArns.", entry.ID)
	}
	tags, err := checkSessionTags(in.SessionTags)
	if err != nil {
		return AnonymousEmbed{}, err
	}
	sharedView, err := in.SharedView.on()
	if err != nil {
		return AnonymousEmbed{}, err
	}
	domains, err := checkAllowedDomains(in.AllowedDomains)
	if err != nil {
		return AnonymousEmbed{}, err
	}
	ns := in.Namespace
	resources := make([]string, 0, 1+len(in.AuthorizedResourceArns))
	resources = append(resources, nsARN)
	resources = append(resources, in.AuthorizedResourceArns...)
	return a.mintAnonymous(ctx, publicURL, anonymousRequest{
		AccountID: in.AccountID, Namespace: &ns, Action: "GenerateEmbedUrlForAnonymousUser", Resources: resources,
		Entry: entry, Dashboards: dashboards, Tags: tags, Lifetime: in.SessionLifetime, Domains: domains,
		Features: Features{SharedView: sharedView && entry.Kind == "dashboard", Themes: themes},
	})
}

// anonymousEntry turns an anonymous experience configuration into the
// entry point the URL opens.
func anonymousEntry(x RegisteredExperience) (Entry, error) {
	if len(x.Unsupported) > 0 {
		return Entry{}, sg.Errorf(sg.EUNSUPPORTEDEDITION, "The %s experience is not available: Sightglass has no Amazon Q (no Q search bar or Generative Q&A). Embed a dashboard or a visual instead.", x.Unsupported[0])
	}
	if x.Count != 1 || x.Console != nil {
		return Entry{}, sg.Errorf(sg.EINVALID, "ExperienceConfiguration must have exactly one of Dashboard or DashboardVisual.")
	}
	return registeredEntry(x)
}

// authorizedResources checks AuthorizedResourceArns and returns the ids
// of the dashboards and of the themes they name, without repeats. Each
// must be the ARN of a dashboard or theme of the account in the server's
// region.
func (a *App) authorizedResources(accountID string, arns []string) (dashboards, themes []string, err error) {
	if len(arns) == 0 {
		return nil, nil, sg.Errorf(sg.EINVALID, "AuthorizedResourceArns must list at least one dashboard ARN.")
	}
	themeARNs := 0
	for _, s := range arns {
		arn, ok := sg.ParseARN(s)
		bad := !ok || arn.Partition != "aws" || arn.Service != "quicksight"
		var kind, id string
		if !bad {
			kind, id, ok = strings.Cut(arn.Resource, "/")
			bad = !ok || !isResourceID(id) || (kind != "dashboard" && kind != "theme")
		}
		if bad {
			return nil, nil, sg.Errorf(sg.EINVALID, "AuthorizedResourceArns: '%s' is not the ARN of a dashboard or theme.", s)
		}
		startingTheme := kind == "theme" && arn.AccountID == sg.AWSManagedAccount
		if !startingTheme && (arn.AccountID != accountID || arn.Region != a.Region) {
			return nil, nil, sg.Errorf(sg.EINVALID, "AuthorizedResourceArns: '%s' is not a resource of account %s in %s.", s, accountID, a.Region)
		}
		if kind == "theme" {
			if themeARNs++; themeARNs > MaxAuthorizedThemes {
				return nil, nil, sg.Errorf(sg.EINVALID, "AuthorizedResourceArns lists more than %d theme ARNs.", MaxAuthorizedThemes)
			}
			if !startingTheme && !slices.Contains(themes, id) {
				themes = append(themes, id) // a starting theme needs no grant
			}
			continue
		}
		if slices.Contains(dashboards, id) {
			continue
		}
		if len(dashboards) == MaxAuthorizedDashboards {
			return nil, nil, sg.Errorf(sg.EINVALID, "AuthorizedResourceArns lists more than %d dashboards.", MaxAuthorizedDashboards)
		}
		dashboards = append(dashboards, id)
	}
	if len(dashboards) == 0 {
		return nil, nil, sg.Errorf(sg.EINVALID, "AuthorizedResourceArns must list at least one dashboard ARN.")
	}
	return dashboards, themes, nil
}

// checkSessionTags checks SessionTags and returns them as a map; nil when
// none were given. A key given twice is refused: a session has one value
// per tag.
func checkSessionTags(list []SessionTag) (map[string]string, error) {
	if len(list) == 0 {
		return nil, nil
	}
	if len(list) > MaxSessionTags {
		return nil, sg.Errorf(sg.EINVALID, "SessionTags lists %d tags; at most %d are allowed.", len(list), MaxSessionTags)
	}
	tags := make(map[string]string, len(list))
	for _, t := range list {
		if err := checkLen("sessionTags.member.key", t.Key, 1, 128); err != nil {
			return nil, err
		}
		if err := checkLen("sessionTags.member.value", t.Value, 1, 256); err != nil {
			return nil, err
		}
		if _, dup := tags[t.Key]; dup {
			return nil, sg.Errorf(sg.EINVALID, "SessionTags lists the key '%s' more than once.", t.Key)
		}
		tags[t.Key] = t.Value
	}
	return tags, nil
}

// errAnonymousConsole refuses what an anonymous session cannot do: it has
// no console (no start page, lists, favorites or authoring).
var errAnonymousConsole = sg.Errorf(sg.EACCESSDENIED, "An anonymous embedded session opens its dashboards alone: it has no console.")

// mintAnonymous checks an anonymous embed request and mints its URL.
func (a *App) mintAnonymous(ctx context.Context, publicURL string, in anonymousRequest) (AnonymousEmbed, error) {
	lifetime := int64(DefaultSessionLifetime)
	if in.Lifetime != nil {
		lifetime = *in.Lifetime
	}
	if lifetime < MinSessionLifetime || lifetime > MaxSessionLifetime {
		return AnonymousEmbed{}, sg.Errorf(sg.ESESSIONLIFETIME, "The value %d for SessionLifetimeInMinutes is not valid. It must be between %d and %d minutes.", lifetime, MinSessionLifetime, MaxSessionLifetime)
	}
	if err := a.refuseOtherAccount(ctx, in.AccountID, in.Action, in.Resources[0]); err != nil {
		return AnonymousEmbed{}, err
	}
	if in.Namespace == nil || *in.Namespace == "" {
		return AnonymousEmbed{}, sg.Errorf(sg.EINVALID, "Namespace is required for an anonymous user: use default unless you use custom namespaces.")
	}
	if err := a.namespaceExists(ctx, in.AccountID, *in.Namespace); err != nil {
		return AnonymousEmbed{}, err
	}
	for _, r := range in.Resources {
		if err := a.authorize(ctx, in.AccountID, in.Action, r); err != nil {
			return AnonymousEmbed{}, err
		}
	}
	acct, err := a.account(ctx, in.AccountID)
	if err != nil {
		return AnonymousEmbed{}, err
	}
	if acct.Edition == sg.EditionStandard {
		return AnonymousEmbed{}, sg.Errorf(sg.EUNSUPPORTEDEDITION, "Embedding is not supported by the STANDARD edition of Amazon QuickSight. Upgrade account %s to ENTERPRISE.", in.AccountID)
	}
	if err := a.entryExists(ctx, in.AccountID, in.Entry); err != nil {
		return AnonymousEmbed{}, err
	}
	url, err := a.issueGrant(ctx, publicURL, in.Entry, embedGrant{
		AccountID:  in.AccountID,
		Namespace:  *in.Namespace,
		Lifetime:   lifetime,
		Domains:    in.Domains,
		Dashboards: in.Dashboards,
		Tags:       in.Tags,
		Features:   in.Features,
	})
	if err != nil {
		return AnonymousEmbed{}, err
	}
	return AnonymousEmbed{EmbedURL: url, AnonymousUserARN: sg.UserARN(a.Region, in.AccountID, *in.Namespace, sg.AnonymousUserName)}, nil
}

// refuseOtherAccount refuses a caller acting on another account before
// anything of the account is looked at, as every operation does: the
// IAM refusal of action on resource.
func (a *App) refuseOtherAccount(ctx context.Context, accountID, action, resource string) error {
	if c := sg.CallerFromContext(ctx); c != nil && c.AccountID != accountID {
		if err := a.authorize(ctx, accountID, action, resource); err != nil {
			return err
		}
		return sg.Errorf(sg.EACCESSDENIED, "Account %s is not the caller's account.", accountID)
	}
	return nil
}

// anonymousReader is the virtual user an anonymous session reads as.
func anonymousReader(s *sg.Session) *sg.User {
	return &sg.User{
		AccountID:            s.AccountID,
		Namespace:            s.Namespace,
		UserName:             sg.AnonymousUserName,
		Role:                 sg.RoleReader,
		IdentityType:         EmbedIdentityAnonymous,
		Active:               true,
		AuthorizedDashboards: s.AuthorizedDashboards,
		CreatedAt:            s.CreatedAt,
	}
}
