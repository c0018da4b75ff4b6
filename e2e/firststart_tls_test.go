package e2e

import (
	"os"
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"time"
)

// reFirstStartCommands are the lines of the first start's banner that a
// person pastes into a shell: the exports and the aws command.
var reFirstStartCommands = regexp.MustCompile(`(?m)^(export AWS_[A-Z_]+=\S+|aws quicksight describe-user .*)$`)

// TestFirstStartSelfSignedCommandWorks starts `sightglass serve
// --tls-self-signed` on a fresh data directory and runs, in a shell, the
// lines the first start prints, exactly as printed: the aws CLI must reach
// the server over the generated certificate and describe the user.
func TestFirstStartSelfSignedCommandWorks(t *testing.T) {
	if _, err := exec.LookPath("aws"); err != nil {
		t.Skip("the aws CLI is not installed")
	}
	bin := buildSightglass(t)
	dir := t.TempDir()
	cmd := exec.Command(bin, "serve", "--listen", "127.0.0.1:0", "--data-dir", dir+"/data", "--tls-self-signed")
	cmd.Env = []string{"HOME=" + dir, "PATH=" + os.Getenv("PATH")}
	stdout, stderr := &lockedBuffer{}, &lockedBuffer{}
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	// The banner (stdout) is written before the listening line (stderr),
	// but each pipe is copied by its own goroutine: wait for both.
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(stderr.String(), "sightglass listening") || !strings.Contains(stdout.String(), "aws quicksight describe-user") {
		if time.Now().After(deadline) {
			t.Fatalf("server did not start:\n%s\n--- stdout:\n%s", stderr.String(), stdout.String())
		}
		time.Sleep(50 * time.Millisecond)
	}
	lines := reFirstStartCommands.FindAllString(stdout.String(), -1)
	if len(lines) == 0 || !strings.HasPrefix(lines[len(lines)-1], "aws quicksight describe-user") {
		t.Fatalf("no commands in the banner:\n%s", stdout.String())
	}
	script := strings.Join(lines, "\n")
	sh := exec.Command("sh", "-ec", script)
	sh.Env = []string{"HOME=" + dir, "PATH=" + os.Getenv("PATH"), "AWS_CONFIG_FILE=/dev/null", "AWS_SHARED_CREDENTIALS_FILE=/dev/null"}
	out, err := sh.CombinedOutput()
	if err != nil {
		t.Fatalf("the printed commands fail: %v\n%s\n--- output:\n%s", err, script, out)
	}
	if !strings.Contains(string(out), `"UserName": "admin"`) || !strings.Contains(string(out), `"Status": 200`) {
		t.Fatalf("describe-user answered:\n%s", out)
	}
}
