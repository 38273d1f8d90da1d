package qa

import (
	"regexp"
	"strings"
)

// Dates and times written with digits and separators travel between languages unchanged more
// often than numbers do: software documentation keeps "25.10.2016, 17:00" and "28/2/2008 4:30
// PM" as they are, being examples of what a user types or sees. Such a token copied exactly to
// the other side is never a mismatch, and each side reads every digit notation of a date or
// time, not only its own language's: a German text has "17:00" without "Uhr" and an English
// "4:30 PM" in an example, an English one a German "09.06.2011".

var (
	// A stretch of digits joined by single separators, with an ISO time after a "T"
	// ("2012–03–01T08:00:00.00Z"): the unit copiedTokens compares.
	digitTokenRe = regexp.MustCompile(`\d+(?:[.,:/\x{2010}\x{2011}\x{2013}-]\d+)+(?:T\d+(?:[.,:]\d+)*Z?)?`)
	// After a time: a twelve-hour clock's marker, which says which hour the digits mean.
	meridiemAfterRe = regexp.MustCompile(`^\s?[AaPp]\.?\s?[Mm]\b`)
	// Shapes a date or time has in any language, so a copy reads the same to every reader.
	dottedDateShapeRe = regexp.MustCompile(`^\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})$`)
	isoDateShapeRe    = regexp.MustCompile(`^\d{4}[\x{2010}\x{2011}\x{2013}-]\d{1,2}[\x{2010}\x{2011}\x{2013}-]\d{1,2}(?:T|$)`)

	// ISO 8601 dates, with a time after "T" ("2012-03-01", "2012–03–01T08:00:00.00Z").
	isoDateRe = regexp.MustCompile(`\b(\d{4})[\x{2010}\x{2011}\x{2013}-](\d{1,2})[\x{2010}\x{2011}\x{2013}-](\d{1,2})(?:T(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?Z?)?\b`)
	// Day, month and year with slashes ("28/2/2008", "6/9/2011", "01/01/18").
	slashDateRe = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b`)
	// Day, month and year with dots in an English text ("09.06.2011"); a four-digit year, as
	// "1.2.10" is more often a version.
	enDottedDateRe = regexp.MustCompile(`\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b`)
	// hh:mm or hh:mm:ss (a decimal fraction of the seconds allowed), with a twelve-hour
	// clock's marker: "a.m."/"p.m." keep their final dot, a bare "PM." leaves it to the
	// sentence. The German reader takes the marker in capitals or with dots only, as "am"
	// there is a word ("um 10:00 am Montag").
	enColonTimeRe = regexp.MustCompile(`(?i)\b(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\b(?:\s?(?:([ap])\.\s?m\.|([ap])\.?\s?m\b))?`)
	deColonTimeRe = regexp.MustCompile(`\b(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\b(?:\s?(?:([aApP])\.\s?[mM]\.|([aApP])\.\s?[mM]\b|([AP])M\b|(p)m\b))?`)
)

// timeKeySeconds is timeKey with seconds, which only a time that has them says ("11:10:40";
// "11:20:00 Uhr" is the same time as "11:20").
func timeKeySeconds(h, m, s int) string {
	if s == 0 {
		return timeKey(h, m)
	}
	return timeKey(h, m) + ":" + twoDigits(s)
}

// twelveHour turns an hour of a twelve-hour clock with its marker into the hour of the day;
// ok is false for an hour no such clock has.
func twelveHour(h int, pm bool) (int, bool) {
	if h < 1 || h > 12 {
		return 0, false
	}
	switch {
	case pm && h < 12:
		return h + 12, true
	case !pm && h == 12:
		return 0, true
	}
	return h, true
}

// group returns submatch i of m in s, or "" when it did not take part.
func group(s string, m []int, i int) string {
	if m[2*i] < 0 {
		return ""
	}
	return s[m[2*i]:m[2*i+1]]
}

// clockTimes appends the times re (enColonTimeRe or deColonTimeRe: hours, minutes, seconds, then the
// marker in groups 4 and up) finds in s and returns s with them masked. A match that is no
// time of day ("40:00", "13 p.m.") is left to the number reader. A German time without a
// marker or "Uhr" may also be two numbers (a score "2:10"): the other side decides, the time
// first.
func clockTimes(s string, re *regexp.Regexp, alsoNumbers bool, out []mention) (string, []mention) {
	var read [][]int
	for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
		h, mi := atoi(group(s, m, 1)), atoi(group(s, m, 2))
		sec := atoi(group(s, m, 3))
		marker := ""
		for g := 4; 2*g < len(m); g++ {
			if x := group(s, m, g); x != "" {
				marker = strings.ToLower(x)
			}
		}
		if mi > 59 || sec > 59 {
			continue
		}
		if marker != "" {
			var ok bool
			if h, ok = twelveHour(h, marker == "p"); !ok {
				continue
			}
		} else if h > 24 {
			continue
		}
		text := s[m[0]:m[1]]
		mt := single(text, timeKeySeconds(h, mi, sec))
		if alsoNumbers && marker == "" {
			r := reading{{group(s, m, 1), numKey(float64(atoi(group(s, m, 1))))}, {group(s, m, 2), numKey(float64(mi))}}
			if m[6] >= 0 {
				r = append(r, numberMention{group(s, m, 3), numKey(float64(sec))})
			}
			mt = append(mt, r)
		}
		out = append(out, mt)
		read = append(read, m[:2])
	}
	return mask(s, read), out
}

// yearMention is the year of a date: a two-digit year is also the year of either century
// ("01/01/18" is 2018).
func yearMention(text string) mention {
	y := atoi(text)
	m := single(text, numKey(float64(y)))
	if len(text) == 2 {
		m = append(m, reading{{text, numKey(float64(2000 + y))}}, reading{{text, numKey(float64(1900 + y))}})
	}
	return m
}

// isoDates appends the ISO dates (and their times) of s and returns s with them masked.
func isoDates(s string, out []mention) (string, []mention) {
	var read [][]int
	for _, m := range isoDateRe.FindAllStringSubmatchIndex(s, -1) {
		month, day := atoi(group(s, m, 2)), atoi(group(s, m, 3))
		if month < 1 || month > 12 || day < 1 || day > 31 {
			continue
		}
		out = append(out, single(s[m[0]:m[7]], dateKey(month, day)), yearMention(group(s, m, 1)))
		if m[8] >= 0 {
			out = append(out, single(s[m[8]:m[1]], timeKeySeconds(atoi(group(s, m, 4)), atoi(group(s, m, 5)), atoi(group(s, m, 6)))))
		}
		read = append(read, m[:2])
	}
	return mask(s, read), out
}

// numericDates appends the dates re finds in s (groups: two day-or-month numbers and a year)
// and returns s with them masked. dayFirst says which order the writer most likely used; when
// both numbers can be a month, the other order is a further reading ("01/02/2008" is 1
// February in Britain and 2 January in the United States).
func numericDates(s string, re *regexp.Regexp, dayFirst bool, out []mention) (string, []mention) {
	var read [][]int
	for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
		a, b := atoi(group(s, m, 1)), atoi(group(s, m, 2))
		day, month := a, b
		if !dayFirst {
			day, month = b, a
		}
		if month > 12 {
			day, month = month, day
		}
		if day < 1 || day > 31 || month < 1 || month > 12 {
			continue
		}
		text := s[m[0]:m[5]]
		mt := single(text, dateKey(month, day))
		if day <= 12 && day != month {
			mt = append(mt, reading{{text, dateKey(day, month)}})
		}
		out = append(out, mt, yearMention(group(s, m, 3)))
		read = append(read, m[:2])
	}
	return mask(s, read), out
}

// copiedTokens masks, in both texts, the date and time tokens that one has exactly as the
// other does (same digits, same separators), pairing them one to one. Such a copy reads the
// same in either language and is never a mismatch. A number with only decimal or grouping
// separators ("2,5", "1.000") is no such token: copied into English it reads as another number.
// A time followed by a twelve-hour clock's marker is left to the readers, which compare it
// with the other side's hour ("4:30 PM" is "16:30").
func copiedTokens(source, target string) (string, string) {
	src := neutralTokens(source)
	if len(src) == 0 {
		return source, target
	}
	tgt := neutralTokens(target)
	var srcMask, tgtMask [][]int
	for text, locs := range src {
		other := tgt[text]
		for i := 0; i < min(len(locs), len(other)); i++ {
			srcMask = append(srcMask, locs[i])
			tgtMask = append(tgtMask, other[i])
		}
	}
	if len(srcMask) == 0 {
		return source, target
	}
	return mask(source, srcMask), mask(target, tgtMask)
}

// neutralTokens returns the places of the date and time tokens of s, by their text.
func neutralTokens(s string) map[string][][]int {
	if !strings.ContainsAny(s, ".:/-\u2010\u2011\u2013") {
		return nil
	}
	var out map[string][][]int
	for _, l := range digitTokenRe.FindAllStringIndex(s, -1) {
		text := s[l[0]:l[1]]
		if !neutral(text) || meridiemAfterRe.MatchString(s[l[1]:]) {
			continue
		}
		if out == nil {
			out = map[string][][]int{}
		}
		out[text] = append(out[text], l)
	}
	return out
}

// neutral says whether a digit token reads the same in German and English: a time, a date
// with slashes, dots or ISO's hyphens.
func neutral(text string) bool {
	return strings.ContainsAny(text, ":/") || dottedDateShapeRe.MatchString(text) || isoDateShapeRe.MatchString(text)
}
