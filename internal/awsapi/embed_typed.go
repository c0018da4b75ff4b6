package awsapi

import "github.com/sightglass/sightglass/internal/apimodel"

// The typed decoders of the two embed-URL bodies (see typedbody.go). Each
// object's members are listed once, by their model names, in the order
// of the constants that index them.

const (
	opAnonymous  = "GenerateEmbedUrlForAnonymousUser"
	opRegistered = "GenerateEmbedUrlForRegisteredUser"
)

// anonymousFields are GenerateEmbedUrlForAnonymousUser's members.
var anonymousFields = struct {
	account                         apimodel.Field
	top, tag, experience, dashboard *objectFields
	features, sharedView            *objectFields
	visual                          visualFields
}{
	account:    apimodel.InputField(opAnonymous, "AwsAccountId"),
	top:        newObjectFields(opAnonymous, nil, "SessionLifetimeInMinutes", "Namespace", "SessionTags", "AuthorizedResourceArns", "AllowedDomains", "ExperienceConfiguration"),
	tag:        newObjectFields(opAnonymous, []string{"SessionTags"}, "Key", "Value"),
	experience: newObjectFields(opAnonymous, []string{"ExperienceConfiguration"}, "Dashboard", "DashboardVisual"),
	dashboard:  newObjectFields(opAnonymous, []string{"ExperienceConfiguration", "Dashboard"}, "InitialDashboardId", "EnabledFeatures", "DisabledFeatures", "FeatureConfigurations"),
	features:   newObjectFields(opAnonymous, []string{"ExperienceConfiguration", "Dashboard", "FeatureConfigurations"}, "SharedView"),
	sharedView: newObjectFields(opAnonymous, []string{"ExperienceConfiguration", "Dashboard", "FeatureConfigurations", "SharedView"}, "Enabled"),
	visual:     newVisualFields(opAnonymous, "ExperienceConfiguration", "DashboardVisual"),
}

// decodeAnonymousBody is GenerateEmbedUrlForAnonymousUser's typedBody.
func decodeAnonymousBody(labels map[string]string, body []byte) (any, map[string]any, bool) {
	f := &anonymousFields
	if !accountOK(f.account, labels) {
		return nil, nil, false
	}
	d := newBodyScanner(body)
	b := new(anonymousUserBody)
	scalars := make(map[string]any, 2)
	ok := d.members(f.top, func(i int) bool {
		m := f.top.fields[i]
		switch i {
		case 0:
			return d.lifetime(m, &b.SessionLifetimeInMinutes, scalars)
		case 1:
			return d.scalarString(m, &b.Namespace, scalars, "Namespace")
		case 2:
			tags := []sessionTag{}
			n, ok := d.array(func() bool {
				var t sessionTag
				ok := d.members(f.tag, func(i int) bool {
					s, ok := d.checkedString(f.tag.fields[i])
					*[...]*string{&t.Key, &t.Value}[i] = s
					return ok
				})
				tags = append(tags, t)
				return ok
			})
			b.SessionTags = tags
			return ok && m.LenOK(n)
		case 3:
			return d.stringList(m, &b.AuthorizedResourceArns)
		case 4:
			return d.stringList(m, &b.AllowedDomains)
		}
		x := new(anonymousExperience)
		b.ExperienceConfiguration = x
		return d.members(f.experience, func(i int) bool {
			if i == 1 {
				return d.dashboardVisual(f.visual, &x.DashboardVisual)
			}
			x.Dashboard = new(anonymousDashboard)
			return d.anonymousDashboard(x.Dashboard)
		})
	})
	if !ok || !d.end() {
		return nil, nil, false
	}
	return b, scalars, true
}

// anonymousDashboard reads an anonymous user's Dashboard experience.
func (d *bodyScanner) anonymousDashboard(x *anonymousDashboard) bool {
	f := &anonymousFields
	return d.members(f.dashboard, func(i int) bool {
		m := f.dashboard.fields[i]
		switch i {
		case 0:
			return d.checkedStringPtr(m, &x.InitialDashboardId)
		case 1:
			return d.stringList(m, &x.EnabledFeatures)
		case 2:
			return d.stringList(m, &x.DisabledFeatures)
		}
		c := new(anonymousDashboardFeatures)
		x.FeatureConfigurations = c
		return d.members(f.features, func(int) bool { return d.flag(f.sharedView, &c.SharedView) })
	})
}

// registeredFields are GenerateEmbedUrlForRegisteredUser's members. The
// feature configurations the typed decoder reads are those Sightglass
// switches; a body with others is left to the generic path.
var registeredFields = struct {
	account                             apimodel.Field
	top, experience, console, dashboard *objectFields
	consoleFeatures, dashboardFeatures  *objectFields
	consoleFlags, dashboardFlags        []*objectFields
	visual                              visualFields
}{
	account:           apimodel.InputField(opRegistered, "AwsAccountId"),
	top:               newObjectFields(opRegistered, nil, "SessionLifetimeInMinutes", "UserArn", "AllowedDomains", "ExperienceConfiguration"),
	experience:        newObjectFields(opRegistered, []string{"ExperienceConfiguration"}, "QuickSightConsole", "Dashboard", "DashboardVisual"),
	console:           newObjectFields(opRegistered, []string{"ExperienceConfiguration", "QuickSightConsole"}, "InitialPath", "FeatureConfigurations"),
	dashboard:         newObjectFields(opRegistered, []string{"ExperienceConfiguration", "Dashboard"}, "InitialDashboardId", "FeatureConfigurations"),
	consoleFeatures:   newObjectFields(opRegistered, []string{"ExperienceConfiguration", "QuickSightConsole", "FeatureConfigurations"}, "StatePersistence", "SharedView"),
	dashboardFeatures: newObjectFields(opRegistered, []string{"ExperienceConfiguration", "Dashboard", "FeatureConfigurations"}, "StatePersistence", "SharedView", "Bookmarks"),
	consoleFlags: []*objectFields{
		newObjectFields(opRegistered, []string{"ExperienceConfiguration", "QuickSightConsole", "FeatureConfigurations", "StatePersistence"}, "Enabled"),
		newObjectFields(opRegistered, []string{"ExperienceConfiguration", "QuickSightConsole", "FeatureConfigurations", "SharedView"}, "Enabled"),
	},
	dashboardFlags: []*objectFields{
		newObjectFields(opRegistered, []string{"ExperienceConfiguration", "Dashboard", "FeatureConfigurations", "StatePersistence"}, "Enabled"),
		newObjectFields(opRegistered, []string{"ExperienceConfiguration", "Dashboard", "FeatureConfigurations", "SharedView"}, "Enabled"),
		newObjectFields(opRegistered, []string{"ExperienceConfiguration", "Dashboard", "FeatureConfigurations", "Bookmarks"}, "Enabled"),
	},
	visual: newVisualFields(opRegistered, "ExperienceConfiguration", "DashboardVisual"),
}

// decodeRegisteredBody is GenerateEmbedUrlForRegisteredUser's typedBody.
func decodeRegisteredBody(labels map[string]string, body []byte) (any, map[string]any, bool) {
	f := &registeredFields
	if !accountOK(f.account, labels) {
		return nil, nil, false
	}
	d := newBodyScanner(body)
	b := new(registeredUserBody)
	scalars := make(map[string]any, 2)
	ok := d.members(f.top, func(i int) bool {
		m := f.top.fields[i]
		switch i {
		case 0:
			return d.lifetime(m, &b.SessionLifetimeInMinutes, scalars)
		case 1:
			return d.scalarString(m, &b.UserArn, scalars, "UserArn")
		case 2:
			return d.stringList(m, &b.AllowedDomains)
		}
		x := new(registeredExperience)
		b.ExperienceConfiguration = x
		return d.members(f.experience, func(i int) bool {
			switch i {
			case 0:
				c := new(consoleExperience)
				x.QuickSightConsole = c
				return d.members(f.console, func(i int) bool {
					if i == 0 {
						return d.checkedStringPtr(f.console.fields[0], &c.InitialPath)
					}
					return d.featureConfigurations(f.consoleFeatures, f.consoleFlags, &c.FeatureConfigurations)
				})
			case 1:
				c := new(registeredDashboard)
				x.Dashboard = c
				return d.members(f.dashboard, func(i int) bool {
					if i == 0 {
						return d.checkedStringPtr(f.dashboard.fields[0], &c.InitialDashboardId)
					}
					return d.featureConfigurations(f.dashboardFeatures, f.dashboardFlags, &c.FeatureConfigurations)
				})
			}
			return d.dashboardVisual(f.visual, &x.DashboardVisual)
		})
	})
	if !ok || !d.end() {
		return nil, nil, false
	}
	return b, scalars, true
}

// featureConfigurations reads a FeatureConfigurations of o's members
// (StatePersistence, SharedView and, for a dashboard, Bookmarks, in that
// order), flags[i] the members of the i-th.
func (d *bodyScanner) featureConfigurations(o *objectFields, flags []*objectFields, dst **featureConfigurations) bool {
	c := new(featureConfigurations)
	*dst = c
	return d.members(o, func(i int) bool {
		return d.flag(flags[i], [...]**enabledFlag{&c.StatePersistence, &c.SharedView, &c.Bookmarks}[i])
	})
}
