// Package staticfile reads the static files a definition names (its
// StaticFiles: the GeoJSON of a layer map, the images of a sheet) from
// where the operator lets the server read them: URLs on the hosts of its
// --static-file-hosts list, and S3 objects copied into its
// --static-files-dir. Nothing else is fetched: a definition is written by
// API callers, and the server must not become their way into the
// operator's network.
package staticfile

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/sightglass/sightglass/internal/query/source"
)

// Source is where a static file is: a URL, or an S3 object.
type Source struct {
	URL    string
	Bucket string
	Key    string
}

// File is a static file's bytes and their SHA-256 (hex).
type File struct {
	Body []byte
	Hash string
}

// Limits bound what one file may cost.
const (
	// MaxBytes is the largest static file read.
	MaxBytes = 16 << 20
	// fetchTimeout bounds one URL's fetch.
	fetchTimeout = 15 * time.Second
	// keepFor is how long a fetched file is served from memory.
	keepFor = 5 * time.Minute
	// cacheBytes bounds the files kept in memory.
	cacheBytes = 64 << 20
)

// Reader reads static files. The zero value reads none.
type Reader struct {
	hosts  *source.HostPolicy // nil: no URL is fetched
	dir    string             // "": no S3 object is read
	client *http.Client

	mu    sync.Mutex
	cache map[string]cached // by URL
	held  int
}

type cached struct {
	f  File
	at time.Time
}

// New returns a reader of URLs on hosts (nil or empty: none) and of S3
// objects under dir, as dir/<bucket>/<key> ("": none).
func New(hosts *source.HostPolicy, dir string) *Reader {
	r := &Reader{dir: dir, cache: map[string]cached{}}
	if hosts != nil && hosts.String() != "" {
		r.hosts = hosts
		r.client = &http.Client{
			Timeout:   fetchTimeout,
			Transport: &http.Transport{DialContext: hosts.DialContext, Proxy: nil, ResponseHeaderTimeout: fetchTimeout, MaxIdleConns: 4},
			// A redirect is dialled through the same policy.
			CheckRedirect: func(req *http.Request, via []*http.Request) error {
				if len(via) >= 3 {
					return errors.New("too many redirects")
				}
				return checkURL(req.URL)
			},
		}
	}
	return r
}

// Read returns the file at src. Its error says, for people, why it could
// not be read.
func (r *Reader) Read(ctx context.Context, src Source) (File, error) {
	switch {
	case src.URL != "":
		return r.fetch(ctx, src.URL)
	case src.Bucket != "" && src.Key != "":
		return r.object(src.Bucket, src.Key)
	}
	return File{}, errors.New("the static file names neither a URL nor an S3 object")
}

func checkURL(u *url.URL) error {
	if u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("the URL's scheme %q is not http or https", u.Scheme)
	}
	if u.User != nil {
		return errors.New("the URL carries credentials")
	}
	return nil
}

func (r *Reader) fetch(ctx context.Context, raw string) (File, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return File{}, errors.New("its URL does not parse")
	}
	if err := checkURL(u); err != nil {
		return File{}, err
	}
	if r == nil || r.client == nil {
		return File{}, fmt.Errorf("this server fetches no static files from URLs (the host %s is not on its --static-file-hosts list)", u.Host)
	}
	if f, ok := r.cached(raw); ok {
		return f, nil
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return File{}, errors.New("its URL does not parse")
	}
	resp, err := r.client.Do(req)
	if err != nil {
		if source.IsHostRefused(err) {
			host := u.Host // or the host a redirect led to
			var ue *url.Error
			if errors.As(err, &ue) {
				if to, perr := url.Parse(ue.URL); perr == nil {
					host = to.Host
				}
			}
			return File{}, fmt.Errorf("the host %s is not on the server's --static-file-hosts list", host)
		}
		return File{}, fmt.Errorf("fetching %s failed: %s", shown(u), fetchFailure(err))
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return File{}, fmt.Errorf("fetching %s answered %s", shown(u), resp.Status)
	}
	f, err := readAll(resp.Body)
	if err != nil {
		if errors.Is(err, errTooLarge) {
			return File{}, err
		}
		return File{}, fmt.Errorf("reading %s failed: %s", shown(u), fetchFailure(err))
	}
	r.keep(raw, f)
	return f, nil
}

// object reads an S3 object from the operator's directory.
func (r *Reader) object(bucket, key string) (File, error) {
	if r == nil || r.dir == "" {
		return File{}, fmt.Errorf("this server reads no S3 objects (s3://%s/%s: set --static-files-dir to a directory holding a copy as <bucket>/<key>)", bucket, key)
	}
	if strings.ContainsAny(bucket, `/\`) || bucket == "." || bucket == ".." {
		return File{}, fmt.Errorf("the bucket name %q is not valid", bucket)
	}
	rel := filepath.FromSlash(key)
	if !filepath.IsLocal(rel) {
		return File{}, fmt.Errorf("the object key %q leaves its bucket", key)
	}
	// Opened within the directory: a symbolic link out of it is refused.
	root, err := os.OpenRoot(r.dir)
	if err != nil {
		return File{}, fmt.Errorf("s3://%s/%s could not be read", bucket, key)
	}
	defer root.Close()
	name := filepath.Join(bucket, rel)
	if st, err := root.Stat(name); err != nil || !st.Mode().IsRegular() {
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return File{}, fmt.Errorf("s3://%s/%s could not be read", bucket, key)
		}
		if err == nil {
			return File{}, fmt.Errorf("s3://%s/%s is not a file", bucket, key)
		}
		return File{}, fmt.Errorf("s3://%s/%s is not in the server's --static-files-dir", bucket, key)
	}
	fh, err := root.Open(name)
	if err != nil {
		return File{}, fmt.Errorf("s3://%s/%s could not be read", bucket, key)
	}
	defer fh.Close()
	return readAll(fh)
}

// errTooLarge is a file over MaxBytes.
var errTooLarge = fmt.Errorf("the file is larger than %d MiB", MaxBytes>>20)

func readAll(rd io.Reader) (File, error) {
	b, err := io.ReadAll(io.LimitReader(rd, MaxBytes+1))
	if err != nil {
		return File{}, err
	}
	if len(b) > MaxBytes {
		return File{}, errTooLarge
	}
	sum := sha256.Sum256(b)
	return File{Body: b, Hash: hex.EncodeToString(sum[:])}, nil
}

func (r *Reader) cached(u string) (File, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	c, ok := r.cache[u]
	if !ok || time.Since(c.at) > keepFor {
		return File{}, false
	}
	return c.f, true
}

// keep holds f in memory, dropping the oldest files past cacheBytes.
func (r *Reader) keep(u string, f File) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if old, ok := r.cache[u]; ok {
		r.held -= len(old.f.Body)
	}
	r.cache[u] = cached{f: f, at: time.Now()}
	r.held += len(f.Body)
	for r.held > cacheBytes {
		var oldest string
		var at time.Time
		for k, c := range r.cache {
			if oldest == "" || c.at.Before(at) {
				oldest, at = k, c.at
			}
		}
		r.held -= len(r.cache[oldest].f.Body)
		delete(r.cache, oldest)
	}
}

// shown is a URL as a tile may name it: without its query (which may
// carry a signature or a token) or fragment.
func shown(u *url.URL) string {
	return u.Scheme + "://" + u.Host + u.EscapedPath()
}

// fetchFailure says why a fetch failed, in words that name nothing of
// the server's network (its resolver, its addresses).
func fetchFailure(err error) string {
	var dns *net.DNSError
	var ne net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout():
		return "no answer in time"
	case errors.Is(err, context.Canceled):
		return "the request ended"
	case errors.As(err, &dns):
		return "the host name does not resolve"
	case errors.Is(err, syscall.ECONNREFUSED):
		return "the connection was refused"
	}
	return "the host could not be reached"
}
