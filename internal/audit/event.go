// Package audit records who did what: every API call, every console
// sign-on (successful or not) and every console change, as one JSON line
// per event in the shape of an AWS CloudTrail record (eventVersion,
// eventTime, eventSource, eventName, userIdentity, requestParameters, …).
//
// Events carry identifying parameters only. RequestParameters keeps the
// members named in an allow-list (ids, names, ARNs, enums), scalar values
// only, so credentials, passwords, sign-on codes, tokens and definitions
// never reach the log whatever the operation sends.
//
// A Log writes asynchronously: Record queues the event and returns at
// once; one goroutine encodes and writes through a buffer, rotating the
// file by size. When the queue is full the event is dropped and counted,
// so a slow disk never holds up requests. Close drains the queue and
// flushes. Read and Filter serve `sightglass admin audit`.
package audit

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"time"
)

// Version is the eventVersion of the records written.
const Version = "1.08"

// Source is the eventSource of every record.
const Source = "quicksight.amazonaws.com"

// Identity types in userIdentity.type.
const (
	IdentityIAMUser       = "IAMUser"
	IdentityAssumedRole   = "AssumedRole"
	IdentityQuickSight    = "QuickSightUser" // a console user signed on through an embed URL
	IdentityUnknown       = "Unknown"        // the caller could not be authenticated
	EventTypeAPICall      = "AwsApiCall"
	EventTypeConsoleLogin = "AwsConsoleSignIn"
	EventTypeConsole      = "AwsConsoleAction"
)

// SignOnEvent is the eventName of a console sign-on (an embed code redeemed).
const SignOnEvent = "ConsoleSignOn"

// Event is one audit record. The JSON names are CloudTrail's.
type Event struct {
	EventVersion       string         `json:"eventVersion"`
	EventTime          time.Time      `json:"eventTime"`
	EventSource        string         `json:"eventSource"`
	EventName          string         `json:"eventName"`
	EventType          string         `json:"eventType,omitempty"`
	AWSRegion          string         `json:"awsRegion"`
	SourceIPAddress    string         `json:"sourceIPAddress"`
	UserAgent          string         `json:"userAgent"`
	UserIdentity       Identity       `json:"userIdentity"`
	RequestParameters  map[string]any `json:"requestParameters"`
	ResponseElements   map[string]any `json:"responseElements"`
	RequestID          string         `json:"requestID"`
	EventID            string         `json:"eventID"`
	ReadOnly           bool           `json:"readOnly"`
	ErrorCode          string         `json:"errorCode,omitempty"`
	ErrorMessage       string         `json:"errorMessage,omitempty"`
	RecipientAccountID string         `json:"recipientAccountId"`
}

// Identity is userIdentity: who acted. It never holds a secret; the access
// key id names the key, as in CloudTrail.
type Identity struct {
	Type        string          `json:"type"`
	PrincipalID string          `json:"principalId,omitempty"`
	ARN         string          `json:"arn,omitempty"`
	AccountID   string          `json:"accountId,omitempty"`
	AccessKeyID string          `json:"accessKeyId,omitempty"`
	UserName    string          `json:"userName,omitempty"`
	Session     *SessionContext `json:"sessionContext,omitempty"`
}

// SessionContext names the role behind an assumed-role session.
type SessionContext struct {
	SessionIssuer SessionIssuer `json:"sessionIssuer"`
}

// SessionIssuer is the role a session was issued for.
type SessionIssuer struct {
	Type      string `json:"type"`
	ARN       string `json:"arn"`
	AccountID string `json:"accountId"`
	UserName  string `json:"userName"`
}

// Client is where a request came from.
type Client struct {
	IP        string
	UserAgent string
}

type clientKey struct{}

// NewContextWithClient returns a copy of ctx carrying the request's client,
// so that the application layer can record console events.
func NewContextWithClient(ctx context.Context, c Client) context.Context {
	return context.WithValue(ctx, clientKey{}, c)
}

// ClientFromContext returns the client in ctx (zero if none: the server
// itself or an admin command).
func ClientFromContext(ctx context.Context) Client {
	c, _ := ctx.Value(clientKey{}).(Client)
	return c
}

// maxUserAgent bounds the user agent kept in a record.
const maxUserAgent = 256

// TrimUserAgent bounds a user agent for a record.
func TrimUserAgent(ua string) string { return trimTo(ua, maxUserAgent) }

// maxMessage bounds the errorMessage kept in a record.
const maxMessage = 1024

// TrimMessage bounds an error message for a record.
func TrimMessage(m string) string { return trimTo(m, maxMessage) }

// NewEventID returns a random UUID (version 4).
func NewEventID() string {
	var b [16]byte
	rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	var out [36]byte
	hex.Encode(out[0:8], b[0:4])
	out[8] = '-'
	hex.Encode(out[9:13], b[4:6])
	out[13] = '-'
	hex.Encode(out[14:18], b[6:8])
	out[18] = '-'
	hex.Encode(out[19:23], b[8:10])
	out[23] = '-'
	hex.Encode(out[24:], b[10:])
	return string(out[:])
}

// ReadOnlyOperation reports whether an operation only reads: Describe*,
// List* and Search*. Embed-URL operations mint a sign-on code and are not
// read-only.
func ReadOnlyOperation(name string) bool {
	for _, p := range []string{"Describe", "List", "Search"} {
		if len(name) > len(p) && name[:len(p)] == p {
			return true
		}
	}
	return false
}
