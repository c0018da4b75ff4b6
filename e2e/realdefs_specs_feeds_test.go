package e2e

// The Cloud Intelligence Dashboards' AWS News Feeds dashboard
// (testdata/realdefs/NOTES.md) and the synthetic data it needs.

import (
	"database/sql"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
)

func init() {
	realDefinitions = append(realDefinitions, awsFeeds)
}

// feedsAgo is the day item i of a feed was published: every few days
// over the last months, and every tenth item two years ago, before the
// dashboard's default start date (the first day of last year).
func feedsAgo(i int) time.Time {
	if i%10 == 9 {
		return caDay(800 + i)
	}
	return caDay(2 + 4*i)
}

var (
	feedsServices   = []string{"Amazon EC2", "Amazon S3", "AWS Lambda", "Amazon QuickSight"}
	feedsCategories = []string{"general:products/compute", "general:products/storage", "marketing:marchitecture/analytics"}
	feedsCreators   = []string{"Jeff Barr", "Channy Yun", "Danilo Poccia"}
)

const (
	feedsWhatsNew = 24
	feedsBlog     = 18
	feedsBulletin = 7
	feedsYouTube  = 9
)

func feedsItem(kind string, i int) (title, link string) {
	return fmt.Sprintf("%s item %02d about %s", kind, i, feedsServices[i%len(feedsServices)]), fmt.Sprintf("https://aws.amazon.com/%s/%02d", kind, i)
}

var awsFeeds = realDef{
	name: "aws-feeds",
	dataSets: []realDataSet{
		{
			// The view: every feed's items, one row each.
			id:      "d50473c6-53c1-45f5-9185-361136fb02ef",
			columns: append([]realColumn{{"published", types.InputColumnDataTypeDatetime}}, strCols("feed_type", "title", "url", "category")...),
			rows:    feedsWhatsNew + feedsBlog + feedsBulletin + feedsYouTube,
			row: func(i int) []any {
				kind, cat, j := "whats_new", "", i
				switch {
				case i < feedsWhatsNew:
					cat = feedsCategories[j%3]
				case i < feedsWhatsNew+feedsBlog:
					kind, j = "blog_post", i-feedsWhatsNew
					cat = feedsCategories[(j+1)%3]
				case i < feedsWhatsNew+feedsBlog+feedsBulletin:
					kind, j, cat = "security_bulletin", i-feedsWhatsNew-feedsBlog, "security_bulletins"
				default:
					kind, j, cat = "youtube", i-feedsWhatsNew-feedsBlog-feedsBulletin, "video"
				}
				title, link := feedsItem(kind, j)
				return []any{feedsAgo(j).Format(time.DateTime), kind, title, link, cat}
			},
		},
		{
			id:      "00e4f86c-96b8-49b7-b68f-8b540e4fa6b7",
			columns: append(append(strCols("link", "title", "description"), realColumn{"date", types.InputColumnDataTypeDatetime}), strCols("service", "category", "year", "month", "day")...),
			rows:    feedsWhatsNew,
			row: func(i int) []any {
				title, link := feedsItem("whats_new", i)
				d := feedsAgo(i)
				return []any{link, title, "Now available: " + title, d.Format(time.DateTime), feedsServices[i%len(feedsServices)], feedsCategories[i%3], d.Format("2006"), d.Format("01"), d.Format("02")}
			},
		},
		{
			id:      "173bf994-4763-4044-a96d-1cb6cce591f4",
			columns: append(append(strCols("title", "link", "description"), realColumn{"date", types.InputColumnDataTypeDatetime}), strCols("creator", "category", "year", "month", "day")...),
			rows:    feedsBlog,
			row: func(i int) []any {
				title, link := feedsItem("blog_post", i)
				d := feedsAgo(i)
				return []any{title, link, "In this post: " + title, d.Format(time.DateTime), feedsCreators[i%3], feedsCategories[(i+1)%3], d.Format("2006"), d.Format("01"), d.Format("02")}
			},
		},
		{
			id:      "cd5b5e17-fdde-4563-a944-1c5fc3b27684",
			columns: append(append(strCols("link", "title"), realColumn{"published", types.InputColumnDataTypeDatetime}), strCols("description", "year", "month", "day")...),
			rows:    feedsBulletin,
			row: func(i int) []any {
				title, link := feedsItem("security_bulletin", i)
				d := feedsAgo(i)
				return []any{link, title, d.Format(time.DateTime), "CVE-2026-" + fmt.Sprint(1000+i), d.Format("2006"), d.Format("01"), d.Format("02")}
			},
		},
		{
			id: "5258b9ee-48d0-48f3-9ec4-baa4acd1d006",
			// youtube_embedded_url is the dataset's calculated column
			// (CreateColumnsOperation), stored as computed.
			columns: append(append(strCols("video_url", "title"), realColumn{"published", types.InputColumnDataTypeDatetime}),
				strCols("description", "star_rating_count", "star_rating_average", "star_rating_min", "star_rating_max", "views", "year", "month", "day", "youtube_embedded_url")...),
			rows: feedsYouTube,
			row: func(i int) []any {
				title, _ := feedsItem("youtube", i)
				d := feedsAgo(i)
				id := fmt.Sprintf("vid%08d", i)
				return []any{"https://www.youtube.com/watch?v=" + id, title, d.Format(time.DateTime), "Watch: " + title, "10", "4.5", "1", "5", fmt.Sprint(100 * i), d.Format("2006"), d.Format("01"), d.Format("02"), "embed/" + id}
			},
		},
	},
	// The About sheet's two insights are custom narratives (text,
	// aligned blocks, sizes, colors and links): they draw.
	// Items per week (weeks start on Sunday, Options.WeekStart) since the
	// first day of last year (${AWSFeedDateRange}'s RollingDate
	// default), by a Colors field: What's New by service and category,
	// blog posts by creator and category.
	checks: []realCheck{
		{feedsWhatsNewSheet, "320db2f3-fc02-4292-a078-6109c3e6d697", feedsWeekly(feedsWhatsNewSet, "date", "service", "")},
		{feedsWhatsNewSheet, "ab9f2994-60c0-4483-a315-5ec0423b511f", feedsWeekly(feedsWhatsNewSet, "date", "category", "")},
		{feedsBlogSheet, "45ce6573-a74c-4131-ae13-24b377e49162", feedsWeekly(feedsBlogSet, "date", "creator", "")},
		{feedsBlogSheet, "343358e8-fa67-44f5-b630-3b93364748d9", feedsWeekly(feedsBlogSet, "date", "category", "")},
	},
	then: func(t *testing.T, db *sql.DB, sheet func(string, url.Values) string) {
		// A search (case-insensitive, ${AWSFeedSearchContent} in the
		// search_content_input_match field): the summary's items per
		// week and feed type, and its "Last refreshed" cell (an
		// unaggregated table of max(published), drawn as one row).
		body := sheet(feedsSummarySheet, url.Values{"p.AWSFeedSearchContent": {"LAMBDA"}})
		// Its links text box: a list of links, each a line, opening in a
		// new tab as the author asked.
		box := regexp.MustCompile(`(?s)<section class="tile tile-text" id="t-f8876593-8435-4fc3-b5c8-b827ed806f21"[^>]*><p>(.*?)</p></section>`).FindStringSubmatch(body)
		if want := `But also check out:<br>• <a href="https://www.twitch.tv/aws" target="_blank" rel="noopener noreferrer">AWS Twitch</a><br>• <a href=`; box == nil || !strings.HasPrefix(box[1], want) || strings.Count(box[1], "<br>• ") != 3 {
			t.Errorf("links text box: %q, want it to start %q with three items", box, want)
		}
		checkRealVisual(t, db, body, realCheck{feedsSummarySheet, "2d7a4a7e-1264-4682-82af-27beadb80b24",
			feedsWeekly(feedsAllSet, "published", "feed_type", ` AND lower(title) LIKE '%lambda%'`)})
		checkRealVisual(t, db, body, realCheck{feedsSummarySheet, "107983c4-dbfb-4058-af7d-a8a666b7d417",
			`SELECT substr(max(published), 1, 10) FROM "` + feedsAllSet + `" WHERE lower(title) LIKE '%lambda%' AND ` + feedsSince("published")})

		// The About sheet's narrative: its title centered, large, a link
		// opened without telling the target where from; the credits to
		// the right; the mail link kept.
		about := narrativeHTML(t, sheet(feedsAboutSheet, nil), "20547a2d-aadc-4a62-964a-a9b2532be5bd")
		wantEqual(t, "About: first line", about[0], `<span style="display:block;text-align:center"><span style="color:#61d1d6;font-size:68.8px">`+
			`<a href="https://wellarchitectedlabs.com/cost/200_labs/200_enterprise_dashboards/" target="_blank" rel="noopener noreferrer"><b><u>AWS Feeds Dashboard</u></b></a></span></span>`)
		wantEqual(t, "About: lines", len(about), 8) // the empty block and the blank lines write none
		if last := about[len(about)-1]; !strings.HasPrefix(last, `<span style="display:block;text-align:right">If you wish to provide feedback`) ||
			!strings.Contains(last, `<a href="mailto:cloud-intelligence-dashboards@amazon.com?subject=CID%20Dashboard%20Feedback" target="_blank" rel="noopener noreferrer">cloud-intelligence-dashboards@amazon.com</a>`) {
			t.Errorf("About: last line %s", last)
		}
	},
}

const (
	feedsAllSet        = "d50473c6-53c1-45f5-9185-361136fb02ef"
	feedsWhatsNewSet   = "00e4f86c-96b8-49b7-b68f-8b540e4fa6b7"
	feedsBlogSet       = "173bf994-4763-4044-a96d-1cb6cce591f4"
	feedsSummarySheet  = "59c9f319-c94c-408a-ba58-5724e0892243"
	feedsAboutSheet    = "ec103200-c279-4a69-bdfe-9b3075e1e22b"
	feedsWhatsNewSheet = "86bfd032-66cc-464c-90ed-c3160fff062e"
	feedsBlogSheet     = "262f8d75-3a13-4712-8a96-89f420e19ee2"
)

// feedsSince keeps the items since the first day of last year.
func feedsSince(col string) string {
	return col + " >= '" + fmt.Sprint(realDefsStart.UTC().Year()-1) + "-01-01'"
}

// feedsWeekly counts a dataset's distinct titles by week (its Sunday)
// and a color column, since the first day of last year, and where the
// extra condition holds.
func feedsWeekly(set, date, color, and string) string {
	return `SELECT date(` + date + `, '-' || strftime('%w', ` + date + `) || ' days'), ` + color + `, count(DISTINCT title) FROM "` + set + `" WHERE ` + feedsSince(date) + and + ` GROUP BY 1, 2`
}
