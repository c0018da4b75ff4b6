package authoring

import "strings"

// maxDateFormat is the model's bound on a DateTimeFormat.
const maxDateFormat = 128

// DateFormats are the date formats the field menu suggests, in
// QuickSight's tokens; the author may type another.
var DateFormats = []string{"YYYY-MM-DD", "MMM D, YYYY", "MM/DD/YYYY", "DD/MM/YYYY", "MMMM YYYY", "YYYY [Q]Q", "ddd, MMM D", "YYYY-MM-DD HH:mm", "h:mm A"}

// SetDateFormat sets a date dimension's DateTimeFormat (QuickSight's
// tokens: YYYY, MMM, DD, HH, mm…); "" removes it and the viewer labels the
// dates by their granularity again.
func SetDateFormat(raw []byte, fieldID, format string) ([]byte, error) {
	format = strings.TrimSpace(format)
	if len(format) > maxDateFormat {
		return nil, editErr("a date format has at most %d characters", maxDateFormat)
	}
	d, err := decode(raw)
	if err != nil {
		return nil, err
	}
	f, err := findField(d, fieldID)
	if err != nil {
		return nil, err
	}
	_, kind, fo, _ := itemColumn(f.item)
	if kind != "DateDimensionField" {
		return nil, editErr("only a date dimension takes a date format, not a %s", kind)
	}
	if format == "" {
		delete(fo, "FormatConfiguration")
	} else {
		fo["FormatConfiguration"] = obj{"DateTimeFormat": format}
	}
	return encode(d)
}
