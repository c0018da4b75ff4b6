package app

// isResourceID reports whether id is a resource id as the embed operations
// accept one (a dashboard, analysis or theme id): 1 to 512 characters of
// [A-Za-z0-9_-]. It is the pattern ^[\w-]{1,512}$ without a regexp, which
// cost more than the rest of an anonymous request's ARN checks.
func isResourceID(id string) bool {
	if len(id) == 0 || len(id) > 512 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}
