package postgres

// SetArtifactChunk sets the chunk size of s's artifacts (benchmarks
// compare sizes).
func SetArtifactChunk(s *Store, n int) { s.artifactChunk = n }
