package viewer

// Icon sets: a conditional icon drawn from one of QuickSight's predefined
// sets (ConditionalFormattingIconSet). The set's expression is a hidden
// measure of the visual's question; each value's place in the range of
// all values drawn (its percent of the way from the smallest to the
// largest) picks the icon: the range is cut into as many equal bands as
// the set has icons, the largest values taking the first icon. A value
// without a number has no icon; when every value is the same, each takes
// the first.

// setGlyph is one icon of a set: its glyph and color.
type setGlyph struct{ glyph, color string }

// Colors of the predefined sets.
const (
	iconGreen = "#2CAD00"
	iconAmber = "#F9B000"
	iconRed   = "#DE3B00"
	iconGray  = "#7F7F7F"
	iconBlue  = "#2F7DE1"
)

// iconSets are the predefined sets by IconSetType, largest values first.
var iconSets = map[string][]setGlyph{
	"PLUS_MINUS":          {{"+", iconGreen}, {"−", iconRed}},
	"CHECK_X":             {{"✓", iconGreen}, {"✗", iconRed}},
	"THREE_COLOR_ARROW":   {{"↑", iconGreen}, {"→", iconAmber}, {"↓", iconRed}},
	"THREE_GRAY_ARROW":    {{"↑", iconGray}, {"→", iconGray}, {"↓", iconGray}},
	"CARET_UP_MINUS_DOWN": {{"▲", iconGreen}, {"−", iconGray}, {"▼", iconRed}},
	"THREE_SHAPE":         {{"●", iconGreen}, {"▲", iconAmber}, {"■", iconRed}},
	"THREE_CIRCLE":        {{"●", iconGreen}, {"●", iconAmber}, {"●", iconRed}},
	"FLAGS":               {{"⚑", iconGreen}, {"⚑", iconAmber}, {"⚑", iconRed}},
	"BARS":                {{"▆", iconBlue}, {"▄", iconBlue}, {"▂", iconBlue}},
	"FOUR_COLOR_ARROW":    {{"↑", iconGreen}, {"↗", iconAmber}, {"↘", "#F57600"}, {"↓", iconRed}},
	"FOUR_GRAY_ARROW":     {{"↑", iconGray}, {"↗", iconGray}, {"↘", iconGray}, {"↓", iconGray}},
}

// iconOfSet is the icon of value f in a set whose values span [lo, hi]:
// of n icons, the k-th (from 0) covers the values from (n−1−k)/n to
// (n−k)/n of the range, both ends of the range included.
func iconOfSet(set []setGlyph, f, lo, hi float64) setGlyph {
	if hi <= lo {
		return set[0]
	}
	n := len(set)
	band := int((f - lo) / (hi - lo) * float64(n)) // 0 for the smallest values, n for the largest
	band = min(max(band, 0), n-1)
	return set[n-1-band]
}
