package audit

import (
	"encoding/json"
	"net/url"
	"unicode/utf8"
)

// The allow-lists below name every request member a record may carry: path
// labels, query names and top-level body members that identify what was
// acted on. Anything not named here — credentials, passwords, codes,
// tokens, definitions, permissions — never reaches the log, whatever an
// operation (or a future one) sends. Values are kept only when they are
// strings, numbers or booleans; a named member holding an object or list
// is left out too.

// allowedMembers maps a path label or body member to its record name
// (CloudTrail's lower-camel member names).
var allowedMembers = map[string]string{
	"AwsAccountId":             "awsAccountId",
	"Namespace":                "namespace",
	"UserName":                 "userName",
	"PrincipalId":              "principalId",
	"DataSourceId":             "dataSourceId",
	"DataSetId":                "dataSetId",
	"AnalysisId":               "analysisId",
	"DashboardId":              "dashboardId",
	"IngestionId":              "ingestionId",
	"CustomPermissionsName":    "customPermissionsName",
	"Role":                     "role",
	"VersionNumber":            "versionNumber",
	"AliasName":                "aliasName",
	"Name":                     "name",
	"Type":                     "type",
	"ImportMode":               "importMode",
	"Email":                    "email",
	"IdentityType":             "identityType",
	"UserRole":                 "userRole",
	"IamArn":                   "iamArn",
	"SessionName":              "sessionName",
	"UserArn":                  "userArn",
	"EntryPoint":               "entryPoint",
	"SessionLifetimeInMinutes": "sessionLifetimeInMinutes",
	"IngestionType":            "ingestionType",
	"VersionDescription":       "versionDescription",
	"Edition":                  "edition",
	"AccountName":              "accountName",
	"DefaultNamespace":         "defaultNamespace",
	"NotificationEmail":        "notificationEmail",
	"UnapplyCustomPermissions": "unapplyCustomPermissions",
	"GroupName":                "groupName",
	"MemberName":               "memberName",
	"IdentityStore":            "identityStore",
}

// allowedQuery maps a query name to its record name. next-token (a
// pagination token) and max-results are deliberately absent.
var allowedQuery = map[string]string{
	"entry-point":      "entryPoint",
	"session-lifetime": "sessionLifetimeInMinutes",
	"user-arn":         "userArn",
	"alias-name":       "aliasName",
	"version-number":   "versionNumber",
}

// maxParamValue bounds a string value kept in a record.
const maxParamValue = 512

// maxParamBody bounds the request body whose top-level members are read
// for a record: a larger body (a very large definition) would cost its
// request a second full parse; its record keeps the path and query
// parameters (the resource ids) only.
const maxParamBody = 1 << 20

// RequestParameters returns the identifying parameters of an API request:
// the allowed path labels, query members and top-level body members. body
// is the JSON request body (nil for none; a body that is not a JSON object,
// or is larger than 1 MiB, contributes nothing). It returns nil when
// nothing is allowed.
func RequestParameters(labels map[string]string, query url.Values, body []byte) map[string]any {
	return RequestParametersOf(labels, query, body, nil)
}

// RequestParametersOf is RequestParameters given, in decoded, the body
// already decoded into its top-level object (numbers as json.Number or
// float64), so the body is not parsed a second time; with decoded nil the
// body is parsed here. The same members are kept either way.
func RequestParametersOf(labels map[string]string, query url.Values, body []byte, decoded map[string]any) map[string]any {
	var out map[string]any
	set := func(k string, v any) {
		if out == nil {
			out = make(map[string]any, 4)
		}
		out[k] = v
	}
	for k, v := range labels {
		if name, ok := allowedMembers[k]; ok {
			set(name, trimValue(v))
		}
	}
	for k, vs := range query {
		if name, ok := allowedQuery[k]; ok && len(vs) > 0 {
			set(name, trimValue(vs[0]))
		}
	}
	if decoded != nil && len(body) <= maxParamBody {
		for k, v := range decoded {
			if name, ok := allowedMembers[k]; ok {
				if v, ok := decodedScalar(v); ok {
					set(name, v)
				}
			}
		}
	} else if len(body) <= maxParamBody && hasObjectStart(body) {
		var members map[string]json.RawMessage
		if json.Unmarshal(body, &members) == nil {
			for k, raw := range members {
				name, ok := allowedMembers[k]
				if !ok {
					continue
				}
				if v, ok := scalar(raw); ok {
					set(name, v)
				}
			}
		}
	}
	return out
}

// hasObjectStart reports whether b starts with '{' after white space.
func hasObjectStart(b []byte) bool {
	for _, c := range b {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		case '{':
			return true
		}
		return false
	}
	return false
}

// scalar decodes a JSON string, number or boolean; anything else is not
// kept.
func scalar(raw json.RawMessage) (any, bool) {
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		return nil, false
	}
	switch x := v.(type) {
	case string:
		return trimValue(x), true
	case float64, bool:
		return x, true
	}
	return nil, false
}

// decodedScalar is scalar for a value decoded already.
func decodedScalar(v any) (any, bool) {
	switch x := v.(type) {
	case string:
		return trimValue(x), true
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	case float64, bool:
		return x, true
	}
	return nil, false
}

// TrimParam bounds a string parameter value for a record.
func TrimParam(s string) string { return trimValue(s) }

// trimValue bounds a parameter value.
func trimValue(s string) string { return trimTo(s, maxParamValue) }

// trimTo bounds s at n bytes on a rune boundary.
func trimTo(s string, n int) string {
	if len(s) <= n {
		return s
	}
	s = s[:n]
	for len(s) > 0 && !utf8.ValidString(s) {
		s = s[:len(s)-1]
	}
	return s
}
