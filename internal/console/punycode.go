package console

import (
	"errors"
	"strings"
	"unicode/utf8"
)

// Punycode (RFC 3492) parameters.
const (
	pcBase        = 36
	pcTMin        = 1
	pcTMax        = 26
	pcSkew        = 38
	pcDamp        = 700
	pcInitialBias = 72
	pcInitialN    = 128
)

var errPunycode = errors.New("invalid punycode")

// decodePunycode decodes a whole string encoded with RFC 3492 Punycode, as
// the embedding SDK encodes the host page's origin (punyCodeEmbedOrigin).
// For an ASCII origin the encoding is the origin followed by "-".
func decodePunycode(s string) (string, error) {
	if len(s) > 2048 {
		return "", errPunycode
	}
	var out []rune
	pos := 0
	if i := strings.LastIndexByte(s, '-'); i >= 0 {
		for _, c := range s[:i] {
			if c >= 0x80 {
				return "", errPunycode
			}
			out = append(out, c)
		}
		pos = i + 1
	}
	n, bias, i := int32(pcInitialN), int32(pcInitialBias), int32(0)
	for pos < len(s) {
		oldi, w := i, int32(1)
		for k := int32(pcBase); ; k += pcBase {
			if pos >= len(s) {
				return "", errPunycode
			}
			digit, ok := pcDigit(s[pos])
			pos++
			if !ok || digit > (1<<31-1-i)/w {
				return "", errPunycode
			}
			i += digit * w
			t := k - bias
			if t < pcTMin {
				t = pcTMin
			} else if t > pcTMax {
				t = pcTMax
			}
			if digit < t {
				break
			}
			if w > (1<<31-1)/(pcBase-t) {
				return "", errPunycode
			}
			w *= pcBase - t
		}
		length := int32(len(out) + 1)
		bias = pcAdapt(i-oldi, length, oldi == 0)
		if i/length > 1<<31-1-n {
			return "", errPunycode
		}
		n += i / length
		i %= length
		if n > utf8.MaxRune || (n >= 0xD800 && n <= 0xDFFF) {
			return "", errPunycode
		}
		out = append(out, 0)
		copy(out[i+1:], out[i:])
		out[i] = n
		i++
	}
	return string(out), nil
}

func pcDigit(c byte) (int32, bool) {
	switch {
	case c >= '0' && c <= '9':
		return int32(c-'0') + 26, true
	case c >= 'a' && c <= 'z':
		return int32(c - 'a'), true
	case c >= 'A' && c <= 'Z':
		return int32(c - 'A'), true
	}
	return 0, false
}

func pcAdapt(delta, numPoints int32, first bool) int32 {
	if first {
		delta /= pcDamp
	} else {
		delta /= 2
	}
	delta += delta / numPoints
	k := int32(0)
	for delta > ((pcBase-pcTMin)*pcTMax)/2 {
		delta /= pcBase - pcTMin
		k += pcBase
	}
	return k + (pcBase-pcTMin+1)*delta/(delta+pcSkew)
}
