package upload

import (
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// Text encodings a text file may be read in.
const (
	EncodingUTF8        = "UTF-8"
	EncodingUTF16LE     = "UTF-16LE"
	EncodingUTF16BE     = "UTF-16BE"
	EncodingWindows1252 = "WINDOWS-1252"
	EncodingISO88591    = "ISO-8859-1"
	EncodingISO885915   = "ISO-8859-15"
	EncodingShiftJIS    = "SHIFT_JIS"
	EncodingGB18030     = "GB18030"
	EncodingBig5        = "BIG5"
	EncodingEUCKR       = "EUC-KR"
)

// Encodings lists the encodings, in the order a form offers them.
var Encodings = []string{EncodingUTF8, EncodingUTF16LE, EncodingUTF16BE, EncodingWindows1252, EncodingISO88591, EncodingISO885915, EncodingShiftJIS, EncodingGB18030, EncodingBig5, EncodingEUCKR}

// textEncoding returns the decoder of an encoding name.
func textEncoding(name string) (encoding.Encoding, error) {
	switch name {
	case EncodingUTF8:
		return unicode.UTF8BOM, nil // drops a leading byte-order mark
	case EncodingUTF16LE:
		return unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), nil
	case EncodingUTF16BE:
		return unicode.UTF16(unicode.BigEndian, unicode.UseBOM), nil
	case EncodingWindows1252:
		return charmap.Windows1252, nil
	case EncodingISO88591:
		return charmap.ISO8859_1, nil
	case EncodingISO885915:
		return charmap.ISO8859_15, nil
	case EncodingShiftJIS:
		return japanese.ShiftJIS, nil
	case EncodingGB18030:
		return simplifiedchinese.GB18030, nil
	case EncodingBig5:
		return traditionalchinese.Big5, nil
	case EncodingEUCKR:
		return korean.EUCKR, nil
	}
	return nil, fmt.Errorf("unknown encoding %q", name)
}

// decode returns r decoded from the named encoding into UTF-8. Text
// decoded from UTF-8 is not checked here: the readers check each value.
func decode(r io.Reader, name string) (io.Reader, error) {
	enc, err := textEncoding(name)
	if err != nil {
		return nil, err
	}
	return transform.NewReader(r, enc.NewDecoder()), nil
}

// detectEncoding guesses the encoding of a file from its first bytes: a
// byte-order mark, UTF-16 by its zero bytes, UTF-8 when the bytes are
// valid UTF-8, Windows-1252 (the usual legacy encoding of spreadsheet
// exports) otherwise.
func detectEncoding(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		return EncodingUTF8
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}):
		return EncodingUTF16LE
	case bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return EncodingUTF16BE
	}
	if len(head) >= 4 {
		// ASCII text in UTF-16 without a mark: every other byte is zero.
		if head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0 {
			return EncodingUTF16LE
		}
		if head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0 {
			return EncodingUTF16BE
		}
	}
	// The sample may end inside a character.
	for i := len(head) - 1; i >= 0 && i >= len(head)-4; i-- {
		if utf8.RuneStart(head[i]) {
			if !utf8.FullRune(head[i:]) {
				head = head[:i]
			}
			break
		}
	}
	if utf8.Valid(head) {
		return EncodingUTF8
	}
	return EncodingWindows1252
}
