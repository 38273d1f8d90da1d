package providers

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"regexp"
	"strings"
)

// JSONProblem says in a user's words what is wrong with a JSON answer, given the error that
// decoding it gave: where the JSON breaks, or which field holds what kind of value where
// another belongs ("data.translations.translatedText is an object, not a string"). Go's own
// messages name Go types ("cannot unmarshal array into Go value of type struct {
// Translations *[]struct { ID json.RawMessage …"), which mean nothing to a user. Errors of
// encoding/json and of protojson (Google's v3 client) are reworded; any other error is
// returned as it is.
func JSONProblem(err error) string {
	var typ *json.UnmarshalTypeError
	var syn *json.SyntaxError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &typ):
		got := typ.Value
		if i := strings.IndexByte(got, ' '); i > 0 {
			got = got[:i] // "number 42": the kind only
		}
		what := "the answer"
		if typ.Field != "" {
			what = typ.Field
		}
		return fmt.Sprintf("%s is %s, not %s", what, jsonKind(got), goKind(typ.Type))
	case errors.Is(err, io.ErrUnexpectedEOF), strings.Contains(err.Error(), "unexpected end of JSON input"):
		return "the JSON ends before it is complete"
	case errors.As(err, &syn):
		return fmt.Sprintf("not valid JSON at byte %d (%s)", syn.Offset, strings.TrimPrefix(syn.Error(), "json: "))
	case errors.Is(err, io.EOF):
		return "no JSON at all"
	case strings.HasPrefix(err.Error(), "proto:"):
		msg := protoPosition.ReplaceAllString(strings.TrimSpace(strings.TrimPrefix(err.Error(), "proto:")), "")
		if m := protoInvalid.FindStringSubmatch(msg); m != nil {
			// "invalid value for string field translatedText: {"
			return fmt.Sprintf("%s is not a %s (it starts with %s)", m[2], m[1], m[3])
		}
		return msg
	}
	return err.Error()
}

// protoPosition is where protojson's messages say the error is: "(line 1:44): ".
var protoPosition = regexp.MustCompile(`^\(line \d+:\d+\):\s*`)

// protoInvalid is protojson's message for a value of the wrong kind.
var protoInvalid = regexp.MustCompile(`^invalid value for (\w+) field (\w+): (.*)$`)

// jsonKind names a JSON value's kind as encoding/json reports it ("object", "array", "number",
// "string", "bool") with its article.
func jsonKind(kind string) string {
	switch kind {
	case "object", "array":
		return "an " + kind
	case "bool":
		return "true or false"
	case "":
		return "a value"
	}
	return "a " + kind
}

// goKind names the JSON kind that decodes into t.
func goKind(t reflect.Type) string {
	if t == nil {
		return "what was expected"
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return "what was expected"
}
