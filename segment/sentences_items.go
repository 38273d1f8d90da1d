package segment

import "strings"

// Run-in enumerations: "1) … 2) …", "1.) …", "a) … b) …" written on one line split at each
// marker in sequence; a bare "1. " stays the business of numberEnds (it is also an ordinal).

// itemMarkerLen returns the length of an enumeration marker and the space after it at the
// start of t ("1) ", "12.) ", "a) ", "b.) "), or 0. A bare "1. " is not one here: it is also an
// ordinal or a sentence end, which numberEnds decides.
func itemMarkerLen(t string) int {
	k := 0
	for k < len(t) && k < 2 && isDigit(t[k]) {
		k++
	}
	if k == 0 && len(t) > 0 && 'a' <= t[0] && t[0] <= 'z' {
		k = 1
	}
	if k == 0 || k >= len(t) {
		return 0
	}
	if t[k] == '.' && k+1 < len(t) && t[k+1] == ')' {
		k++
	}
	if t[k] != ')' || k+1 >= len(t) || t[k+1] != ' ' {
		return 0
	}
	return k + 2
}

// nextParenItem reports whether next starts with the enumeration marker ("2) ", "b.) ") that
// follows the one the item starts with ("1) ", "a.) "): same kind, next value.
func nextParenItem(item, next string) bool {
	if itemMarkerLen(item) == 0 || itemMarkerLen(next) == 0 {
		return false
	}
	v, digit := markerValue(item)
	w, digit2 := markerValue(next)
	return digit == digit2 && w == v+1
}

// markerValue returns the number or letter a marker starts with and whether it is a number.
func markerValue(t string) (v int, digit bool) {
	k := 0
	for k < len(t) && k < 2 && isDigit(t[k]) {
		v = v*10 + int(t[k]-'0')
		k++
	}
	if k > 0 {
		return v, true
	}
	return int(t[0]), false
}

// dotItem returns the value of a list marker "N. " or "x. " at the start of t (1–99 or a
// letter a–z) and whether it is a digit marker; ok is false without one.
func dotItem(t string) (v int, digit, ok bool) {
	k := 0
	for k < len(t) && k < 2 && isDigit(t[k]) {
		v = v*10 + int(t[k]-'0')
		k++
	}
	digit = k > 0
	if k == 0 && len(t) > 0 && 'a' <= t[0] && t[0] <= 'z' {
		v, k = int(t[0]), 1
	}
	if k == 0 || k+1 >= len(t) || t[k] != '.' || t[k+1] != ' ' {
		return 0, false, false
	}
	return v, digit, true
}

// nextDotItem reports whether next starts with the list marker that follows the one the item
// starts with: "1. Erstens 2. Zweitens", "a. … b. …". Only the next value counts, so "im 2.
// Weltkrieg" inside an item that starts with "5." is no new item.
func nextDotItem(item, next string) bool {
	item = strings.TrimLeft(item, "•*-– ")
	v, digit, ok := dotItem(item)
	if !ok {
		return false
	}
	w, digit2, ok := dotItem(next)
	if !ok || digit != digit2 || w != v+1 {
		return false
	}
	// "1. FC Köln steigt in die 2. Liga ab": ordinals before their nouns, not list markers.
	return !digit || !ordinalBefore(item[strings.IndexByte(item, ' ')+1:]) && !ordinalBefore(next[strings.IndexByte(next, ' ')+1:])
}

// ordinalBefore reports whether t starts with a noun that follows ordinals ("Liga", "Mai").
func ordinalBefore(t string) bool {
	w := firstWord(t)
	return inSet(ordinalNounsDE, w) || inSet(monthsDE, w)
}
