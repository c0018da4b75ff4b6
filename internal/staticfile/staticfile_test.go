package staticfile

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/sightglass/sightglass/internal/query/source"
)

func loopback(t *testing.T) *Reader {
	t.Helper()
	hosts, err := source.ParseHostPolicy("127.0.0.1")
	if err != nil {
		t.Fatal(err)
	}
	return New(hosts, "")
}

// A fetched file is kept: the second read does not ask the host again.
// A file over MaxBytes, a redirect to a host off the list and an answer
// that is not 200 are refused, saying why.
func TestFetch(t *testing.T) {
	var asked atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked.Add(1)
		switch r.URL.Path {
		case "/big":
			w.Write([]byte(strings.Repeat("x", MaxBytes+1)))
		case "/away":
			http.Redirect(w, r, "http://127.0.0.2:9/x", http.StatusFound)
		case "/gone":
			http.NotFound(w, r)
		default:
			w.Write([]byte("{}"))
		}
	}))
	defer srv.Close()
	r := loopback(t)
	ctx := context.Background()
	for range 2 {
		f, err := r.Read(ctx, Source{URL: srv.URL + "/ok"})
		if err != nil || string(f.Body) != "{}" || len(f.Hash) != 64 {
			t.Fatalf("%q %v", f.Body, err)
		}
	}
	if n := asked.Load(); n != 1 {
		t.Errorf("asked %d times", n)
	}
	for path, want := range map[string]string{
		"/big":  "larger than 16 MiB",
		"/away": "the host 127.0.0.2:9 is not on the server's --static-file-hosts list",
		"/gone": "answered 404 Not Found",
	} {
		if _, err := r.Read(ctx, Source{URL: srv.URL + path}); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %v, want %q", path, err, want)
		}
	}
	if _, err := r.Read(ctx, Source{URL: "http://user:secret@127.0.0.1/x"}); err == nil || strings.Contains(err.Error(), "secret") {
		t.Errorf("credentials in URL: %v", err)
	}
}

// The kept files stay under cacheBytes: the oldest go first.
func TestKeepBounded(t *testing.T) {
	r := New(nil, "")
	big := File{Body: make([]byte, cacheBytes/3+1)}
	for _, u := range []string{"a", "b", "c", "d"} {
		r.keep(u, big)
	}
	if r.held > cacheBytes {
		t.Errorf("held %d", r.held)
	}
	if _, ok := r.cached("a"); ok {
		t.Error("the oldest file is still kept")
	}
	if _, ok := r.cached("d"); !ok {
		t.Error("the newest file is gone")
	}
}

// S3 objects are read within the directory only: a symbolic link out of
// it, or something that is not a file, is refused; a URL's query (a
// signature, a token) is never in a message.
func TestObjectWithinDir(t *testing.T) {
	dir, outside := t.TempDir(), t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret"), []byte("secret"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "evil")); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "maps", "sub"), 0o700); err != nil {
		t.Fatal(err)
	}
	r := New(nil, dir)
	for key, want := range map[string]string{"evil/secret": "could not be read", "maps/sub": "is not a file"} {
		bucket, k, _ := strings.Cut(key, "/")
		if f, err := r.Read(context.Background(), Source{Bucket: bucket, Key: k}); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: %q %v, want %q", key, f.Body, err, want)
		}
	}
	_, err := loopback(t).Read(context.Background(), Source{URL: "http://127.0.0.1:1/x.json?X-Amz-Signature=abc"})
	if err == nil || strings.Contains(err.Error(), "abc") || !strings.Contains(err.Error(), "http://127.0.0.1:1/x.json failed: the connection was refused") {
		t.Errorf("%v", err)
	}
}
