package awsapi

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strconv"

	sg "github.com/sightglass/sightglass"

	"github.com/sightglass/sightglass/internal/app"
)

func (s *Server) embedOps() []*op {
	return []*op{
		{Name: "GetSessionEmbedUrl", Method: http.MethodGet, Template: "/accounts/{AwsAccountId}/session-embed-url", Status: http.StatusOK, Handle: s.getSessionEmbedURL},
		{Name: "GenerateEmbedUrlForRegisteredUser", Method: http.MethodPost, Template: "/accounts/{AwsAccountId}/embed-url/registered-user", Status: http.StatusOK, Handle: s.generateEmbedURLForRegisteredUser},
		{Name: "GenerateEmbedUrlForRegisteredUserWithIdentity", Method: http.MethodPost, Template: "/accounts/{AwsAccountId}/embed-url/registered-user-with-identity", Status: http.StatusOK, Handle: s.generateEmbedURLForRegisteredUserWithIdentity},
		{Name: "GenerateEmbedUrlForAnonymousUser", Method: http.MethodPost, Template: "/accounts/{AwsAccountId}/embed-url/anonymous-user", Status: http.StatusOK, Handle: s.generateEmbedURLForAnonymousUser},
		{Name: "GetDashboardEmbedUrl", Method: http.MethodGet, Template: "/accounts/{AwsAccountId}/dashboards/{DashboardId}/embed-url", Status: http.StatusOK, Handle: s.getDashboardEmbedURL},
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

// registeredUserBody is the body of GenerateEmbedUrlForRegisteredUser and
// of its WithIdentity sibling (which has no UserArn).
type registeredUserBody struct {
	SessionLifetimeInMinutes *int64
	UserArn                  *string
	AllowedDomains           []string
	ExperienceConfiguration  *registeredExperience
}

// registeredExperience is a registered user's ExperienceConfiguration.
type registeredExperience struct {
	QuickSightConsole *consoleExperience
	Dashboard         *registeredDashboard
	DashboardVisual   *dashboardVisualExperience
	// Experiences Sightglass does not have.
	QSearchBar, GenerativeQnA, QuickChat json.RawMessage
}

// consoleExperience is the QuickSightConsole experience.
type consoleExperience struct {
	InitialPath           *string
	FeatureConfigurations *featureConfigurations
}

// registeredDashboard is a registered user's Dashboard experience.
type registeredDashboard struct {
	InitialDashboardId    *string
	FeatureConfigurations *featureConfigurations
}

// dashboardVisualExperience is the DashboardVisual experience, for
// anonymous and registered users alike.
type dashboardVisualExperience struct {
	InitialDashboardVisualId *dashboardVisualID
}

// dashboardVisualID names one visual of a dashboard.
type dashboardVisualID struct {
	DashboardId, SheetId, VisualId *string
}

// enabledFlag is a feature configuration that switches one feature.
type enabledFlag struct{ Enabled bool }

// featureConfigurations holds the members of the console's and the
// dashboard's FeatureConfigurations that Sightglass switches; the others
// (Amazon Q, schedules, alerts…) are accepted as given.
type featureConfigurations struct {
	StatePersistence, Bookmarks, SharedView *enabledFlag
}

func (f *featureConfigurations) features() app.Features {
	if f == nil {
		return app.Features{}
	}
	on := func(c *enabledFlag) bool { return c != nil && c.Enabled }
	return app.Features{StatePersistence: on(f.StatePersistence), Bookmarks: on(f.Bookmarks), SharedView: on(f.SharedView)}
}

// registeredInput decodes a registered-user body into the app's input.
func registeredInput(in *input) (app.RegisteredEmbedInput, error) {
	b, ok := in.typed.(*registeredUserBody)
	if !ok {
		b = new(registeredUserBody)
		if err := in.decode(b); err != nil {
			return app.RegisteredEmbedInput{}, err
		}
	}
	out := app.RegisteredEmbedInput{
		AccountID:       in.Labels["AwsAccountId"],
		SessionLifetime: b.SessionLifetimeInMinutes,
		AllowedDomains:  b.AllowedDomains,
	}
	if b.UserArn != nil {
		out.UserArn = *b.UserArn
	}
	x := b.ExperienceConfiguration
	if x == nil {
		return out, sg.Errorf(sg.EINVALID, "ExperienceConfiguration is required.")
	}
	exp := &out.Experience
	if x.QuickSightConsole != nil {
		exp.Count++
		exp.Console = &app.ConsoleExperience{InitialPath: x.QuickSightConsole.InitialPath, Features: x.QuickSightConsole.FeatureConfigurations.features()}
	}
	if x.Dashboard != nil {
		exp.Count++
		exp.Dashboard = &app.DashboardExperience{InitialDashboardID: deref(x.Dashboard.InitialDashboardId), Features: x.Dashboard.FeatureConfigurations.features()}
	}
	if x.DashboardVisual != nil {
		exp.Count++
		v := x.DashboardVisual.InitialDashboardVisualId
		if v == nil {
			return out, sg.Errorf(sg.EINVALID, "DashboardVisual.InitialDashboardVisualId is required.")
		}
		exp.Visual = &app.VisualExperience{DashboardID: deref(v.DashboardId), SheetID: deref(v.SheetId), VisualID: deref(v.VisualId)}
	}
	for _, m := range []struct {
		name string
		raw  json.RawMessage
	}{{"QSearchBar", x.QSearchBar}, {"GenerativeQnA", x.GenerativeQnA}, {"QuickChat", x.QuickChat}} {
		if len(m.raw) > 0 && !bytes.Equal(m.raw, []byte("null")) {
			exp.Count++
			exp.Unsupported = append(exp.Unsupported, m.name)
		}
	}
	return out, nil
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func (s *Server) generateEmbedURLForRegisteredUser(ctx context.Context, in *input) (output, error) {
	rin, err := registeredInput(in)
	if err != nil {
		return nil, err
	}
	url, err := s.app.GenerateEmbedURLForRegisteredUser(ctx, s.publicURL, rin)
	if err != nil {
		return nil, err
	}
	return &embedURLOutput{EmbedUrl: url}, nil
}

func (s *Server) generateEmbedURLForRegisteredUserWithIdentity(ctx context.Context, in *input) (output, error) {
	rin, err := registeredInput(in)
	if err != nil {
		return nil, err
	}
	return nil, s.app.GenerateEmbedURLForRegisteredUserWithIdentity(ctx, rin)
}

func (s *Server) getDashboardEmbedURL(ctx context.Context, in *input) (output, error) {
	lifetime, err := in.queryInt64("session-lifetime")
	if err != nil {
		return nil, err
	}
	din := app.DashboardEmbedInput{
		AccountID:              in.Labels["AwsAccountId"],
		DashboardID:            in.Labels["DashboardId"],
		IdentityType:           in.Query.Get("creds-type"),
		SessionLifetime:        lifetime,
		UserArn:                in.Query.Get("user-arn"),
		AdditionalDashboardIDs: in.Query["additional-dashboard-ids"],
	}
	if in.Query.Has("namespace") {
		ns := in.Query.Get("namespace")
		din.Namespace = &ns
	}
	for _, b := range []struct {
		name string
		dst  *bool
	}{
		{"undo-redo-disabled", &din.UndoRedoDisabled},
		{"reset-disabled", &din.ResetDisabled},
		{"state-persistence-enabled", &din.StatePersistenceEnabled},
	} {
		if *b.dst, err = in.queryBool(b.name); err != nil {
			return nil, err
		}
	}
	url, err := s.app.GetDashboardEmbedURL(ctx, s.publicURL, din)
	if err != nil {
		return nil, err
	}
	return &embedURLOutput{EmbedUrl: url}, nil
}

// anonymousUserBody is GenerateEmbedUrlForAnonymousUser's body.
type anonymousUserBody struct {
	SessionLifetimeInMinutes *int64
	Namespace                *string
	SessionTags              []sessionTag
	AuthorizedResourceArns   []string
	AllowedDomains           []string
	ExperienceConfiguration  *anonymousExperience
}

// sessionTag is one of an anonymous user's session tags.
type sessionTag struct{ Key, Value string }

// anonymousExperience is an anonymous user's ExperienceConfiguration.
type anonymousExperience struct {
	Dashboard       *anonymousDashboard
	DashboardVisual *dashboardVisualExperience
	// Experiences Sightglass does not have.
	QSearchBar, GenerativeQnA json.RawMessage
}

// anonymousDashboard is an anonymous user's Dashboard experience.
type anonymousDashboard struct {
	InitialDashboardId                *string
	EnabledFeatures, DisabledFeatures []string
	FeatureConfigurations             *anonymousDashboardFeatures
}

// anonymousDashboardFeatures is the anonymous Dashboard experience's
// FeatureConfigurations.
type anonymousDashboardFeatures struct {
	SharedView *enabledFlag
}

type anonymousEmbedOutput struct {
	meta
	EmbedUrl         string
	AnonymousUserArn string
}

func (s *Server) generateEmbedURLForAnonymousUser(ctx context.Context, in *input) (output, error) {
	b, ok := in.typed.(*anonymousUserBody)
	if !ok {
		b = new(anonymousUserBody)
		if err := in.decode(b); err != nil {
			return nil, err
		}
	}
	ain := app.AnonymousEmbedInput{
		AccountID:              in.Labels["AwsAccountId"],
		Namespace:              deref(b.Namespace),
		SessionLifetime:        b.SessionLifetimeInMinutes,
		AuthorizedResourceArns: b.AuthorizedResourceArns,
		AllowedDomains:         b.AllowedDomains,
	}
	if len(b.SessionTags) > 0 {
		ain.SessionTags = make([]app.SessionTag, len(b.SessionTags))
		for i, t := range b.SessionTags {
			ain.SessionTags[i] = app.SessionTag{Key: t.Key, Value: t.Value}
		}
	}
	x := b.ExperienceConfiguration
	if x == nil {
		return nil, sg.Errorf(sg.EINVALID, "ExperienceConfiguration is required.")
	}
	exp := &ain.Experience
	if x.Dashboard != nil {
		exp.Count++
		d := x.Dashboard
		exp.Dashboard = &app.DashboardExperience{InitialDashboardID: deref(d.InitialDashboardId)}
		ain.SharedView.Enabled, ain.SharedView.Disabled = d.EnabledFeatures, d.DisabledFeatures
		if d.FeatureConfigurations != nil && d.FeatureConfigurations.SharedView != nil {
			ain.SharedView.Configured = &d.FeatureConfigurations.SharedView.Enabled
		}
	}
	if x.DashboardVisual != nil {
		exp.Count++
		v := x.DashboardVisual.InitialDashboardVisualId
		if v == nil {
			return nil, sg.Errorf(sg.EINVALID, "DashboardVisual.InitialDashboardVisualId is required.")
		}
		exp.Visual = &app.VisualExperience{DashboardID: deref(v.DashboardId), SheetID: deref(v.SheetId), VisualID: deref(v.VisualId)}
	}
	for _, m := range []struct {
		name string
		raw  json.RawMessage
	}{{"QSearchBar", x.QSearchBar}, {"GenerativeQnA", x.GenerativeQnA}} {
		if len(m.raw) > 0 && !bytes.Equal(m.raw, []byte("null")) {
			exp.Count++
			exp.Unsupported = append(exp.Unsupported, m.name)
		}
	}
	out, err := s.app.GenerateEmbedURLForAnonymousUser(ctx, s.publicURL, ain)
	if err != nil {
		return nil, err
	}
	return &anonymousEmbedOutput{EmbedUrl: out.EmbedURL, AnonymousUserArn: out.AnonymousUserARN}, nil
}
