package awsapi

import (
	"net"
	"net/http"
	"strings"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/audit"
)

// auditCall records one API call in the audit log: who (the verified
// caller, or the access key id a failed request claimed), what (the
// operation and its identifying parameters, never a secret: see
// audit.RequestParameters) and the outcome.
func (s *Server) auditCall(r *http.Request, reqID string, c *call) {
	e := &audit.Event{
		EventVersion:    audit.Version,
		EventTime:       s.now().UTC().Truncate(time.Second),
		EventSource:     audit.Source,
		EventName:       c.name,
		EventType:       audit.EventTypeAPICall,
		AWSRegion:       s.region,
		SourceIPAddress: remoteIP(r),
		UserAgent:       audit.TrimUserAgent(r.UserAgent()),
		RequestID:       reqID,
		EventID:         audit.NewEventID(),
	}
	labels := map[string]string(nil)
	if c.in != nil {
		labels = c.in.Labels
		e.RequestParameters = audit.RequestParametersOf(c.in.Labels, c.in.Query, c.in.Body, c.in.Object)
	} else if o, l := s.router.match(r.Method, r.URL.EscapedPath()); o != nil {
		// Refused before it ran (authentication, throttling): still
		// named, with its path's identifying labels.
		e.EventName, labels = o.Name, l
		e.RequestParameters = audit.RequestParameters(l, r.URL.Query(), nil)
	}
	if e.EventName == "" {
		e.EventName = "UnknownOperation"
	}
	e.ReadOnly = audit.ReadOnlyOperation(e.EventName)
	if c.caller != nil {
		e.UserIdentity = callerIdentity(c.caller)
	} else {
		e.UserIdentity = audit.Identity{Type: audit.IdentityUnknown, AccessKeyID: claimedAccessKeyID(r)}
	}
	e.RecipientAccountID = labels["AwsAccountId"]
	if e.RecipientAccountID == "" && c.caller != nil {
		e.RecipientAccountID = c.caller.AccountID
	}
	switch {
	case c.err != nil:
		ae := toAWSError(c.err)
		e.ErrorCode, e.ErrorMessage = ae.Name, audit.TrimMessage(ae.Message)
	case c.status >= 400:
		e.ErrorCode = "InternalFailure"
	}
	s.audit.Record(e)
}

// callerIdentity is the userIdentity of a verified caller.
func callerIdentity(c *sg.Caller) audit.Identity {
	id := audit.Identity{
		Type:        audit.IdentityIAMUser,
		ARN:         c.ARN(),
		AccountID:   c.AccountID,
		AccessKeyID: c.AccessKeyID,
		UserName:    c.PrincipalName,
	}
	if c.PrincipalType == sg.PrincipalRole {
		id.Type = audit.IdentityAssumedRole
		id.UserName = ""
		id.Session = &audit.SessionContext{SessionIssuer: audit.SessionIssuer{
			Type:      "Role",
			ARN:       sg.IAMARN(c.AccountID, sg.PrincipalRole, c.PrincipalName),
			AccountID: c.AccountID,
			UserName:  c.PrincipalName,
		}}
	}
	return id
}

// remoteIP is the client address of r (the peer: a proxy in front of the
// server shows as itself).
func remoteIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// claimedAccessKeyID is the access key id a request that failed
// authentication named in its credential scope, if it looks like one. It
// is only an id, never a secret; an odd value is left out.
func claimedAccessKeyID(r *http.Request) string {
	cred := r.URL.Query().Get("X-Amz-Credential")
	if cred == "" {
		authz := r.Header.Get("Authorization")
		i := strings.Index(authz, "Credential=")
		if i < 0 {
			return ""
		}
		cred = authz[i+len("Credential="):]
	}
	id, _, _ := strings.Cut(cred, "/")
	if len(id) == 0 || len(id) > 128 {
		return ""
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return ""
		}
	}
	return id
}
