package viewer

import (
	"context"
	"net/url"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/definition"
)

// Titles and subtitles in rich text, as QuickSight's title editor saves
// them (the AWS Budgets dashboard's "Budget Summary by ${GroupBy}"),
// show their text, formatting and parameters' current values.
func TestRichTitles(t *testing.T) {
	const def = `{
 "DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/sales"}],
 "ParameterDeclarations": [
  {"StringParameterDeclaration": {"Name": "GroupBy", "ParameterValueType": "SINGLE_VALUED", "DefaultValues": {"StaticValues": ["Account"]}}},
  {"StringParameterDeclaration": {"Name": "Regions", "ParameterValueType": "MULTI_VALUED"}}
 ],
 "Sheets": [{"SheetId": "s", "Name": "S", "Visuals": [
  {"BarChartVisual": {"VisualId": "by", "Title": {"Visibility": "VISIBLE", "FormatText": {"RichText": "<visual-title>\n  Budget Summary by \n  <parameter>${GroupBy}</parameter>\n   This Month\n</visual-title>"}},
    "Subtitle": {"Visibility": "VISIBLE", "FormatText": {"RichText": "<visual-subtitle>\n  <inline font-size=\"14px\">Select a row &amp; <b>filter</b>!</inline>\n</visual-subtitle>"}}}},
  {"BarChartVisual": {"VisualId": "regions", "Title": {"FormatText": {"RichText": "<visual-title>Regions: <parameter>${Regions}</parameter></visual-title>"}}}},
  {"BarChartVisual": {"VisualId": "unknown", "Title": {"FormatText": {"RichText": "<visual-title>Cost by <parameter>${Nope}</parameter></visual-title>"}}}},
  {"BarChartVisual": {"VisualId": "odd", "Title": {"FormatText": {"RichText": "<visual-title><marquee>Moving</marquee> <script>x</script></visual-title>"}}}},
  {"BarChartVisual": {"VisualId": "hidden", "Title": {"Visibility": "HIDDEN", "FormatText": {"RichText": "<visual-title>Gone</visual-title>"}},
    "Subtitle": {"Visibility": "HIDDEN", "FormatText": {"RichText": "<visual-subtitle>Gone too</visual-subtitle>"}}}},
  {"BarChartVisual": {"VisualId": "plain", "Title": {"FormatText": {"PlainText": "A <b> is text"}}}}
 ]}]
}`
	d, err := definition.Parse([]byte(def))
	if err != nil {
		t.Fatal(err)
	}
	render := func(st url.Values) map[string]*Tile {
		s := New(d, st, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)).RenderSheet(context.Background(), "s", (&fakeData{}).run, 1)
		out := map[string]*Tile{}
		for _, tile := range s.Tiles {
			out[tile.ID] = tile
		}
		return out
	}
	tiles := render(nil)
	by := tiles["by"]
	wantEq(t, "title", by.Title, "Budget Summary by Account This Month")
	wantEq(t, "title HTML", string(by.TitleHTML), "Budget Summary by Account This Month")
	wantEq(t, "subtitle", by.Subtitle, "Select a row & filter!")
	wantEq(t, "subtitle HTML", string(by.SubtitleHTML), `<span style="font-size:14px">Select a row &amp; <b>filter</b>!</span>`)
	wantEq(t, "unset multi-valued", tiles["regions"].Title, "Regions:")
	// A parameter the analysis does not declare, an element the reader
	// does not know: the words as written, never markup.
	wantEq(t, "unknown parameter", tiles["unknown"].Title, "Cost by ${Nope}")
	wantEq(t, "unknown parameter HTML", string(tiles["unknown"].TitleHTML), "")
	wantEq(t, "unknown element", tiles["odd"].Title, "Moving x")
	wantEq(t, "unknown element HTML", string(tiles["odd"].TitleHTML), "")
	wantEq(t, "hidden", tiles["hidden"].Title+tiles["hidden"].Subtitle+string(tiles["hidden"].TitleHTML)+string(tiles["hidden"].SubtitleHTML), "")
	wantEq(t, "plain", tiles["plain"].Title, "A <b> is text")

	// The viewer's choice of the parameter shows in the title.
	tiles = render(url.Values{"p.GroupBy": {"Budget <Name>"}, "p.Regions": {"East", "West"}})
	wantEq(t, "chosen", tiles["by"].Title, "Budget Summary by Budget <Name> This Month")
	wantEq(t, "chosen HTML", string(tiles["by"].TitleHTML), "Budget Summary by Budget &lt;Name&gt; This Month")
	wantEq(t, "multi-valued", tiles["regions"].Title, "Regions: East, West")

	// The SDK's list of visuals names them by their titles' text.
	v := New(d, nil, time.Time{})
	names := map[string]string{}
	for _, vi := range v.SheetVisuals("s") {
		names[vi.VisualID] = vi.Name
	}
	wantEq(t, "visual names", []string{names["by"], names["hidden"]}, []string{"Budget Summary by Account This Month", "Gone"})
}

// A custom narrative shows parameters as titles do.
func TestNarrativeParameter(t *testing.T) {
	lines, err := narrativeOf(t, `<narrative>By <parameter>${GroupBy}</parameter></narrative>`, narrativeOutputs{parameterScope: {"GroupBy": "Account"}})
	if err != nil {
		t.Fatal(err)
	}
	wantEq(t, "lines", len(lines), 1)
	wantEq(t, "line", string(lines[0]), "By Account")
	for src, want := range map[string]string{
		`<narrative><parameter>${Missing}</parameter></narrative>`: `the parameter "Missing" (no parameter of the analysis is called so)`,
		`<narrative><parameter>GroupBy</parameter></narrative>`:    `the parameter reference "GroupBy" (only ${Name} is read)`,
		`<narrative><parameter>${GroupBy}</narrative>`:             "a CustomNarrative whose markup does not parse (<parameter> is not closed)",
	} {
		_, err := narrativeOf(t, src, narrativeOutputs{parameterScope: {"GroupBy": "Account"}})
		if err == nil || err.Error() != want {
			t.Errorf("%s: %v, want %s", src, err, want)
		}
	}
}

// Text boxes keep their lines, lists, links and formatting (the AWS News
// Feeds dashboard's links box); markup the reader refuses shows as its
// plain text.
func TestTextBoxMarkup(t *testing.T) {
	const def = `{
 "DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/sales"}],
 "Sheets": [{"SheetId": "s", "Name": "S", "TextBoxes": [
  {"SheetTextBoxId": "links", "Content": "<text-box>\n  But also check out:\n  <br/>\n  <ul>\n    <li>\n      <a href=\"https://www.twitch.tv/aws\" target=\"_blank\">AWS Twitch</a>\n    </li>\n    <li class=\"ql-indent-0\">\n      <b>No access</b>\n      : empty dashboards\n    </li>\n  </ul>\n</text-box>"},
  {"SheetTextBoxId": "big", "Content": "<text-box><block align=\"center\"><inline font-size=\"32px\">RLS &amp; you</inline></block></text-box>"},
  {"SheetTextBoxId": "img", "Content": "<text-box>Logo <img src=\"https://example.com/x.png\"/> here</text-box>"},
  {"SheetTextBoxId": "js", "Content": "<text-box><a href=\"javascript:alert(1)\">click</a></text-box>"}
 ]}]
}`
	d, err := definition.Parse([]byte(def))
	if err != nil {
		t.Fatal(err)
	}
	s := New(d, nil, time.Time{}).RenderSheet(context.Background(), "s", (&fakeData{}).run, 1)
	tiles := map[string]*Tile{}
	for _, tile := range s.Tiles {
		tiles[tile.ID] = tile
	}
	links := tiles["links"]
	wantEq(t, "links HTML", string(links.TextHTML), `But also check out:<br>• <a href="https://www.twitch.tv/aws" target="_blank" rel="noopener noreferrer">AWS Twitch</a><br>• <b>No access</b>: empty dashboards`)
	wantEq(t, "links text", links.Text, "But also check out: • AWS Twitch • No access: empty dashboards")
	wantEq(t, "aligned", string(tiles["big"].TextHTML), `<span style="display:block;text-align:center"><span style="font-size:32px">RLS &amp; you</span></span>`)
	wantEq(t, "image: plain", tiles["img"].Text+"|"+string(tiles["img"].TextHTML), "Logo here|")
	wantEq(t, "script link: plain", tiles["js"].Text+"|"+string(tiles["js"].TextHTML), "click|")
}

// Date-time parameters read as dates when their granularity is a day or
// longer (the RDS Extended Support dashboard's "Usage between ${StartDate}
// and ${EndDate}", its end the last second of a month), else with their
// time.
func TestRichTitleDates(t *testing.T) {
	d, err := definition.Parse([]byte(`{
 "DataSetIdentifierDeclarations": [{"Identifier": "sales", "DataSetArn": "arn:aws:quicksight:us-east-1:123456789012:dataset/sales"}],
 "ParameterDeclarations": [
  {"DateTimeParameterDeclaration": {"Name": "StartDate", "TimeGranularity": "DAY", "DefaultValues": {"StaticValues": [1793491200]}}},
  {"DateTimeParameterDeclaration": {"Name": "EndDate", "TimeGranularity": "DAY"}},
  {"DateTimeParameterDeclaration": {"Name": "At", "TimeGranularity": "MINUTE"}}
 ],
 "Sheets": [{"SheetId": "s", "Name": "S", "Visuals": [
  {"BarChartVisual": {"VisualId": "v", "Subtitle": {"FormatText": {"RichText": "<visual-subtitle>Usage between <parameter>${StartDate}</parameter> and <parameter>${EndDate}</parameter> (<parameter>${At}</parameter>)</visual-subtitle>"}}}}
 ]}]
}`))
	if err != nil {
		t.Fatal(err)
	}
	st := url.Values{"p.EndDate": {"2026-11-30T23:59:59Z"}, "p.At": {"2026-11-30T08:15:00Z"}}
	s := New(d, st, time.Time{}).RenderSheet(context.Background(), "s", (&fakeData{}).run, 1)
	wantEq(t, "subtitle", s.Tiles[0].Subtitle, "Usage between 2026-11-01 and 2026-11-30 (2026-11-30 08:15:00)")
}
