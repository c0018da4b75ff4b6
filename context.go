package sightglass

import "context"

// Caller is the authenticated IAM identity behind an API request.
type Caller struct {
	AccountID     string
	AccessKeyID   string
	PrincipalType string // PrincipalUser or PrincipalRole
	PrincipalName string
	SessionName   string // role sessions only
}

// ARN returns the caller's IAM ARN: the user ARN, or the assumed-role
// session ARN for role sessions.
func (c *Caller) ARN() string {
	if c.PrincipalType == PrincipalRole && c.SessionName != "" {
		return AssumedRoleARN(c.AccountID, c.PrincipalName, c.SessionName)
	}
	return IAMARN(c.AccountID, c.PrincipalType, c.PrincipalName)
}

type contextKey int

const (
	callerKey contextKey = iota
	requestIDKey
)

// NewContextWithCaller returns a copy of ctx carrying c.
func NewContextWithCaller(ctx context.Context, c *Caller) context.Context {
	return context.WithValue(ctx, callerKey, c)
}

// CallerFromContext returns the caller in ctx, or nil.
func CallerFromContext(ctx context.Context) *Caller {
	c, _ := ctx.Value(callerKey).(*Caller)
	return c
}

// NewContextWithRequestID returns a copy of ctx carrying a request id.
func NewContextWithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey, id)
}

// RequestIDFromContext returns the request id in ctx, or "".
func RequestIDFromContext(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey).(string)
	return id
}
