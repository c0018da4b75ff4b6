package e2e

// Two sightglass processes on one PostgreSQL database race to redeem the
// same sign-on code: exactly one may win. Runs when SIGHTGLASS_TEST_POSTGRES
// names a server (see postgres_test.go).

import (
	"bufio"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"

	sg "github.com/sightglass/sightglass"
)

// TestSignOnRaceSQLite: concurrent redemptions of one code on one server
// (SQLite store): exactly one signs in.
func TestSignOnRaceSQLite(t *testing.T) {
	t.Parallel()
	const rounds, racers = 50, 4
	ts := startServer(t, withConsoleFailures(1e6, 1e6), withLogger(slog.New(slog.DiscardHandler)))
	for round := range rounds {
		u := ts.mint(t, "admin", "")
		var statuses [racers]int
		gate := make(chan struct{})
		var wg sync.WaitGroup
		for i := range racers {
			req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, u.Raw, nil)
			if err != nil {
				t.Fatal(err)
			}
			wg.Go(func() {
				<-gate
				resp, err := ts.httpClient.Do(req)
				if err != nil {
					return
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				statuses[i] = resp.StatusCode
			})
		}
		close(gate)
		wg.Wait()
		slices.Sort(statuses[:])
		if statuses != [racers]int{200, 403, 403, 403} {
			t.Fatalf("round %d: statuses %v, want one 200 and %d 403", round, statuses, racers-1)
		}
	}
}

// TestSignOnRaceTwoProcesses starts two `sightglass serve` processes on one
// fresh database and, 200 times, opens one sign-on URL on both at once.
func TestSignOnRaceTwoProcesses(t *testing.T) {
	dsn := os.Getenv("SIGHTGLASS_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("SIGHTGLASS_TEST_POSTGRES is not set")
	}
	t.Parallel()
	const rounds = 200
	bin := buildSightglass(t)
	db := freshDatabase(t, dsn)

	dir1, dir2 := t.TempDir(), t.TempDir()
	p1 := startProcess(t, bin, db, dir1)
	admin := readCredentials(t, filepath.Join(dir1, "credentials"))
	p2 := startProcess(t, bin, db, dir2)
	if _, err := os.Stat(filepath.Join(dir2, "credentials")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("the second process wrote a credentials file (bootstrapped again?): %v", err)
	}
	if out := p2.stdout.String(); out != "" {
		t.Fatalf("the second process printed a bootstrap banner:\n%s", out)
	}
	if !strings.Contains(p1.stdout.String(), "Sightglass bootstrapped account "+accountID) {
		t.Fatalf("the first process did not bootstrap:\n%s", p1.stdout.String())
	}
	procs := []*process{p1, p2}

	deadline := time.Now().Add(2 * time.Minute)
	wins := [2]int{}
	for round := range rounds {
		if time.Now().After(deadline) {
			t.Fatalf("round %d: the race did not finish in time", round)
		}
		minter := procs[round%2]
		out, err := minter.api(admin).GetSessionEmbedUrl(t.Context(), &quicksight.GetSessionEmbedUrlInput{
			AwsAccountId: aws.String(accountID), UserArn: aws.String(userARN(accountID, "admin")),
		})
		if err != nil {
			t.Fatalf("round %d: GetSessionEmbedUrl on %s: %v", round, minter.url, err)
		}
		m := reEmbedURL.FindStringSubmatch(aws.ToString(out.EmbedUrl))
		if m == nil || m[1] != minter.url {
			t.Fatalf("round %d: EmbedUrl %q", round, aws.ToString(out.EmbedUrl))
		}
		path := strings.TrimPrefix(aws.ToString(out.EmbedUrl), m[1])

		// Both requests are built and their connections warm; a gate
		// releases them together.
		var results [2]struct {
			status int
			body   string
			cookie string
			err    error
		}
		gate := make(chan struct{})
		var wg sync.WaitGroup
		for i, p := range procs {
			req, err := http.NewRequestWithContext(t.Context(), http.MethodGet, p.url+path, nil)
			if err != nil {
				t.Fatal(err)
			}
			wg.Go(func() {
				<-gate
				resp, err := p.http.Do(req)
				if err != nil {
					results[i].err = err
					return
				}
				defer resp.Body.Close()
				b, err := io.ReadAll(resp.Body)
				results[i].status, results[i].body, results[i].cookie, results[i].err = resp.StatusCode, string(b), resp.Header.Get("Set-Cookie"), err
			})
		}
		close(gate)
		wg.Wait()

		winner := -1
		for i, r := range results {
			switch {
			case r.err != nil:
				t.Fatalf("round %d: GET on %s: %v", round, procs[i].url, r.err)
			case r.status == http.StatusOK && winner < 0 && strings.HasPrefix(r.cookie, "sg_session="):
				winner = i
			case r.status == http.StatusForbidden && strings.Contains(r.body, `data-error-code="Forbidden"`) && r.cookie == "":
			default:
				t.Fatalf("round %d: %s answered %d (Set-Cookie %q):\n%s", round, procs[i].url, r.status, r.cookie, r.body)
			}
		}
		if got := []int{results[0].status, results[1].status}; !slices.Contains(got, http.StatusOK) || !slices.Contains(got, http.StatusForbidden) {
			t.Fatalf("round %d: statuses %v, want one 200 and one 403", round, got)
		}
		wins[winner]++

		// The session lives in the shared database: the loser serves it.
		if round%20 == 0 {
			token := reMetaToken.FindStringSubmatch(results[winner].body)
			if token == nil {
				t.Fatalf("round %d: winning page has no session token", round)
			}
			loser := procs[1-winner]
			req, _ := http.NewRequestWithContext(t.Context(), http.MethodGet, loser.url+"/embedding/"+m[2]+"/start/dashboards", nil)
			req.Header.Set("X-Sightglass-Session", token[1])
			resp, err := loser.http.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("round %d: the session from %s is %d on %s", round, procs[winner].url, resp.StatusCode, loser.url)
			}
		}
	}
	t.Logf("%d rounds: %s won %d, %s won %d", rounds, p1.url, wins[0], p2.url, wins[1])
}

// buildSightglass builds the server binary into a temporary directory.
func buildSightglass(t *testing.T) string {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("the go command is not on PATH")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	bin := filepath.Join(t.TempDir(), "sightglass")
	cmd := exec.CommandContext(ctx, goBin, "build", "-o", bin, "./cmd/sightglass")
	cmd.Dir = ".." // the module root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/sightglass: %v\n%s", err, out)
	}
	return bin
}

// process is a running `sightglass serve`.
type process struct {
	url    string
	stdout *lockedBuffer
	stderr *lockedBuffer
	http   *http.Client
}

// api returns a QuickSight client for the process signed with key.
func (p *process) api(key *sg.AccessKey) *quicksight.Client {
	return quicksight.New(quicksight.Options{
		Region:           region,
		BaseEndpoint:     aws.String(p.url),
		Credentials:      credentials.NewStaticCredentialsProvider(key.AccessKeyID, key.SecretAccessKey, ""),
		HTTPClient:       p.http,
		RetryMaxAttempts: 1,
	})
}

var reListening = regexp.MustCompile(`msg="sightglass listening" url=(http://127\.0\.0\.1:\d+) `)

// startProcess starts `sightglass serve` on the database and a free
// loopback port, waits until it answers /healthz, and kills it when the
// test ends. The failure limit is lifted: the race makes 200 failures.
func startProcess(t *testing.T, bin, db, dataDir string) *process {
	t.Helper()
	cmd := exec.Command(bin, "serve", "--postgres", db, "--listen", "127.0.0.1:0", "--data-dir", dataDir,
		"--throttle-rate", "0", "--console-failure-rate", "1000000", "--console-failure-burst", "1000000")
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "SIGHTGLASS_") && !strings.HasPrefix(kv, "AWS_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	p := &process{stdout: &lockedBuffer{}, stderr: &lockedBuffer{}}
	cmd.Stdout = p.stdout
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatalf("starting %s: %v", bin, err)
	}
	exited := make(chan struct{})
	listening := make(chan string, 1)
	go func() {
		defer close(exited)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			p.stderr.Write([]byte(line + "\n"))
			if m := reListening.FindStringSubmatch(line); m != nil {
				select {
				case listening <- m[1]:
				default:
				}
			}
		}
		io.Copy(io.Discard, stderr)
	}()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-exited
		cmd.Wait()
		if t.Failed() {
			t.Logf("%s stderr:\n%s", p.url, p.stderr.String())
		}
	})
	select {
	case p.url = <-listening:
	case <-exited:
		t.Fatalf("sightglass serve exited before listening:\n%s", p.stderr.String())
	case <-time.After(30 * time.Second):
		t.Fatalf("sightglass serve did not listen within 30s:\n%s", p.stderr.String())
	}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	p.http = &http.Client{Timeout: 10 * time.Second, Transport: transport}
	t.Cleanup(transport.CloseIdleConnections)
	resp, err := p.http.Get(p.url + "/healthz")
	if err != nil {
		t.Fatalf("GET /healthz: %v", err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || string(b) != "ok\n" {
		t.Fatalf("GET /healthz: %d %q", resp.StatusCode, b)
	}
	return p
}

// readCredentials reads the default profile's key from an AWS shared
// credentials file.
func readCredentials(t *testing.T, path string) *sg.AccessKey {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("reading the bootstrap credentials: %v", err)
	}
	k := &sg.AccessKey{}
	for line := range strings.Lines(string(b)) {
		name, value, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		switch strings.TrimSpace(name) {
		case "aws_access_key_id":
			k.AccessKeyID = strings.TrimSpace(value)
		case "aws_secret_access_key":
			k.SecretAccessKey = strings.TrimSpace(value)
		}
	}
	if k.AccessKeyID == "" || k.SecretAccessKey == "" {
		t.Fatalf("no key in %s", path)
	}
	return k
}
