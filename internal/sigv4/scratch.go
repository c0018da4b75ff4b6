package sigv4

import "sync"

// scratch holds the per-call buffers; it is pooled so that a verification
// allocates almost nothing.
type scratch struct {
	buf   []byte    // canonical request, then string to sign
	query []byte    // canonical query string
	enc   []byte    // encoded query components, see encPair
	raw   []rawPair // split raw query
	pairs []encPair
}

var scratchPool = sync.Pool{New: func() any {
	return &scratch{
		buf:   make([]byte, 0, 1024),
		query: make([]byte, 0, 256),
		enc:   make([]byte, 0, 256),
		raw:   make([]rawPair, 0, 16),
		pairs: make([]encPair, 0, 16),
	}
}}

// maxPooledBuffer bounds what goes back into the pool, so that one huge
// request does not pin memory.
const maxPooledBuffer = 64 << 10

func getScratch() *scratch { return scratchPool.Get().(*scratch) }

func putScratch(s *scratch) {
	if cap(s.buf) > maxPooledBuffer || cap(s.query) > maxPooledBuffer || cap(s.enc) > maxPooledBuffer ||
		cap(s.raw) > 1024 || cap(s.pairs) > 1024 {
		return
	}
	s.raw = s.raw[:0] // drop references to the request's strings
	scratchPool.Put(s)
}
