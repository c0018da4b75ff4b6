package expr

// repeats is how many times, at most, the SQL of the call n writes each
// of its arguments, for the functions whose dialect forms write an
// operand more than twice (Measure counts the arguments that many
// times, since engines expand them where they are written): work days
// number the days several times, formatDate reads the date once per
// token, parseDate tests and reads the text once per shape.
func repeats(n *Call) int {
	switch n.Name {
	case "addWorkDays":
		return 18
	case "netWorkDays":
		return 10
	case "locate":
		return 6
	case "parseInt", "parseDecimal":
		return 5
	case "split":
		return 3
	case "formatDate":
		if len(n.Args) == 1 {
			return 2*9 + 1 // the default format's nine tokens
		}
		if len(n.Args) == 2 {
			if f, ok := n.Args[1].(*String); ok {
				if pieces, err := parseFormat("formatDate", f.Value, f.At); err == nil {
					return 2*len(pieces) + 1
				}
			}
		}
	case "parseDate":
		format := "yyyy-MM-dd"
		if len(n.Args) == 2 {
			f, ok := n.Args[1].(*String)
			if !ok {
				return 1
			}
			format = f.Value
		}
		pieces, err := parseFormat("parseDate", format, 0)
		if err != nil {
			return 1
		}
		shapes := 1
		for i, p := range pieces {
			if p.Token != "" && variableWidth(pieces, i) && shapes < maxParseShapes {
				shapes *= 2
			}
		}
		return 20 * shapes
	}
	return 1
}
