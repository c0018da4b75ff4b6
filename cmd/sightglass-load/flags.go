package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"time"
)

// The --client values.
const (
	clientTransport = "transport"
	clientConn      = "conn"
)

// config is the command line.
type config struct {
	Endpoint    string
	ProfileFile string
	Profile     string
	Region      string
	Account     string
	Namespace   string
	UserName    string
	Scenario    string
	Connections int
	Duration    time.Duration
	Requests    int64
	Codes       int
	Warmup      time.Duration
	Timeout     time.Duration
	Resign      time.Duration
	ServerPID   int
	Insecure    bool
	Client      string
	Progress    time.Duration
	JSON        bool
	PrintSigned bool
}

func defaultConfig() config {
	return config{
		Profile:     "default",
		Account:     "123456789012",
		Namespace:   "default",
		UserName:    "admin",
		Scenario:    "describe-user",
		Connections: 64,
		Duration:    10 * time.Second,
		Warmup:      2 * time.Second,
		Timeout:     10 * time.Second,
		Resign:      time.Minute,
		Progress:    10 * time.Second,
		Client:      clientTransport,
	}
}

const usageText = `usage: sightglass-load --endpoint URL [flags]

Closed-loop load against a Sightglass server: --connections connections,
each sending its next request when the previous response has been read.
It stops after --duration or --requests measured requests, whichever comes
first. Credentials come from --profile-file (an AWS shared-credentials file
such as <data-dir>/credentials) or from AWS_ACCESS_KEY_ID and
AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN). --scenario list prints the
scenarios.

Exit status: 0 clean run, 1 some measured requests failed or got an
unexpected status, 2 usage or setup error.

`

// parseFlags parses args into a config and validates it.
func parseFlags(args []string, getenv func(string) string, stderr io.Writer) (config, error) {
	c := defaultConfig()
	fs := flag.NewFlagSet("sightglass-load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usageText)
		fs.PrintDefaults()
	}
	fs.StringVar(&c.Endpoint, "endpoint", c.Endpoint, "server base URL, e.g. http://127.0.0.1:18080 (a base path is kept)")
	fs.StringVar(&c.ProfileFile, "profile-file", c.ProfileFile, "AWS shared-credentials file (default: AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY)")
	fs.StringVar(&c.Profile, "profile", c.Profile, "profile to read from --profile-file")
	fs.StringVar(&c.Region, "region", c.Region, "signing region (default: AWS_REGION or AWS_DEFAULT_REGION, else the profile's region, else us-east-1)")
	fs.StringVar(&c.Account, "account", c.Account, "AWS account id in request paths")
	fs.StringVar(&c.Namespace, "namespace", c.Namespace, "QuickSight namespace in request paths")
	fs.StringVar(&c.UserName, "user-name", c.UserName, "QuickSight user the user scenarios name")
	fs.StringVar(&c.Scenario, "scenario", c.Scenario, "scenario to run; 'list' prints them")
	fs.IntVar(&c.Connections, "connections", c.Connections, "concurrent connections, each with one request in flight")
	fs.DurationVar(&c.Duration, "duration", c.Duration, "measured duration after warmup; 0 means no time limit (then --requests is required)")
	fs.Int64Var(&c.Requests, "requests", c.Requests, "stop after this many measured requests; 0 means no count limit")
	fs.IntVar(&c.Codes, "codes", c.Codes, "redeem: embed URLs to mint before the run (default --requests); warmup uses them too, and the run ends when they are used up. Codes live 5 minutes")
	fs.DurationVar(&c.Warmup, "warmup", c.Warmup, "load before measurement starts (not counted)")
	fs.DurationVar(&c.Timeout, "timeout", c.Timeout, "per-request response timeout, and the longest wait for requests in flight at the end")
	fs.DurationVar(&c.Resign, "resign", c.Resign, "how often a connection signs its replayed request again")
	fs.IntVar(&c.ServerPID, "server-pid", c.ServerPID, "server process to sample (Linux /proc): RSS every second, CPU time per request")
	fs.StringVar(&c.Client, "client", c.Client, "HTTP client: 'transport' (net/http Transport) or 'conn' (one goroutine per connection writing requests and parsing responses itself: less client CPU)")
	fs.BoolVar(&c.Insecure, "insecure", c.Insecure, "skip TLS certificate verification (self-signed https server)")
	fs.DurationVar(&c.Progress, "progress", c.Progress, "interval of progress lines on stderr; 0 disables")
	fs.BoolVar(&c.JSON, "json", c.JSON, "write the report as JSON")
	fs.BoolVar(&c.PrintSigned, "print-signed", c.PrintSigned, "print the scenario's first request, signed (request line and headers), and exit: for replay by another load generator")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if fs.NArg() > 0 {
		return c, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if c.Region == "" {
		c.Region = firstNonEmpty(getenv("AWS_REGION"), getenv("AWS_DEFAULT_REGION"))
	}
	return c, c.validate()
}

func (c *config) validate() error {
	if c.Scenario == "list" {
		return nil
	}
	var errs []error
	if c.Endpoint == "" {
		errs = append(errs, errors.New("--endpoint is required"))
	} else if u, err := url.Parse(c.Endpoint); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" {
		errs = append(errs, fmt.Errorf("--endpoint %q must be an http or https URL without a query", c.Endpoint))
	}
	if c.Connections < 1 || c.Connections > 10000 {
		errs = append(errs, fmt.Errorf("--connections %d must be between 1 and 10000", c.Connections))
	}
	if c.Codes < 0 || c.Codes > 10_000_000 {
		errs = append(errs, errors.New("--codes must be between 0 and 10000000"))
	}
	if c.Scenario == "redeem" && c.Codes == 0 && c.Requests == 0 {
		errs = append(errs, errors.New("redeem needs --codes or --requests: the number of embed URLs to mint"))
	}
	if c.Duration < 0 || c.Requests < 0 || c.Warmup < 0 {
		errs = append(errs, errors.New("--duration, --requests and --warmup must not be negative"))
	}
	if c.Duration == 0 && c.Requests == 0 {
		errs = append(errs, errors.New("the run must be bounded: give --duration or --requests"))
	}
	if c.Client != clientTransport && c.Client != clientConn {
		errs = append(errs, fmt.Errorf("--client %q must be %s or %s", c.Client, clientTransport, clientConn))
	}
	if c.Timeout <= 0 {
		errs = append(errs, errors.New("--timeout must be positive"))
	}
	if c.Resign < time.Second || c.Resign > 10*time.Minute {
		errs = append(errs, errors.New("--resign must be between 1s and 10m (servers allow 15 minutes of clock skew)"))
	}
	if c.Progress < 0 {
		errs = append(errs, errors.New("--progress must not be negative"))
	}
	if c.ServerPID < 0 {
		errs = append(errs, errors.New("--server-pid must not be negative"))
	}
	return errors.Join(errs...)
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}
