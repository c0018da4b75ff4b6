package source

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strconv"
	"strings"
)

// HostPolicy is the operator's list of the hosts PostgreSQL and MySQL data
// sources may connect to. It is enforced where connections are dialled: a
// host name is resolved, every address it resolves to is checked, and only
// an address that passed is dialled, so a name whose DNS answer changes
// between a check and the connection (DNS rebinding) gains nothing.
//
// An empty policy allows no host at all. A nil *HostPolicy puts no limit on
// hosts: it is for tests and tools that connect to databases they chose,
// never for what callers of the API name.
type HostPolicy struct {
	rules []hostRule
	// lookup resolves a host name; nil means the system resolver. Tests
	// inject answers with it.
	lookup func(ctx context.Context, host string) ([]netip.Addr, error)
}

// hostRule is one entry of a policy: a host name or a network, and a port
// (0: any port).
type hostRule struct {
	name   string       // lower case, no trailing dot; "" for a network
	prefix netip.Prefix // the network (a single address is a /32 or /128)
	port   int
}

// errHostNotAllowed is why a dial was refused without a connection attempt:
// no address of the host is on the policy.
var errHostNotAllowed = errors.New("the host is not on the server's data-source host list")

// hostLookupError is a failed resolution of a host name.
type hostLookupError struct{ err error }

func (e *hostLookupError) Error() string { return "resolving the data source host: " + e.err.Error() }
func (e *hostLookupError) Unwrap() error { return e.err }

// ParseHostPolicy parses a comma-separated list of host names, IP
// addresses and CIDR networks, each optionally followed by :port (an IPv6
// address or network with a port is written in brackets: [fd00::/8]:5432).
// An empty list is a policy that allows no host.
func ParseHostPolicy(list string) (*HostPolicy, error) {
	h := &HostPolicy{}
	for entry := range strings.SplitSeq(list, ",") {
		entry = strings.TrimSpace(entry)
		if entry == "" {
			continue
		}
		r, err := parseHostRule(entry)
		if err != nil {
			return nil, fmt.Errorf("data source host %q: %w", entry, err)
		}
		h.rules = append(h.rules, r)
	}
	return h, nil
}

func parseHostRule(entry string) (hostRule, error) {
	host, port := entry, ""
	switch {
	case strings.HasPrefix(entry, "["):
		end := strings.Index(entry, "]")
		if end < 0 {
			return hostRule{}, errors.New("missing ]")
		}
		host, port = entry[1:end], entry[end+1:]
		if port != "" {
			if !strings.HasPrefix(port, ":") || port == ":" {
				return hostRule{}, errors.New("expected :port after ]")
			}
			port = port[1:]
		}
	case strings.Count(entry, ":") == 1:
		host, port, _ = strings.Cut(entry, ":")
		if port == "" {
			return hostRule{}, errors.New("a colon must be followed by a port")
		}
	}
	var r hostRule
	if port != "" {
		n, err := strconv.Atoi(port)
		if err != nil || n < 1 || n > 65535 {
			return hostRule{}, fmt.Errorf("port %q is not a number from 1 to 65535", port)
		}
		r.port = n
	}
	if strings.Contains(host, "/") {
		p, err := netip.ParsePrefix(host)
		if err != nil {
			return hostRule{}, errors.New("not a CIDR network")
		}
		if p.Addr().Is4In6() {
			return hostRule{}, errors.New("write an IPv4 network in IPv4 form")
		}
		r.prefix = p.Masked()
		return r, nil
	}
	if a, err := netip.ParseAddr(host); err == nil {
		if a.Zone() != "" {
			return hostRule{}, errors.New("an address with a zone cannot be allowed")
		}
		a = a.Unmap()
		r.prefix = netip.PrefixFrom(a, a.BitLen())
		return r, nil
	}
	name, ok := normalHostName(host)
	if !ok {
		return hostRule{}, errors.New("not a host name, IP address or CIDR network")
	}
	r.name = name
	return r, nil
}

// normalHostName returns host in lower case without a trailing dot, and
// whether it is a syntactically valid DNS name.
func normalHostName(host string) (string, bool) {
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	if host == "" || len(host) > 253 {
		return "", false
	}
	for label := range strings.SplitSeq(host, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return "", false
		}
		for _, c := range []byte(label) {
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
				return "", false
			}
		}
	}
	return host, true
}

// String returns the policy as ParseHostPolicy reads it.
func (h *HostPolicy) String() string {
	if h == nil {
		return "(any host)"
	}
	parts := make([]string, len(h.rules))
	for i, r := range h.rules {
		host := r.name
		if host == "" {
			host = r.prefix.String()
			if r.prefix.IsSingleIP() {
				host = r.prefix.Addr().String()
			}
			if r.port != 0 && r.prefix.Addr().Is6() {
				host = "[" + host + "]"
			}
		}
		if r.port != 0 {
			host += ":" + strconv.Itoa(r.port)
		}
		parts[i] = host
	}
	return strings.Join(parts, ",")
}

// allowsName reports whether a name rule allows host at port.
func (h *HostPolicy) allowsName(host string, port int) bool {
	name, ok := normalHostName(host)
	if !ok {
		return false
	}
	for _, r := range h.rules {
		if r.name == name && (r.port == 0 || r.port == port) {
			return true
		}
	}
	return false
}

// allowsAddr reports whether a network rule allows a at port.
func (h *HostPolicy) allowsAddr(a netip.Addr, port int) bool {
	for _, r := range h.rules {
		if r.name == "" && r.prefix.Contains(a) && (r.port == 0 || r.port == port) {
			return true
		}
	}
	return false
}

// neverDialled reports whether a is an address no database is reached at:
// unspecified (which the kernel takes for this host), multicast and the
// IPv4 broadcast address. They are refused whatever the policy says.
func neverDialled(a netip.Addr) bool {
	return a.IsUnspecified() || a.IsMulticast() || a == netip.AddrFrom4([4]byte{255, 255, 255, 255})
}

// DialContext connects to address (host:port) over TCP if the policy
// allows it: it resolves the host, keeps the addresses the policy allows
// (all of them when a host-name rule names the host) and dials those, in
// the resolver's order. It never dials an address it did not check.
func (h *HostPolicy) DialContext(ctx context.Context, network, address string) (net.Conn, error) {
	var d net.Dialer
	if h == nil {
		return d.DialContext(ctx, network, address)
	}
	switch network {
	case "tcp", "tcp4", "tcp6":
	default:
		return nil, errHostNotAllowed
	}
	host, portText, err := net.SplitHostPort(address)
	if err != nil {
		return nil, errHostNotAllowed
	}
	port, err := strconv.Atoi(portText)
	if err != nil || port < 1 || port > 65535 {
		return nil, errHostNotAllowed
	}
	addrs, byName, err := h.resolve(ctx, host, port)
	if err != nil {
		return nil, err
	}
	var allowed []netip.Addr
	for _, a := range addrs {
		a = a.Unmap()
		if !neverDialled(a) && (byName || h.allowsAddr(a, port)) {
			allowed = append(allowed, a)
		}
	}
	if len(allowed) == 0 {
		return nil, errHostNotAllowed
	}
	var first error
	for _, a := range allowed {
		conn, err := d.DialContext(ctx, "tcp", netip.AddrPortFrom(a, uint16(port)).String())
		if err == nil {
			return conn, nil
		}
		if first == nil {
			first = err
		}
		if ctx.Err() != nil {
			break
		}
	}
	return nil, first
}

// resolve returns the addresses of host, and whether a host-name rule
// allows the host itself. An IP literal is its own address.
func (h *HostPolicy) resolve(ctx context.Context, host string, port int) ([]netip.Addr, bool, error) {
	if a, err := netip.ParseAddr(host); err == nil {
		if a.Zone() != "" {
			return nil, false, errHostNotAllowed
		}
		return []netip.Addr{a}, false, nil
	}
	if _, ok := normalHostName(host); !ok {
		return nil, false, errHostNotAllowed
	}
	byName := h.allowsName(host, port)
	if !byName && !h.hasNetworks() {
		// Nothing the name resolves to could pass: do not ask DNS.
		return nil, false, errHostNotAllowed
	}
	lookup := h.lookup
	if lookup == nil {
		lookup = func(ctx context.Context, host string) ([]netip.Addr, error) {
			return net.DefaultResolver.LookupNetIP(ctx, "ip", host)
		}
	}
	addrs, err := lookup(ctx, host)
	if err != nil {
		return nil, false, &hostLookupError{err}
	}
	return addrs, byName, nil
}

func (h *HostPolicy) hasNetworks() bool {
	for _, r := range h.rules {
		if r.name == "" {
			return true
		}
	}
	return false
}

// IsHostRefused reports whether err is a dial the policy refused: no
// address of the host is on it.
func IsHostRefused(err error) bool { return errors.Is(err, errHostNotAllowed) }
