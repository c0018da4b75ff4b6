package app

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"strings"
	"time"

	sg "github.com/sightglass/sightglass"
)

// EmbedCodeTTL is how long an embed URL can be redeemed.
const EmbedCodeTTL = 5 * time.Minute

// Session lifetime bounds and default, in minutes.
const (
	MinSessionLifetime     = 15
	MaxSessionLifetime     = 600
	DefaultSessionLifetime = 600
)

// Entry is a parsed entry point of an embedded experience.
type Entry struct {
	Path string // the entry point as given, e.g. /dashboards/sales
	// Kind is "start", "dashboard" or "analysis" for the console;
	// "dashboard" with Experience set for the SDK's dashboard experience,
	// and "visual" for its visual experience.
	Kind string
	Tab  string // for start pages: "", "analyses", "dashboards" or "favorites"
	ID   string // dashboard or analysis id
	// SheetID and VisualID name the visual of a "visual" entry.
	SheetID, VisualID string
	// Experience is true for the SDK's dashboard and visual experiences
	// (/embed/…), false for the console (/embedding/…).
	Experience bool
	// View is the id of a shared view a "dashboard" entry opens the
	// dashboard in (…/dashboards/<id>/views/<view>); "" for none.
	View string
}

// frame returns the path prefix of the experience's frame.
func (e Entry) frame() string {
	if e.Experience {
		return "/embed/"
	}
	return "/embedding/"
}

// DashboardEntry is the SDK's dashboard experience of a dashboard.
func DashboardEntry(id string) Entry {
	return Entry{Path: "/dashboards/" + id, Kind: "dashboard", ID: id, Experience: true}
}

// VisualEntry is the SDK's visual experience: one visual of a dashboard's
// sheet.
func VisualEntry(dashboardID, sheetID, visualID string) Entry {
	return Entry{
		Path: "/dashboards/" + dashboardID + "/sheets/" + sheetID + "/visuals/" + visualID,
		Kind: "visual", ID: dashboardID, SheetID: sheetID, VisualID: visualID, Experience: true,
	}
}

// ParseEntryPoint parses a GetSessionEmbedUrl EntryPoint.
func ParseEntryPoint(p string) (Entry, error) {
	if err := checkLen("entryPoint", p, 1, 1000); err != nil {
		return Entry{}, err
	}
	switch p {
	case "/start":
		return Entry{Path: p, Kind: "start"}, nil
	case "/start/analyses", "/start/dashboards", "/start/favorites":
		return Entry{Path: p, Kind: "start", Tab: strings.TrimPrefix(p, "/start/")}, nil
	}
	if id, ok := strings.CutPrefix(p, "/dashboards/"); ok {
		id, view, withView := strings.Cut(id, "/views/")
		if isResourceID(id) && (!withView || reSharedViewID.MatchString(view)) {
			return Entry{Path: p, Kind: "dashboard", ID: id, View: view}, nil
		}
	}
	if id, ok := strings.CutPrefix(p, "/analyses/"); ok && isResourceID(id) {
		return Entry{Path: p, Kind: "analysis", ID: id}, nil
	}
	return Entry{}, sg.Errorf(sg.EINVALID, "EntryPoint '%s' is not valid. Use /start, /start/analyses, /start/dashboards, /start/favorites, /dashboards/<DashboardId> or /analyses/<AnalysisId>.", p)
}

// SessionEmbedInput is GetSessionEmbedUrl's input.
type SessionEmbedInput struct {
	AccountID       string
	EntryPoint      string // "" means /start
	SessionLifetime *int64 // minutes; nil means the default
	UserArn         string // "" means the caller's own IAM identity
}

// embedGrant is what a code stands for; it is stored as the payload of the
// single-use item keyed by the code's hash, in binary form (grantbin.go;
// earlier builds stored its JSON, which is still read).
type embedGrant struct {
	AccountID   string `json:"a"`
	Namespace   string `json:"n"`
	UserName    string `json:"u"`
	PrincipalID string `json:"p"`
	EmbedID     string `json:"s"`
	EntryPoint  string `json:"e"`
	Lifetime    int64  `json:"l"` // minutes
	// Domains is the session's own embedding allow-list (AllowedDomains);
	// absent means the account's.
	Domains []string `json:"d,omitempty"`
	// ExperienceOnly marks a code minted for the SDK's dashboard or visual
	// experience: it does not open the console.
	ExperienceOnly bool `json:"x,omitempty"`
	// Dashboards, for an anonymous grant (which names no user), are the
	// ids of the dashboards its session may read; Tags its session tags.
	Dashboards []string          `json:"ds,omitempty"`
	Tags       map[string]string `json:"t,omitempty"`
	// Features are the dashboard features the session has; issueGrant
	// keeps them under the embed id, not in the code's grant.
	Features Features `json:"-"`
}

// anonymous reports whether the grant is for an anonymous session.
func (g *embedGrant) anonymous() bool { return len(g.Dashboards) > 0 }

// sessionEntry is the EntryPoint of the session the grant opens: a
// dashboard or visual experience's is marked (sg.Session.ExperienceOnly),
// as that session has no console.
func (g *embedGrant) sessionEntry() string {
	if g.ExperienceOnly {
		return sg.ExperienceEntryPrefix + g.EntryPoint
	}
	return g.EntryPoint
}

// HashSecret returns the hex SHA-256 of a code or session token: the only
// form in which either is stored.
func HashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// newSecret returns 256 random bits, base64url without padding (43 chars).
func newSecret() string {
	var b [32]byte
	rand.Read(b[:])
	return base64.RawURLEncoding.EncodeToString(b[:])
}

// GetSessionEmbedURL mints a single-use URL that signs a registered user
// into the console at the entry point. publicURL is the server's external
// base URL.
func (a *App) GetSessionEmbedURL(ctx context.Context, publicURL string, in SessionEmbedInput) (string, error) {
	if err := checkAccountID(in.AccountID); err != nil {
		return "", err
	}
	if in.EntryPoint == "" {
		in.EntryPoint = "/start"
	}
	entry, err := ParseEntryPoint(in.EntryPoint)
	if err != nil {
		return "", err
	}
	return a.mintEmbed(ctx, publicURL, embedRequest{
		AccountID: in.AccountID, Checks: []authCheck{{Action: "GetSessionEmbedUrl"}}, UserArn: in.UserArn,
		Entry: entry, Lifetime: in.SessionLifetime, SelfAllowed: true,
	})
}

// embedRequest is what every registered-user embed operation asks for.
type embedRequest struct {
	AccountID string
	// Checks are the IAM actions authorised, in order; the first decides
	// the answer to another account's caller.
	Checks  []authCheck
	UserArn string // "" means the caller's own IAM identity, if SelfAllowed
	// SelfAllowed lets UserArn be absent (GetSessionEmbedUrl only).
	SelfAllowed bool
	Entry       Entry
	Lifetime    *int64   // minutes; nil means the default
	Domains     []string // the session's own allow-list; nil means the account's
	Features    Features // the dashboard features the session has
}

// authCheck is an IAM action an embed operation authorises, on Resource
// or, when it is "", on the user's ARN.
type authCheck struct {
	Action, Resource string
}

// mintEmbed checks an embed request and mints its single-use URL: the
// console experience (/embedding/…) or the dashboard and visual
// experiences of the embedding SDK (/embed/…), all redeemed by
// RedeemEmbedCode.
func (a *App) mintEmbed(ctx context.Context, publicURL string, in embedRequest) (string, error) {
	lifetime := int64(DefaultSessionLifetime)
	if in.Lifetime != nil {
		lifetime = *in.Lifetime
	}
	if lifetime < MinSessionLifetime || lifetime > MaxSessionLifetime {
		return "", sg.Errorf(sg.ESESSIONLIFETIME, "The value %d for SessionLifetimeInMinutes is not valid. It must be between %d and %d minutes.", lifetime, MinSessionLifetime, MaxSessionLifetime)
	}
	if in.UserArn == "" && !in.SelfAllowed {
		return "", sg.Errorf(sg.EINVALID, "UserArn is required.")
	}
	// Another account's caller is refused before anything of the account
	// is looked at, as every operation does.
	if c := sg.CallerFromContext(ctx); c != nil && c.AccountID != in.AccountID {
		resource := in.Checks[0].Resource
		if resource == "" {
			resource = in.UserArn
		}
		if resource == "" {
			resource = sg.UserARN(a.Region, in.AccountID, sg.DefaultNamespace, c.PrincipalName)
		}
		if err := a.authorize(ctx, in.AccountID, in.Checks[0].Action, resource); err != nil {
			return "", err
		}
		return "", sg.Errorf(sg.EACCESSDENIED, "Account %s is not the caller's account.", in.AccountID)
	}
	namespace, userName, err := a.embedUser(ctx, in.AccountID, in.UserArn)
	if err != nil {
		return "", err
	}
	for _, chk := range in.Checks {
		resource := chk.Resource
		if resource == "" {
			resource = sg.UserARN(a.Region, in.AccountID, namespace, userName)
		}
		if err := a.authorize(ctx, in.AccountID, chk.Action, resource); err != nil {
			return "", err
		}
	}
	acct, err := a.account(ctx, in.AccountID)
	if err != nil {
		return "", err
	}
	if acct.Edition == sg.EditionStandard {
		return "", sg.Errorf(sg.EUNSUPPORTEDEDITION, "Embedding is not supported by the STANDARD edition of Amazon QuickSight. Upgrade account %s to ENTERPRISE.", in.AccountID)
	}
	user, err := a.cachedFindUser(ctx, in.AccountID, namespace, userName)
	if sg.ErrorCode(err) == sg.ENOTFOUND || (err == nil && !user.Active) {
		return "", sg.Errorf(sg.EUSERNOTFOUND, "The user %s does not exist or is not active in namespace %s of account %s.", userName, namespace, in.AccountID)
	} else if err != nil {
		return "", err
	}
	if in.UserArn == "" && (user.IdentityType != sg.IdentityIAM || !a.callerIsUser(ctx, user)) {
		return "", sg.Errorf(sg.EUSERNOTFOUND, "The caller is not registered as a QuickSight user in account %s.", in.AccountID)
	}
	if err := a.entryExists(ctx, in.AccountID, in.Entry); err != nil {
		return "", err
	}
	return a.issueGrant(ctx, publicURL, in.Entry, embedGrant{
		AccountID:   in.AccountID,
		Namespace:   namespace,
		UserName:    userName,
		PrincipalID: user.PrincipalID,
		Lifetime:    lifetime,
		Domains:     in.Domains,
		Features:    in.Features,
	})
}

// issueGrant stores a grant for entry under a fresh single-use code and
// returns its embed URL. It fills in the grant's embed id (sid), entry
// point and experience flag.
func (a *App) issueGrant(ctx context.Context, publicURL string, entry Entry, g embedGrant) (string, error) {
	g.EmbedID = randomHex(16)
	g.EntryPoint = entry.Path
	// A dashboard or visual experience is not a way into the console.
	g.ExperienceOnly = entry.Experience
	grant := g.appendBinary(make([]byte, 0, g.grantBinarySize()))
	now := a.now()
	code, raw := newEmbedCode(now)
	if err := a.Store.PutOnceOrdered(ctx, embedCodeKey(code, raw, now), grant, now.Add(EmbedCodeTTL)); err != nil {
		return "", err
	}
	if g.Domains != nil {
		if err := a.putFrameDomains(ctx, g.EmbedID, g.Domains, now.Add(EmbedCodeTTL+minutes(g.Lifetime))); err != nil {
			return "", err
		}
	}
	if g.Features.any() {
		if err := a.putFeatures(ctx, g.EmbedID, g.Features, now.Add(EmbedCodeTTL+minutes(g.Lifetime))); err != nil {
			return "", err
		}
	}
	return publicURL + entry.frame() + g.EmbedID + entry.Path + "?code=" + code + "&identityprovider=quicksight&isauthcode=true", nil
}

// embedUser resolves whose console an embed URL opens: the user named by
// userArn, or the caller's own IAM identity.
func (a *App) embedUser(ctx context.Context, accountID, userArn string) (namespace, userName string, err error) {
	if userArn == "" {
		c := sg.CallerFromContext(ctx)
		if c == nil {
			return "", "", sg.Errorf(sg.EUSERNOTFOUND, "UserArn is required.")
		}
		name := c.PrincipalName
		if c.SessionName != "" {
			name += "/" + c.SessionName
		}
		return sg.DefaultNamespace, name, nil
	}
	arn, ok := sg.ParseARN(userArn)
	if !ok || arn.Service != "quicksight" {
		return "", "", sg.Errorf(sg.EINVALID, "UserArn '%s' is not a QuickSight user ARN.", userArn)
	}
	rest, ok := strings.CutPrefix(arn.Resource, "user/")
	if !ok {
		return "", "", sg.Errorf(sg.EINVALID, "UserArn '%s' is not a QuickSight user ARN.", userArn)
	}
	namespace, userName, ok = strings.Cut(rest, "/")
	if !ok || namespace == "" || userName == "" {
		return "", "", sg.Errorf(sg.EINVALID, "UserArn '%s' is not a QuickSight user ARN.", userArn)
	}
	if arn.AccountID != accountID || arn.Region != a.Region || a.namespaceExists(ctx, accountID, namespace) != nil {
		return "", "", sg.Errorf(sg.EUSERNOTFOUND, "The user %s does not exist.", userArn)
	}
	return namespace, userName, nil
}

// callerIsUser reports whether the caller in ctx is the IAM identity that
// user is bound to.
func (a *App) callerIsUser(ctx context.Context, u *sg.User) bool {
	c := sg.CallerFromContext(ctx)
	if c == nil {
		return false
	}
	return u.IAMArn == sg.IAMARN(c.AccountID, c.PrincipalType, c.PrincipalName) && u.SessionName == c.SessionName
}

// entryExists checks that a dashboard or analysis entry point names an
// existing resource.
func (a *App) entryExists(ctx context.Context, accountID string, e Entry) error {
	var err error
	switch e.Kind {
	case "dashboard", "visual":
		// The key alone, and remembered: a mint needs no more of the
		// dashboard (dashboardexists.go).
		ok, err := a.dashboardExists(ctx, accountID, e.ID)
		if err == nil && !ok {
			return sg.Errorf(sg.ENOTFOUND, "Dashboard %s doesn't exist in account %s.", e.ID, accountID)
		}
		return err
	case "analysis":
		_, err = a.Store.FindAnalysis(ctx, accountID, e.ID)
		if sg.ErrorCode(err) == sg.ENOTFOUND {
			return sg.Errorf(sg.ENOTFOUND, "Analysis %s doesn't exist in account %s.", e.ID, accountID)
		}
	}
	return err
}

func minutes(n int64) time.Duration { return time.Duration(n) * time.Minute }
