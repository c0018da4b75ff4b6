package app

import (
	"strconv"
	"time"

	sg "github.com/sightglass/sightglass"
)

// minuteIntervals are the intervals that repeat within a day, run on the
// boundaries of their length (…:00, …:15, …:30 for MINUTE15).
var minuteIntervals = map[string]time.Duration{
	sg.RefreshMinute15: 15 * time.Minute,
	sg.RefreshMinute30: 30 * time.Minute,
	sg.RefreshHourly:   time.Hour,
}

// nextRefresh returns the first run of s strictly after t. The schedule
// has been validated (its zone loads, its time of day parses).
func nextRefresh(s *sg.RefreshSchedule, t time.Time) time.Time {
	loc, err := time.LoadLocation(s.Timezone)
	if err != nil {
		loc = time.UTC
	}
	if step, ok := minuteIntervals[s.Interval]; ok {
		// Boundaries in the zone's local clock: zones differ from UTC by
		// whole quarter hours, so truncating the local time is enough.
		local := t.In(loc)
		_, offset := local.Zone()
		shifted := local.Add(time.Duration(offset) * time.Second).UTC().Truncate(step)
		next := shifted.Add(-time.Duration(offset) * time.Second)
		for !next.After(t) {
			next = next.Add(step)
		}
		return next.UTC()
	}
	hour, minute := parseTimeOfDay(s.TimeOfTheDay)
	local := t.In(loc)
	y, m, d := local.Date()
	// At most a year and a few days ahead holds the next run of any
	// daily, weekly or monthly schedule.
	for i := 0; i < 400; i++ {
		day := time.Date(y, m, d+i, 0, 0, 0, 0, loc)
		if !runsOn(s, day) {
			continue
		}
		at := time.Date(day.Year(), day.Month(), day.Day(), hour, minute, 0, 0, loc)
		if at.After(t) {
			return at.UTC()
		}
	}
	return t.Add(24 * time.Hour).UTC() // unreachable for a valid schedule
}

// runsOn reports whether a daily, weekly or monthly schedule runs on day.
func runsOn(s *sg.RefreshSchedule, day time.Time) bool {
	switch s.Interval {
	case sg.RefreshWeekly:
		return day.Weekday().String() == titleDay(s.DayOfWeek)
	case sg.RefreshMonthly:
		if s.DayOfMonth == "LAST_DAY_OF_MONTH" {
			return day.AddDate(0, 0, 1).Day() == 1
		}
		n, _ := strconv.Atoi(s.DayOfMonth)
		return day.Day() == n
	}
	return true
}

// titleDay turns MONDAY into Monday (time.Weekday's names).
func titleDay(day string) string {
	if day == "" {
		return ""
	}
	b := []byte(day)
	for i := 1; i < len(b); i++ {
		if b[i] >= 'A' && b[i] <= 'Z' {
			b[i] += 'a' - 'A'
		}
	}
	return string(b)
}

// parseTimeOfDay reads HH:MM; ok is false unless it is a time of day.
func parseTimeOfDay(s string) (hour, minute int) {
	h, m, ok := splitTimeOfDay(s)
	if !ok {
		return 0, 0
	}
	return h, m
}

func splitTimeOfDay(s string) (hour, minute int, ok bool) {
	if len(s) != 5 || s[2] != ':' {
		return 0, 0, false
	}
	h, err1 := strconv.Atoi(s[:2])
	m, err2 := strconv.Atoi(s[3:])
	if err1 != nil || err2 != nil || h < 0 || h > 23 || m < 0 || m > 59 {
		return 0, 0, false
	}
	return h, m, true
}
