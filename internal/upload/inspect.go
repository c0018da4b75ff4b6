package upload

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Preview is what Inspect found in a file: the settings to read it, its
// columns with inferred types, and its first rows.
type Preview struct {
	Settings
	Sheets  []string // XLSX: every sheet of the workbook
	Columns []Column
	Rows    [][]string // the first data rows, as text
}

// Sample sizes of Inspect.
const (
	sampleBytes   = 64 << 10 // read to detect the encoding and delimiter
	sampleRecords = 1000     // read to infer types and the header
	previewRows   = 20       // shown
)

// Inspect reads the start of the file at path (name is the name the
// author gave it) and completes s: the format (from s, the name or the
// content), the encoding and delimiter of a text file, the sheet of a
// workbook (the first) and whether the first row is a header; then infers
// the columns' types over the first rows. A file the settings cannot read
// is a *RowError or a plain error worded for the author.
func Inspect(path, name string, s Settings) (*Preview, error) {
	head, err := readHead(path)
	if err != nil {
		return nil, err
	}
	if s.Format == "" {
		s.Format = FormatForName(name)
	}
	if s.Format == "" {
		s.Format = sniffFormat(head)
	}
	p := &Preview{}
	var recs records
	switch s.Format {
	case FormatCSV, FormatTSV:
		if s.Encoding == "" {
			s.Encoding = detectEncoding(head)
		}
		if s.Delimiter == "" {
			if s.Format == FormatTSV {
				s.Delimiter = "\t"
			} else {
				s.Delimiter = detectDelimiter(head, s.Encoding)
			}
		}
		recs, err = openCSV(path, s)
	case FormatJSONL:
		if s.Encoding == "" {
			s.Encoding = detectEncoding(head)
		}
		s.Header, s.HeaderSet, s.Delimiter = true, true, ""
		var names []string
		if names, err = jsonColumns(path, s); err != nil {
			return nil, err
		}
		recs, err = openJSONL(path, s, names)
		for _, n := range names {
			p.Columns = append(p.Columns, Column{Name: n})
		}
	case FormatXLSX:
		s.Encoding, s.Delimiter = "", ""
		f, werr := openWorkbook(path)
		if werr != nil {
			return nil, werr
		}
		p.Sheets = f.GetSheetList()
		f.Close()
		if len(p.Sheets) == 0 {
			return nil, errors.New("the workbook has no sheets")
		}
		if s.Sheet == "" {
			s.Sheet = p.Sheets[0]
		}
		recs, err = openXLSX(path, s.Sheet)
	default:
		return nil, ErrUnsupported
	}
	if err != nil {
		return nil, err
	}
	defer recs.close()
	var sample [][]string
	for len(sample) < sampleRecords {
		rec, _, err := recs.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		sample = append(sample, append([]string(nil), rec...))
	}
	if len(sample) == 0 {
		return nil, errors.New("the file has no rows")
	}
	if s.Format != FormatJSONL {
		if !s.HeaderSet {
			s.Header = looksLikeHeader(sample[0])
		}
		width := 0
		for _, r := range sample {
			width = max(width, len(r))
		}
		var names []string
		if s.Header {
			names, sample = sample[0], sample[1:]
			width = len(names) // a longer record is refused by Each
		}
		p.Columns = columnNames(names, width)
	}
	for i := range p.Columns {
		it := newInferType()
		for _, r := range sample {
			if i < len(r) {
				it.add(r[i])
			}
		}
		p.Columns[i].Type = it.result()
	}
	p.Settings = s
	p.Rows = sample[:min(len(sample), previewRows)]
	return p, nil
}

func readHead(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	head := make([]byte, sampleBytes)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return nil, err
	}
	if n == 0 {
		return nil, errors.New("the file is empty")
	}
	return head[:n], nil
}

// sniffFormat guesses a format from a file's first bytes.
func sniffFormat(head []byte) string {
	if bytes.HasPrefix(head, []byte("PK\x03\x04")) || bytes.HasPrefix(head, oleHeader) {
		return FormatXLSX
	}
	if t := bytes.TrimLeft(bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF}), " \t\r\n"); len(t) > 0 && t[0] == '{' {
		return FormatJSONL
	}
	return FormatCSV
}

// delimiters are the delimiters detectDelimiter tries, by preference.
var delimiters = []rune{',', ';', '\t', '|'}

// detectDelimiter picks the delimiter that splits the sample's records
// into the same number of fields (more than one), the most fields on a
// tie; "," when none does.
func detectDelimiter(head []byte, enc string) string {
	var text []byte
	if enc == EncodingUTF8 {
		text = bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF})
	} else if r, err := decode(bytes.NewReader(head), enc); err == nil {
		text, _ = io.ReadAll(r)
	}
	// Drop the last line, which the sample may have cut.
	if i := bytes.LastIndexByte(text, '\n'); i > 0 && len(head) == sampleBytes {
		text = text[:i+1]
	}
	best, bestFields := ',', 1
	for _, d := range delimiters {
		r := csv.NewReader(bytes.NewReader(text))
		r.Comma, r.FieldsPerRecord, r.LazyQuotes = d, -1, true
		fields, consistent := 0, true
		for n := 0; n < 50; n++ {
			rec, err := r.Read()
			if err != nil {
				consistent = consistent && errors.Is(err, io.EOF) && n > 0
				break
			}
			if n == 0 {
				fields = len(rec)
			} else if len(rec) != fields {
				consistent = false
				break
			}
		}
		if consistent && fields > bestFields {
			best, bestFields = d, fields
		}
	}
	return string(best)
}

// looksLikeHeader reports whether a first row names columns: every cell
// filled, none a number, date or boolean, no name twice.
func looksLikeHeader(row []string) bool {
	seen := map[string]bool{}
	for _, c := range row {
		v := strings.TrimSpace(c)
		if v == "" || seen[strings.ToLower(v)] {
			return false
		}
		seen[strings.ToLower(v)] = true
		if _, ok := parseDecimal(v); ok {
			return false
		}
		if _, ok := parseDateTime(v); ok {
			return false
		}
		if _, ok := parseBoolean(v); ok {
			return false
		}
	}
	return len(row) > 0
}

// columnNames names width columns from a header row (blank names become
// "Column N", repeated ones get a number, long ones are cut).
func columnNames(header []string, width int) []Column {
	cols := make([]Column, width)
	seen := map[string]bool{}
	for i := range cols {
		name := ""
		if i < len(header) {
			name = strings.TrimSpace(strings.ReplaceAll(header[i], "\x00", ""))
		}
		if name == "" {
			name = "Column " + strconv.Itoa(i+1)
		}
		name = truncate(name, MaxNameBytes)
		base := name
		for n := 2; seen[strings.ToLower(name)]; n++ {
			suffix := " " + strconv.Itoa(n)
			name = truncate(base, MaxNameBytes-len(suffix)) + suffix
		}
		seen[strings.ToLower(name)] = true
		cols[i].Name = name
	}
	return cols
}

// truncate cuts s to at most n bytes on a character boundary.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// jsonColumns names the columns of JSON lines: the members of the first
// objects, in the order they first appear.
func jsonColumns(path string, s Settings) ([]string, error) {
	j, err := openJSONL(path, s, nil)
	if err != nil {
		return nil, err
	}
	defer j.close()
	var names []string
	seen := map[string]bool{}
	for n := 0; n < sampleRecords; n++ {
		ms, err := j.nextObject()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			if !seen[m.name] {
				seen[m.name] = true
				names = append(names, m.name)
			}
		}
		if len(names) > MaxColumns {
			return nil, fmt.Errorf("the objects have more than %d distinct members", MaxColumns)
		}
	}
	return names, nil
}

// Each reads every record of the file with settings s, converts it to
// cols (the columns Inspect proposed, perhaps with other types or names),
// and calls yield with its values: string, int64, float64, time.Time, bool
// or nil for an empty cell. It stops at the first record that does not fit
// with a *RowError, at an error of yield, or when ctx ends.
func Each(ctx context.Context, path string, s Settings, cols []Column, yield func(row []any) error) error {
	if err := CheckColumns(cols); err != nil {
		return err
	}
	var recs records
	var err error
	switch s.Format {
	case FormatCSV, FormatTSV:
		recs, err = openCSV(path, s)
	case FormatJSONL:
		// Members are matched by the names Inspect found; a renamed column
		// keeps reading the member at its position.
		var names []string
		if names, err = jsonColumns(path, s); err != nil {
			return err
		}
		if len(names) != len(cols) {
			return fmt.Errorf("the file has %d members, the upload %d columns", len(names), len(cols))
		}
		// Members beyond the sample that are not columns are refused by
		// next, with their line.
		recs, err = openJSONL(path, s, names)
	case FormatXLSX:
		recs, err = openXLSX(path, s.Sheet)
	default:
		return ErrUnsupported
	}
	if err != nil {
		return err
	}
	defer recs.close()
	row := make([]any, len(cols))
	first := true
	for n := 0; ; n++ {
		if n&1023 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		rec, line, err := recs.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var re *RowError
			if errors.As(err, &re) && re.Column > 0 && re.Column <= len(cols) && re.Name == "" {
				re.Name = cols[re.Column-1].Name
			}
			return err
		}
		if first && s.Header && s.Format != FormatJSONL {
			first = false
			continue
		}
		first = false
		if len(rec) > len(cols) {
			for i := len(cols); i < len(rec); i++ {
				if strings.TrimSpace(rec[i]) != "" {
					return &RowError{Line: line, Column: i + 1, Msg: fmt.Sprintf("the record has %d fields; the file's columns are %d", len(rec), len(cols))}
				}
			}
		}
		if len(rec) < len(cols) && s.Format != FormatXLSX && s.Format != FormatJSONL {
			return &RowError{Line: line, Msg: fmt.Sprintf("the record has %d fields; the file's columns are %d", len(rec), len(cols))}
		}
		for i, c := range cols {
			text := ""
			if i < len(rec) {
				text = rec[i]
			}
			v, good := convert(text, c.Type)
			if !good {
				return &RowError{Line: line, Column: i + 1, Name: c.Name, Msg: fmt.Sprintf("%s is not %s", strconv.Quote(truncate(text, 60)), typeNoun(c.Type))}
			}
			row[i] = v
		}
		if err := yield(row); err != nil {
			return err
		}
	}
}
