// Package awsapi is Sightglass's AWS face: QuickSight's restJson1 protocol
// over net/http. It authenticates every request with SigV4, throttles per
// account, routes on the escaped path (under any base-path prefix), binds
// path labels, query members and JSON bodies, calls internal/app, and
// writes outputs and errors exactly as AWS SDKs expect them:
// x-amzn-RequestId, a body RequestId and numeric Status, epoch-second
// timestamps, X-Amzn-ErrorType with the modeled HTTP status.
package awsapi

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/apimodel"
	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/audit"
	"github.com/sightglass/sightglass/internal/metrics"
	"github.com/sightglass/sightglass/internal/ratelimit"
	"github.com/sightglass/sightglass/internal/sigv4"
)

// Config configures the API handler.
type Config struct {
	App    *app.App
	Region string
	// PublicURL is the base of the embed URLs the API mints.
	PublicURL string
	Logger    *slog.Logger
	// ThrottleRate and ThrottleBurst set each account's token bucket
	// (requests per second, bucket size). A zero rate disables throttling.
	ThrottleRate  float64
	ThrottleBurst float64
	// Now is the clock for signature checks and throttling; nil → time.Now.
	Now func() time.Time
	// MaxBody is the largest request body accepted; 0 → DefaultMaxBody.
	MaxBody int64
	// Audit records every call; nil records nothing.
	Audit *audit.Log
	// Metrics records requests by operation; nil records nothing.
	Metrics *metrics.Metrics
}

// Server serves the QuickSight API.
type Server struct {
	app       *app.App
	log       *slog.Logger
	verifier  *sigv4.Verifier
	limiter   *ratelimit.Limiter
	router    *router
	now       func() time.Time
	publicURL string
	maxBody   int64
	region    string
	audit     *audit.Log
	metrics   *metrics.Metrics
}

// New returns the API server.
func New(cfg Config) *Server {
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	log := cfg.Logger
	if log == nil {
		log = slog.Default()
	}
	s := &Server{
		app:       cfg.App,
		log:       log,
		limiter:   ratelimit.New(cfg.ThrottleRate, cfg.ThrottleBurst),
		now:       now,
		publicURL: cfg.PublicURL,
		maxBody:   cfg.MaxBody,
		region:    cfg.Region,
		audit:     cfg.Audit,
		metrics:   cfg.Metrics,
	}
	if s.maxBody <= 0 {
		s.maxBody = DefaultMaxBody
	}
	s.verifier = &sigv4.Verifier{
		Lookup:  s.lookupKey,
		Service: "quicksight",
		Region:  cfg.Region,
		Now:     now,
		MaxBody: s.maxBody,
	}
	s.router = newRouter(s.operations())
	return s
}

// operations is the route table: every operation Sightglass serves.
func (s *Server) operations() []*op {
	var ops []*op
	ops = append(ops, s.accountOps()...)
	ops = append(ops, s.userOps()...)
	ops = append(ops, s.groupOps()...)
	ops = append(ops, s.namespaceOps()...)
	ops = append(ops, s.customPermissionsOps()...)
	ops = append(ops, s.customPermissionAssignmentOps()...)
	ops = append(ops, s.themeOps()...)
	ops = append(ops, s.themeAliasOps()...)
	ops = append(ops, s.embedOps()...)
	ops = append(ops, s.dataSourceOps()...)
	ops = append(ops, s.dataSetOps()...)
	ops = append(ops, s.ingestionOps()...)
	ops = append(ops, s.refreshScheduleOps()...)
	ops = append(ops, s.refreshPropertiesOps()...)
	ops = append(ops, s.analysisOps()...)
	ops = append(ops, s.dashboardOps()...)
	ops = append(ops, s.tagOps()...)
	ops = append(ops, s.searchOps()...)
	return ops
}

func (s *Server) lookupKey(ctx context.Context, accessKeyID string) (sigv4.Key, error) {
	k, err := s.app.AccessKey(ctx, accessKeyID)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return sigv4.Key{}, sigv4.ErrUnknownKey
	} else if err != nil {
		return sigv4.Key{}, err
	}
	return sigv4.Key{SecretAccessKey: k.SecretAccessKey, SessionToken: k.SessionToken, Expires: k.Expires}, nil
}

// ServeHTTP handles one API request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	reqID := newRequestID()
	ctx := sg.NewContextWithRequestID(r.Context(), reqID)
	var c call
	s.metrics.APIStarted()
	defer func() {
		if p := recover(); p != nil {
			s.log.ErrorContext(ctx, "panic in API handler", "request_id", reqID, "op", c.name, "panic", fmt.Sprint(p))
			c.err = errors.New("panic")
			c.status = s.writeError(w, reqID, c.err)
		}
		if s.metrics != nil {
			s.recordMetrics(r, &c, time.Since(start))
		}
		if s.log.Enabled(ctx, slog.LevelDebug) {
			s.log.DebugContext(ctx, "api request", "request_id", reqID, "op", c.name, "method", r.Method, "status", c.status, "duration", time.Since(start))
		}
		if s.audit != nil {
			s.auditCall(r, reqID, &c)
		}
	}()
	s.serve(ctx, w, r, reqID, &c)
}

// call is what one API request did, for the debug log and the audit log.
type call struct {
	name   string // operation; "" before routing
	status int
	caller *sg.Caller
	in     *input
	err    error // the error answered, nil on success
}

// serve authenticates, throttles, routes and runs the operation, filling
// in c as it goes.
func (s *Server) serve(ctx context.Context, w http.ResponseWriter, r *http.Request, reqID string, c *call) {
	fail := func(err error) {
		c.err = err
		c.status = s.writeError(w, reqID, err)
	}
	if err := s.bufferBody(r); err != nil {
		fail(err)
		return
	}
	res, err := s.verifier.Verify(r)
	if err != nil {
		if e, ok := errors.AsType[*sigv4.Error](err); !ok || e == nil {
			s.log.ErrorContext(ctx, "authentication failed", "request_id", reqID, "err", err)
		}
		fail(err)
		return
	}
	key, err := s.app.AccessKey(ctx, res.AccessKeyID)
	if err != nil {
		fail(err)
		return
	}
	caller := app.CallerFor(key)
	c.caller = caller
	ctx = sg.NewContextWithCaller(ctx, caller)
	if !s.limiter.Allow(caller.AccountID, s.now()) {
		fail(sg.Errorf(sg.ETHROTTLED, "Rate exceeded for account %s.", caller.AccountID))
		return
	}
	o, labels := s.router.match(r.Method, r.URL.EscapedPath())
	if o == nil {
		fail(errUnknownOperation())
		return
	}
	c.name = o.Name
	body, err := readBody(r)
	if err != nil {
		fail(err)
		return
	}
	query := r.URL.Query()
	c.in = &input{Labels: labels, Query: query, Body: body}
	// Every input is checked against the service model before the
	// operation sees it: lengths, patterns, enums, ranges, required and
	// unknown members, to any depth (definitions included).
	obj, plain, err := checkInput(o.Name, c.in)
	if err != nil && !answeredByOperation(err) {
		fail(err)
		return
	}
	c.in.Object, c.in.Plain = obj, plain
	out, err := o.Handle(ctx, c.in)
	if err != nil {
		if sg.ErrorCode(err) == sg.EINTERNAL {
			if _, isAWS := errors.AsType[*awsError](err); !isAWS {
				s.log.ErrorContext(ctx, "operation failed", "request_id", reqID, "op", o.Name, "err", err)
			}
		}
		fail(err)
		return
	}
	c.status = s.writeJSON(w, reqID, o.Status, out)
}

// answeredByOperation reports whether a model violation has a more
// specific modeled error that the operation itself answers: a session
// lifetime outside 15..600 is a SessionLifetimeInMinutesInvalidException.
func answeredByOperation(err error) bool {
	e, ok := errors.AsType[*apimodel.Error](err)
	return ok && e.Kind == apimodel.Validation && e.Only("SessionLifetimeInMinutes")
}

// readBody returns the request body, which bufferBody has read (bounded
// by its limit) and holds: its bytes, not a copy.
func readBody(r *http.Request) ([]byte, error) {
	if r.Body == nil || r.Body == http.NoBody {
		return nil, nil
	}
	if h, ok := r.Body.(*heldBody); ok {
		return h.Bytes(), nil
	}
	var buf bytes.Buffer
	if _, err := buf.ReadFrom(r.Body); err != nil {
		return nil, errSerialization("The request body could not be read.")
	}
	return buf.Bytes(), nil
}

var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// writeJSON encodes out into a buffer first, so an encoding failure still
// becomes a clean error response, then writes headers, status and body.
// An output that appends its own JSON (outputjson.go) is not reflected on.
func (s *Server) writeJSON(w http.ResponseWriter, reqID string, status int, out output) int {
	out.setMeta(reqID, status)
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()
	defer bufPool.Put(buf)
	if a, ok := out.(jsonAppender); ok {
		buf.Write(a.appendJSON(buf.AvailableBuffer()))
	} else if err := json.NewEncoder(buf).Encode(out); err != nil {
		s.log.Error("encoding response", "request_id", reqID, "err", err)
		return s.writeError(w, reqID, err)
	}
	h := w.Header()
	h["Content-Type"] = []string{"application/json"}
	h["X-Amzn-Requestid"] = []string{reqID}
	w.WriteHeader(status)
	w.Write(buf.Bytes())
	return status
}

// writeError writes err in AWS's restJson1 error form.
func (s *Server) writeError(w http.ResponseWriter, reqID string, err error) int {
	e := toAWSError(err)
	body := struct {
		Type         string `json:"__type"`
		Message      string `json:"Message"`
		RequestID    string `json:"RequestId"`
		ResourceType string `json:"ResourceType,omitempty"`
	}{e.Name, e.Message, reqID, e.ResourceType}
	b, _ := json.Marshal(body)
	h := w.Header()
	h["Content-Type"] = []string{"application/json"}
	h["X-Amzn-Requestid"] = []string{reqID}
	h["X-Amzn-Errortype"] = []string{e.Name}
	w.WriteHeader(e.Status)
	w.Write(b)
	return e.Status
}

// newRequestID returns a random UUID (version 4), as the audit log's
// event ids are.
func newRequestID() string { return audit.NewEventID() }

// Operations returns the names of the operations the API serves.
func (s *Server) Operations() []string {
	var names []string
	for _, ops := range s.router.byMethod {
		for _, o := range ops {
			names = append(names, o.Name)
		}
	}
	return names
}

// OperationNames returns the names of the operations the API serves.
func OperationNames() []string {
	return New(Config{}).Operations()
}

// recordMetrics counts a request by operation, status and error name. A
// request that failed before routing (authentication, throttling) counts
// against the operation its path names, if any.
func (s *Server) recordMetrics(r *http.Request, c *call, d time.Duration) {
	op := c.name
	if op == "" {
		if o, _ := s.router.match(r.Method, r.URL.EscapedPath()); o != nil {
			op = o.Name
		}
	}
	errName := ""
	if c.err != nil {
		errName, _ = ErrorName(c.err)
	}
	s.metrics.APIRequest(op, c.status, errName, d)
}
