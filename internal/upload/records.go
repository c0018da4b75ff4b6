package upload

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// records reads a file one record at a time.
type records interface {
	// next returns the fields of the next record and its 1-based line,
	// io.EOF after the last. The slice is valid until the next call.
	next() ([]string, int, error)
	close() error
}

// budget errors a read that passes max bytes since the last reset: it
// bounds the memory one record of a text file may take.
type budget struct {
	r    io.Reader
	max  int
	used int
}

var errRecordTooLong = errors.New("record too long")

func (b *budget) Read(p []byte) (int, error) {
	if b.used >= b.max {
		return 0, errRecordTooLong
	}
	if len(p) > b.max-b.used {
		p = p[:b.max-b.used]
	}
	n, err := b.r.Read(p)
	b.used += n
	return n, err
}

// csvRecords reads delimited text.
type csvRecords struct {
	f      *os.File
	r      *csv.Reader
	budget *budget
	utf8   bool
	line   int // of the last record read
}

func openCSV(path string, s Settings) (*csvRecords, error) {
	d, _ := utf8.DecodeRuneInString(s.Delimiter)
	if utf8.RuneCountInString(s.Delimiter) != 1 || d == '"' || d == '\r' || d == '\n' || d == utf8.RuneError {
		return nil, fmt.Errorf("the delimiter must be one character other than a quote or a line break")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	var in io.Reader = bufio.NewReaderSize(f, 64<<10)
	isUTF8 := s.Encoding == EncodingUTF8
	if isUTF8 {
		br := in.(*bufio.Reader)
		if b, _ := br.Peek(3); bytes.Equal(b, []byte{0xEF, 0xBB, 0xBF}) {
			br.Discard(3)
		}
	} else if in, err = decode(in, s.Encoding); err != nil {
		f.Close()
		return nil, err
	}
	// csv.Reader reads ahead through a 4 KiB buffer: a record may take that
	// much more than its own bytes from the budget.
	bud := &budget{r: in, max: MaxLineBytes + 8<<10}
	r := csv.NewReader(bud)
	r.Comma = d
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	return &csvRecords{f: f, r: r, budget: bud, utf8: isUTF8}, nil
}

func (c *csvRecords) next() ([]string, int, error) {
	rec, err := c.r.Read()
	c.budget.used = 0
	if err != nil {
		line := c.line
		var pe *csv.ParseError
		switch {
		case errors.Is(err, io.EOF):
			return nil, 0, io.EOF
		case errors.Is(err, errRecordTooLong):
			return nil, 0, &RowError{Line: line + 1, Msg: fmt.Sprintf("a record is longer than %d bytes", MaxLineBytes)}
		case errors.As(err, &pe):
			return nil, 0, &RowError{Line: pe.Line, Msg: csvProblem(pe)}
		}
		return nil, 0, err
	}
	line, _ := c.r.FieldPos(0)
	c.line = line
	if len(rec) > MaxColumns {
		return nil, 0, &RowError{Line: line, Msg: fmt.Sprintf("the record has %d fields; at most %d are allowed", len(rec), MaxColumns)}
	}
	for i, v := range rec {
		if len(v) > MaxFieldBytes {
			return nil, 0, &RowError{Line: line, Column: i + 1, Msg: fmt.Sprintf("the value is longer than %d bytes", MaxFieldBytes)}
		}
		if c.utf8 && !utf8.ValidString(v) {
			return nil, 0, &RowError{Line: line, Column: i + 1, Msg: "the value is not valid UTF-8: choose the file's encoding (for example WINDOWS-1252)"}
		}
	}
	return rec, line, nil
}

// csvProblem words a parse error of delimited text.
func csvProblem(pe *csv.ParseError) string {
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return "character " + strconv.Itoa(pe.Column) + ": a quote (\") appears inside a value that is not quoted"
	case errors.Is(pe.Err, csv.ErrQuote):
		return "character " + strconv.Itoa(pe.Column) + ": a quoted value is not closed or has text after its closing quote"
	}
	return pe.Err.Error()
}

func (c *csvRecords) close() error { return c.f.Close() }

// jsonRecords reads JSON lines: one object per line, whose members are
// matched to columns by name.
type jsonRecords struct {
	f      *os.File
	r      *bufio.Reader
	cols   map[string]int
	fields []string
	line   int
	utf8   bool
}

func openJSONL(path string, s Settings, names []string) (*jsonRecords, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	var in io.Reader = f
	isUTF8 := s.Encoding == EncodingUTF8
	if !isUTF8 {
		if in, err = decode(in, s.Encoding); err != nil {
			f.Close()
			return nil, err
		}
	}
	j := &jsonRecords{f: f, r: bufio.NewReaderSize(in, 64<<10), cols: map[string]int{}, utf8: isUTF8}
	for i, n := range names {
		j.cols[n] = i
	}
	j.fields = make([]string, len(names))
	return j, nil
}

// readLine returns the next line without its end, bounded.
func (j *jsonRecords) readLine() ([]byte, error) {
	var line []byte
	for {
		chunk, err := j.r.ReadSlice('\n')
		if len(line)+len(chunk) > MaxLineBytes {
			return nil, &RowError{Line: j.line, Msg: fmt.Sprintf("the line is longer than %d bytes", MaxLineBytes)}
		}
		line = append(line, chunk...)
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil && (err != io.EOF || len(line) == 0) {
			return nil, err
		}
		return bytes.TrimRight(line, "\r\n"), nil
	}
}

// nextObject returns the next non-blank line's members, in order.
func (j *jsonRecords) nextObject() ([]member, error) {
	for {
		j.line++
		line, err := j.readLine()
		if err != nil {
			return nil, err
		}
		if j.line == 1 {
			line = bytes.TrimPrefix(line, []byte{0xEF, 0xBB, 0xBF})
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		if j.utf8 && !utf8.Valid(line) {
			return nil, &RowError{Line: j.line, Msg: "the line is not valid UTF-8: choose the file's encoding"}
		}
		ms, err := parseObject(line)
		if err != nil {
			return nil, &RowError{Line: j.line, Msg: err.Error()}
		}
		if len(ms) > MaxColumns {
			return nil, &RowError{Line: j.line, Msg: fmt.Sprintf("the object has %d members; at most %d are allowed", len(ms), MaxColumns)}
		}
		return ms, nil
	}
}

func (j *jsonRecords) next() ([]string, int, error) {
	ms, err := j.nextObject()
	if err != nil {
		return nil, 0, err
	}
	for i := range j.fields {
		j.fields[i] = ""
	}
	for _, m := range ms {
		i, ok := j.cols[m.name]
		if !ok {
			return nil, 0, &RowError{Line: j.line, Msg: fmt.Sprintf("member %q is not one of the columns; upload the file again to add it", m.name)}
		}
		if len(m.value) > MaxFieldBytes {
			return nil, 0, &RowError{Line: j.line, Column: i + 1, Name: m.name, Msg: fmt.Sprintf("the value is longer than %d bytes", MaxFieldBytes)}
		}
		j.fields[i] = m.value
	}
	return j.fields, j.line, nil
}

func (j *jsonRecords) close() error { return j.f.Close() }

// member is a member of a JSON object, its value as text: strings as they
// are, numbers and booleans as written, null as "", objects and arrays as
// compact JSON.
type member struct{ name, value string }

// parseObject parses one JSON object, keeping its members' order.
func parseObject(line []byte) ([]member, error) {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil || tok != json.Delim('{') {
		return nil, errors.New("the line is not a JSON object")
	}
	var out []member
	seen := map[string]bool{}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return nil, errors.New("the line is not valid JSON")
		}
		name, _ := k.(string)
		if seen[name] {
			return nil, fmt.Errorf("member %q appears twice", name)
		}
		seen[name] = true
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, errors.New("the line is not valid JSON")
		}
		v, err := memberText(raw)
		if err != nil {
			return nil, err
		}
		out = append(out, member{name, v})
	}
	if _, err := dec.Token(); err != nil {
		return nil, errors.New("the line is not valid JSON")
	}
	if dec.More() {
		return nil, errors.New("the line has text after its JSON object")
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("the line has text after its JSON object")
	}
	return out, nil
}

func memberText(raw json.RawMessage) (string, error) {
	switch raw[0] {
	case '"':
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", errors.New("the line is not valid JSON")
		}
		return s, nil
	case 'n':
		return "", nil
	case '{', '[':
		var b bytes.Buffer
		if err := json.Compact(&b, raw); err != nil {
			return "", errors.New("the line is not valid JSON")
		}
		return b.String(), nil
	}
	return string(raw), nil
}

// xlsxRecords reads the rows of one sheet of a workbook, streamed: twice
// in step, as shown (formatted) and as stored (raw). A number is read as
// stored, so that a format such as 0.00 or #,##0 neither rounds it nor
// makes it text; a date, a boolean and text are read as shown.
type xlsxRecords struct {
	f    *excelize.File
	rows *excelize.Rows
	raw  *excelize.Rows
	line int
}

// oleHeader starts legacy .xls and encrypted workbooks, which would be
// read whole into memory.
var oleHeader = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

// openWorkbook opens an .xlsx file. Worksheets larger than 16 MiB
// unzipped are read from temporary files, not memory.
func openWorkbook(path string) (*excelize.File, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	head := make([]byte, 8)
	n, _ := io.ReadFull(fh, head)
	fh.Close()
	if bytes.Equal(head[:n], oleHeader) {
		return nil, errors.New("the workbook is a legacy .xls or an encrypted file; save it as an unencrypted .xlsx")
	}
	f, err := excelize.OpenFile(path, excelize.Options{UnzipXMLSizeLimit: 16 << 20, UnzipSizeLimit: 16 << 30})
	if err != nil {
		return nil, errors.New("the file is not an Excel workbook (.xlsx)")
	}
	return f, nil
}

func openXLSX(path, sheet string) (*xlsxRecords, error) {
	f, err := openWorkbook(path)
	if err != nil {
		return nil, err
	}
	rows, err := f.Rows(sheet)
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("the workbook has no sheet %q", sheet)
	}
	raw, err := f.Rows(sheet)
	if err != nil {
		rows.Close()
		f.Close()
		return nil, fmt.Errorf("the workbook has no sheet %q", sheet)
	}
	return &xlsxRecords{f: f, rows: rows, raw: raw}, nil
}

// cellValue is the value of a cell read as shown and as stored: the
// stored number, unless the cell shows a date or a boolean.
func cellValue(shown, stored string) string {
	if shown == stored {
		return shown
	}
	if _, ok := parseDecimal(stored); !ok {
		return shown
	}
	v := strings.TrimSpace(shown)
	if _, ok := parseDateTime(v); ok {
		return shown
	}
	if _, ok := parseBoolean(v); ok {
		return shown
	}
	return stored
}

func (x *xlsxRecords) next() ([]string, int, error) {
	if x.rows.Next() {
		x.line++
		cols, err := x.rows.Columns()
		if err != nil {
			return nil, 0, &RowError{Line: x.line, Msg: "the sheet's row cannot be read: " + err.Error()}
		}
		if x.raw.Next() {
			raw, err := x.raw.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				return nil, 0, &RowError{Line: x.line, Msg: "the sheet's row cannot be read: " + err.Error()}
			}
			for i := range min(len(cols), len(raw)) {
				cols[i] = cellValue(cols[i], raw[i])
			}
		}
		if len(cols) > MaxColumns {
			return nil, 0, &RowError{Line: x.line, Msg: fmt.Sprintf("the row has %d cells; at most %d are allowed", len(cols), MaxColumns)}
		}
		for i, v := range cols {
			if len(v) > MaxFieldBytes {
				return nil, 0, &RowError{Line: x.line, Column: i + 1, Msg: fmt.Sprintf("the value is longer than %d bytes", MaxFieldBytes)}
			}
		}
		return cols, x.line, nil
	}
	if err := x.rows.Error(); err != nil {
		return nil, 0, &RowError{Line: x.line + 1, Msg: "the sheet cannot be read: " + err.Error()}
	}
	return nil, 0, io.EOF
}

func (x *xlsxRecords) close() error {
	x.rows.Close()
	x.raw.Close()
	return x.f.Close()
}
