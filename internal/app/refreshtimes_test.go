package app

import (
	"regexp"
	"testing"
	"time"

	sg "github.com/sightglass/sightglass"
)

func TestNextRefresh(t *testing.T) {
	paris := func(s string) time.Time {
		loc, _ := time.LoadLocation("Europe/Paris")
		v, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
		if err != nil {
			t.Fatal(err)
		}
		return v.UTC()
	}
	for _, c := range []struct {
		name string
		s    sg.RefreshSchedule
		from string
		want string
	}{
		{"quarter hours", sg.RefreshSchedule{Interval: sg.RefreshMinute15, Timezone: "Europe/Paris"}, "2026-03-10 10:07", "2026-03-10 10:15"},
		{"on a boundary: the next one", sg.RefreshSchedule{Interval: sg.RefreshMinute30, Timezone: "Europe/Paris"}, "2026-03-10 10:30", "2026-03-10 11:00"},
		{"hourly", sg.RefreshSchedule{Interval: sg.RefreshHourly, Timezone: "Asia/Kolkata"}, "2026-03-10 10:07", "2026-03-10 10:30"}, // UTC+5:30: local whole hours are half hours in Paris (UTC+1)
		{"daily, later today", sg.RefreshSchedule{Interval: sg.RefreshDaily, Timezone: "Europe/Paris", TimeOfTheDay: "18:00"}, "2026-03-10 10:07", "2026-03-10 18:00"},
		{"daily, tomorrow", sg.RefreshSchedule{Interval: sg.RefreshDaily, Timezone: "Europe/Paris", TimeOfTheDay: "06:30"}, "2026-03-10 10:07", "2026-03-11 06:30"},
		{"daily across the spring DST change", sg.RefreshSchedule{Interval: sg.RefreshDaily, Timezone: "Europe/Paris", TimeOfTheDay: "06:30"}, "2026-03-28 10:00", "2026-03-29 06:30"},
		{"weekly", sg.RefreshSchedule{Interval: sg.RefreshWeekly, Timezone: "Europe/Paris", TimeOfTheDay: "06:30", DayOfWeek: "MONDAY"}, "2026-03-10 10:07", "2026-03-16 06:30"},
		{"monthly", sg.RefreshSchedule{Interval: sg.RefreshMonthly, Timezone: "Europe/Paris", TimeOfTheDay: "06:30", DayOfMonth: "10"}, "2026-03-10 10:07", "2026-04-10 06:30"},
		{"last day of February", sg.RefreshSchedule{Interval: sg.RefreshMonthly, Timezone: "Europe/Paris", TimeOfTheDay: "23:00", DayOfMonth: "LAST_DAY_OF_MONTH"}, "2026-02-01 00:00", "2026-02-28 23:00"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got, want := nextRefresh(&c.s, paris(c.from)), paris(c.want); !got.Equal(want) {
				t.Fatalf("next after %s: %s, want %s", c.from, got.In(want.Location()), want)
			}
		})
	}
}

// FuzzRefreshSchedule: any schedule the checks accept has a next run
// after any time, within a year and a few days (within the interval for
// the minute intervals), and computing it never panics.
func FuzzRefreshSchedule(f *testing.F) {
	f.Add("DAILY", "Europe/Paris", "06:30", "", "", int64(1767225600), int64(1767225600))
	f.Add("WEEKLY", "America/New_York", "23:59", "SUNDAY", "", int64(0), int64(4102444800))
	f.Add("MONTHLY", "Australia/Lord_Howe", "02:30", "", "LAST_DAY_OF_MONTH", int64(1767225600), int64(1774000000))
	f.Add("MINUTE15", "Asia/Kathmandu", "", "", "", int64(1767225600), int64(1767225601))
	f.Add("HOURLY", "UTC", "", "", "", int64(-1), int64(253402300799))
	f.Fuzz(func(t *testing.T, interval, zone, timeOfDay, dayOfWeek, dayOfMonth string, start, from int64) {
		a := &App{Now: func() time.Time { return time.Unix(1767225600, 0) }}
		s := &sg.RefreshSchedule{ID: "s", DataSetID: "d", RefreshType: "FULL_REFRESH", Interval: interval, Timezone: zone,
			TimeOfTheDay: timeOfDay, DayOfWeek: dayOfWeek, DayOfMonth: dayOfMonth}
		if start > 0 && start < 253402300799 {
			s.StartAfter = time.Unix(start, 0)
		}
		if dayOfWeek != "" && dayOfWeek != "MONDAY" && dayOfWeek != "TUESDAY" && dayOfWeek != "WEDNESDAY" && dayOfWeek != "THURSDAY" && dayOfWeek != "FRIDAY" && dayOfWeek != "SATURDAY" && dayOfWeek != "SUNDAY" {
			return // the service model refuses other days
		}
		if dayOfMonth != "" && !reDayOfMonth.MatchString(dayOfMonth) {
			return // the service model refuses it
		}
		if err := a.checkRefreshSchedule(s); err != nil {
			return
		}
		if from < -62135596800 || from > 253402300799 {
			return
		}
		t0 := time.Unix(from, 0)
		next := nextRefresh(s, t0)
		limit := 400 * 24 * time.Hour
		if step, ok := minuteIntervals[s.Interval]; ok {
			limit = step
		}
		if !next.After(t0) || next.Sub(t0) > limit {
			t.Fatalf("%+v: next run after %s is %s", s, t0, next)
		}
		if !s.NextRunAt.After(s.StartAfter) {
			t.Fatalf("%+v: first run %s not after the start %s", s, s.NextRunAt, s.StartAfter)
		}
	})
}

// reDayOfMonth is the service model's DayOfMonth pattern.
var reDayOfMonth = regexp.MustCompile(`^(?:LAST_DAY_OF_MONTH|1[0-9]|2[0-8]|[12]|[3-9])$`)
