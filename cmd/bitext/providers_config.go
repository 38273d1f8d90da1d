package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/internal/outfile"
	"github.com/bitext/bitext/providers"
)

// providersFile is the part of the config file (TOML) about providers:
//
//	[providers]
//	default = "openai"
//
//	[providers.openai]
//	api_key = "sk-…"            # OPENAI_API_KEY wins when set
//	base_url = "http://localhost:11434/v1"
//	model = "llama3.1"
//	rate = 5                    # requests per second
//	tokens_per_minute = 200000
//	timeout = "90s"
//	temperature = 0.1           # a driver's own keys: see its Describe().Options
//
//	[providers.google]
//	api_key = "AIza…"           # GOOGLE_API_KEY wins when set
//	chars_per_minute = 600000
//
// Every [providers.NAME] section has the common keys of providerSection; the other keys are the
// ConfigKey of an option the driver NAME declares (providers.Info.Options). Any other key or
// table is reported (file:line:column), as a misspelt one would otherwise configure nothing.
type providersFile struct {
	Default  string
	Sections map[string]providerSection // by driver name
	path     string                     // the file read, "" when there was none
}

// providerSection is one [providers.NAME] table: the keys every driver shares, and the driver's
// own options (by Option.Key, formatted as Config.Options wants them).
type providerSection struct {
	APIKey          string            `toml:"api_key"`
	BaseURL         string            `toml:"base_url"`
	Model           string            `toml:"model"`
	Rate            float64           `toml:"rate"`
	CharsPerMinute  int               `toml:"chars_per_minute"`
	TokensPerMinute int               `toml:"tokens_per_minute"`
	Timeout         duration          `toml:"timeout"`
	Retries         int               `toml:"retries"`
	MaxRetryTime    duration          `toml:"max_retry_time"`
	AnswerCheck     string            `toml:"answer_check"` // basic or language (providers.OptAnswerCheck)
	Options         map[string]string `toml:"-"`
}

// check refuses the shared settings a section gives (defined says which) that cannot work, by
// the providers package's rules: 0 or fewer retries, a timeout of 0 or less, a rate of 0 or less.
func (sec providerSection) check(defined func(key string) bool) (key string, err error) {
	checks := []struct {
		key string
		err func() error
	}{
		{"rate", func() error { return providers.CheckRate(sec.Rate) }},
		{"chars_per_minute", func() error { return providers.CheckPerMinute(sec.CharsPerMinute) }},
		{"tokens_per_minute", func() error { return providers.CheckPerMinute(sec.TokensPerMinute) }},
		{"timeout", func() error { return providers.CheckTimeout(sec.Timeout.Duration) }},
		{"retries", func() error { return providers.CheckAttempts(sec.Retries) }},
		{"max_retry_time", func() error { return providers.CheckTimeout(sec.MaxRetryTime.Duration) }},
		{"answer_check", func() error { return providers.CheckAnswerCheck(sec.AnswerCheck) }},
	}
	for _, c := range checks {
		if !defined(c.key) {
			continue
		}
		if err := c.err(); err != nil {
			return c.key, err
		}
	}
	return "", nil
}

// commonKeys are the keys of providerSection, which no driver option may take.
var commonKeys = map[string]bool{"api_key": true, "base_url": true, "model": true, "rate": true, "chars_per_minute": true,
	"tokens_per_minute": true, "timeout": true, "retries": true, "max_retry_time": true, "answer_check": true}

// errWantDuration is what a duration that does not parse is told; decode gives it a place.
var errWantDuration = errors.New(`want a duration such as "30s" or "2m"`)

// duration reads "90s" or "2m" from TOML.
type duration struct{ time.Duration }

func (d *duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	if err != nil {
		return errWantDuration // the value is not repeated: a diagnostic never quotes the file
	}
	d.Duration = v
	return nil
}

func (f *providersFile) section(name string) providerSection {
	return f.Sections[name]
}

// fileSections is what providers.Detect needs of the file.
func (f *providersFile) fileSections() map[string]providers.FileSection {
	out := make(map[string]providers.FileSection, len(f.Sections))
	for name, sec := range f.Sections {
		out[name] = providers.FileSection{APIKey: sec.APIKey, BaseURL: sec.BaseURL, Model: sec.Model, Options: sec.Options}
	}
	return out
}

// decodeProviders fills f from the TOML document data. Errors name the file, the section and,
// where the parser knows it, the line; they never quote a value.
func (f *providersFile) decode(path, data string) error {
	var raw struct {
		Providers map[string]toml.Primitive `toml:"providers"`
	}
	md, err := toml.Decode(data, &raw)
	if err != nil {
		// Parse errors quote the offending text, which may be an API key: say where, not what.
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return fmt.Errorf("%s:%d:%d: %s", path, pe.Position.Line, pe.Position.Col, redactQuoted(pe.Message))
		}
		return fmt.Errorf("%s: %s", path, redactQuoted(err.Error()))
	}
	for _, key := range md.Undecoded() {
		// [providers] is all the file holds: anything else ("quiet = true", "[tm]", a
		// misspelt "[provider]") would configure nothing, silently.
		if len(key) > 0 && key[0] != "providers" {
			return unknownKeyError(path, data, key[:1], md.Type(key[0]) == "Hash", []string{"providers"}, "the file configures [providers] only")
		}
	}
	f.Sections = map[string]providerSection{}
	names := make([]string, 0, len(raw.Providers))
	for name := range raw.Providers {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		prim := raw.Providers[name]
		if name == "default" {
			if err := md.PrimitiveDecode(prim, &f.Default); err != nil {
				return fmt.Errorf("%s: providers.default: want a provider name", path)
			}
			if _, ok := providers.Lookup(f.Default); !ok && f.Default != "" {
				return fmt.Errorf("%s: providers.default: unknown provider %q (known: %s)", path, f.Default, strings.Join(providers.Drivers(), ", "))
			}
			continue
		}
		info, known := providers.Describe(name)
		if !known {
			// [providers.opnai] would configure nothing, silently.
			return unknownKeyError(path, data, []string{"providers", name}, md.Type("providers", name) == "Hash",
				append([]string{"default"}, providers.Drivers()...), "known: "+strings.Join(providers.Drivers(), ", "))
		}
		var sec providerSection
		if err := md.PrimitiveDecode(prim, &sec); err != nil {
			if line, col, key, what, ok := typeErrorAt(data, err); ok {
				return fmt.Errorf("%s:%d:%d: %s: %s", path, line, col, key, what)
			}
			var pe toml.ParseError
			if errors.As(err, &pe) && pe.Message == errWantDuration.Error() {
				line, col := pe.Position.Line, valueColumn(data, pe.Position.Line)
				return fmt.Errorf("%s:%d:%d: %s: %s", path, line, col, pe.LastKey, errWantDuration)
			}
			return fmt.Errorf("%s: [providers.%s]: %s", path, name, redactQuoted(err.Error()))
		}
		var all map[string]any
		if err := md.PrimitiveDecode(prim, &all); err != nil {
			return fmt.Errorf("%s: [providers.%s]: want a table", path, name)
		}
		if key, err := sec.check(func(key string) bool { return md.IsDefined("providers", name, key) }); err != nil {
			return valueError(path, data, []string{"providers", name, key}, err.Error())
		}
		sec.Options = map[string]string{}
		keys := make([]string, 0, len(all))
		for k := range all {
			keys = append(keys, k)
		}
		sort.Strings(keys) // the same key reported every time
		for _, k := range keys {
			v := all[k]
			if commonKeys[k] {
				continue
			}
			opt, ok := optionByConfigKey(info, k)
			if !ok {
				return unknownKeyError(path, data, []string{"providers", name, k}, false, configKeys(info), "known: "+strings.Join(configKeys(info), ", "))
			}
			val, ok := optionValue(v)
			if !ok {
				return valueError(path, data, []string{"providers", name, k}, "want a string, number or boolean")
			}
			if opt.Bool {
				if val != "true" && val != "false" {
					return valueError(path, data, []string{"providers", name, k}, "want true or false")
				}
				if val == "false" {
					continue
				}
			}
			sec.Options[opt.Key] = val
		}
		f.Sections[name] = sec
	}
	return nil
}

// unknownKeyError says where the file has a key (or table) nobody reads, and what was meant
// when one of the known names is close: "f.toml:2:1: providers.openai.modle: unknown key; did
// you mean model? (known: …)". known is what the key could have been; more, when not "",
// follows in parentheses.
func unknownKeyError(path, data string, key []string, table bool, known []string, more string) error {
	what, name := "unknown key", strings.Join(key, ".")
	if table {
		what, name = "unknown table", "["+name+"]"
	}
	last := key[len(key)-1]
	if s := closest(last, known); s != "" && s != last {
		if table {
			s = "[" + strings.Join(append(slices.Clone(key[:len(key)-1]), s), ".") + "]"
		}
		what += "; did you mean " + s + "?"
	}
	if more != "" {
		what += " (" + more + ")"
	}
	if line, col, ok := locateKey(data, key); ok {
		return fmt.Errorf("%s:%d:%d: %s: %s", path, line, col, name, what)
	}
	return fmt.Errorf("%s: %s: %s", path, name, what)
}

// valueError says that key's value is wrong, at the value's place when the key can be found:
// "f.toml:3:8: providers.openai.rate: must be positive".
func valueError(path, data string, key []string, what string) error {
	name := strings.Join(key, ".")
	if line, _, ok := locateKey(data, key); ok {
		return fmt.Errorf("%s:%d:%d: %s: %s", path, line, valueColumn(data, line), name, what)
	}
	return fmt.Errorf("%s: %s: %s", path, name, what)
}

// locateKey finds where the file defines key (a table or a key, by its full dotted path): the
// first line, as a table header ("[providers.opnai]") or a key ("modle = …", also dotted,
// under the current table), whose path starts with key. The column is that of the key's first
// character (for a header, of the name after "["). The TOML decoder reports no place for a key
// it was not asked for; this reads lines as a person writes them (no multi-line values).
func locateKey(data string, key []string) (line, col int, ok bool) {
	var table []string
	split := func(s string) []string {
		parts := strings.Split(s, ".")
		for i, p := range parts {
			parts[i] = strings.Trim(strings.TrimSpace(p), `"'`)
		}
		return parts
	}
	hasPrefix := func(path []string) bool {
		return len(path) >= len(key) && slices.Equal(path[:len(key)], key)
	}
	for i, raw := range strings.Split(data, "\n") {
		t := strings.TrimSpace(raw)
		start := len(raw) - len(strings.TrimLeft(raw, " \t"))
		switch {
		case t == "" || t[0] == '#':
			continue
		case t[0] == '[':
			header, _, _ := strings.Cut(t, "#")
			inner := strings.TrimLeft(strings.TrimSpace(header), "[")
			table = split(strings.TrimRight(inner, "] \t"))
			if hasPrefix(table) {
				name := start + (len(t) - len(strings.TrimLeft(t, "[ \t")))
				return i + 1, utf8.RuneCountInString(raw[:name]) + 1, true
			}
		default:
			if eq := strings.IndexByte(t, '='); eq > 0 {
				if hasPrefix(append(slices.Clone(table), split(t[:eq])...)) {
					return i + 1, utf8.RuneCountInString(raw[:start]) + 1, true
				}
			}
		}
	}
	return 0, 0, false
}

// valueColumn is the column of the value on line (1-based) of data: after "key =".
func valueColumn(data string, line int) int {
	lines := strings.Split(data, "\n")
	if line < 1 || line > len(lines) {
		return 1
	}
	text := lines[line-1]
	eq := strings.IndexByte(text, '=')
	if eq < 0 {
		return 1
	}
	v := eq + 1
	for v < len(text) && (text[v] == ' ' || text[v] == '\t') {
		v++
	}
	return utf8.RuneCountInString(text[:v]) + 1
}

func optionByConfigKey(info providers.Info, key string) (providers.Option, bool) {
	for _, o := range info.Options {
		if o.ConfigKey == key {
			return o, true
		}
	}
	return providers.Option{}, false
}

func configKeys(info providers.Info) []string {
	keys := make([]string, 0, len(commonKeys)+len(info.Options))
	for k := range commonKeys {
		keys = append(keys, k)
	}
	for _, o := range info.Options {
		if o.ConfigKey != "" {
			keys = append(keys, o.ConfigKey)
		}
	}
	sort.Strings(keys)
	return keys
}

// optionValue formats a TOML scalar the way Config.Options holds it.
func optionValue(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case bool:
		return strconv.FormatBool(v), true
	case int64:
		return strconv.FormatInt(v, 10), true
	case float64:
		return strconv.FormatFloat(v, 'g', -1, 64), true
	}
	return "", false
}

// configPath is --config (or BITEXT_CONFIG), else $XDG_CONFIG_HOME/bitext/config.toml; explicit
// says whether the user named it (a missing named file is an error, a missing default is not).
func configPath(c *cli.Context) (path string, explicit bool) {
	for _, ctx := range c.Lineage() {
		// An empty BITEXT_CONFIG counts as set for urfave/cli; it means "not given".
		if ctx.IsSet("config") && ctx.String("config") != "" {
			return ctx.String("config"), true
		}
	}
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", false
	}
	return filepath.Join(dir, "bitext", "config.toml"), false
}

// checkConfigExists is the app's Before: a config file named with --config or BITEXT_CONFIG
// must exist, whatever the command, even one that reads nothing from it (segment): a mistyped
// name would otherwise go unnoticed until a command that does.
//
// It also protects the config file (it may hold API keys) from every output of the command: -o
// naming it, or a link to it, is refused when the output is written (outfile.Protect).
func checkConfigExists(c *cli.Context) error {
	path, explicit := configPath(c)
	outfile.Protect(path)
	if !explicit {
		return nil
	}
	if _, err := os.Stat(path); err != nil {
		return inputError(fmt.Errorf("config file: %v", err))
	}
	return nil
}

// loadProvidersFile reads the providers part of the config file.
func loadProvidersFile(c *cli.Context) (*providersFile, error) {
	f := &providersFile{}
	path, explicit := configPath(c)
	if path == "" {
		return f, nil
	}
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && !explicit {
		return f, nil
	}
	if err != nil {
		return nil, inputError(fmt.Errorf("config file: %v", err))
	}
	if err := f.decode(path, string(data)); err != nil {
		return nil, inputError(err)
	}
	f.path = path
	if f.holdsKey() {
		warnReadable(c.App.ErrWriter, path)
	}
	return f, nil
}

// holdsKey says whether any provider section of the file has an API key.
func (f *providersFile) holdsKey() bool {
	for _, sec := range f.Sections {
		if sec.APIKey != "" {
			return true
		}
	}
	return false
}

// warnReadable warns, as ssh does for private keys, when a file holding a secret can be read by
// other users.
func warnReadable(w io.Writer, path string) {
	if _, done := warnedReadable.LoadOrStore(path, true); done {
		return // once a run: a command may read the file twice (providers, then the provider)
	}
	st, err := os.Stat(path)
	if err != nil || runtime.GOOS == "windows" {
		return
	}
	if perm := st.Mode().Perm(); perm&0o077 != 0 {
		fmt.Fprintf(w, "bitext: warning: %s holds an API key and is readable by other users (mode %04o); run: chmod 600 %s\n", path, perm, path)
	}
}

// warnedReadable holds the config files warnReadable has warned about in this process.
var warnedReadable sync.Map

// keyPath is a dotted TOML key, the one quoted thing a config diagnostic may repeat.
var keyPath = regexp.MustCompile(`^[a-z_]+(\.[a-z_]+)+$`)

// redactQuoted replaces every quoted part of a message ("…", '…' or `…`) with "«…»", so that a
// diagnostic about a config file never repeats its values.
// tomlTypeError is how the TOML decoder reports a value of the wrong type: a line and the key's
// path, but no column and no ParseError (toml v1.6).
var tomlTypeError = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]+)"\): incompatible types: TOML value has type (\w+); destination has type (\w+)`)

// typeErrorAt turns the decoder's error for a value of the wrong type into its place (line and
// the column of the value, found on that line of data) and a message in the config's words
// ("want a string, not an integer"), as syntax errors are reported: file:line:column. The
// value itself is never quoted (it may be a key).
func typeErrorAt(data string, err error) (line, col int, key, what string, ok bool) {
	m := tomlTypeError.FindStringSubmatch(err.Error())
	if m == nil {
		return 0, 0, "", "", false
	}
	line, _ = strconv.Atoi(m[1])
	key = m[2]
	if line < 1 || line > strings.Count(data, "\n")+1 {
		return 0, 0, "", "", false
	}
	col = valueColumn(data, line)
	kind := func(t string) string {
		switch t {
		case "int64", "int":
			return "an integer"
		case "float64", "float", "float32":
			return "a number"
		case "bool":
			return "true or false"
		case "string":
			return "a string"
		case "map", "map[string]interface {}":
			return "a table"
		case "slice", "[]interface {}":
			return "an array"
		}
		return t
	}
	return line, col, key, "want " + kind(m[4]) + ", not " + kind(m[3]), true
}

func redactQuoted(msg string) string {
	var b strings.Builder
	for len(msg) > 0 {
		i := strings.IndexAny(msg, "\"'`")
		if i < 0 {
			b.WriteString(msg)
			break
		}
		q := msg[i]
		j := strings.IndexByte(msg[i+1:], q)
		if j < 0 {
			b.WriteString(msg[:i])
			b.WriteString("«…»")
			break
		}
		b.WriteString(msg[:i])
		if quoted := msg[i+1 : i+1+j]; keyPath.MatchString(quoted) || syntaxOnly(quoted) {
			// A dotted key such as "providers.openai.rate", or the parser's punctuation
			// ("expected '.' or ']'", "got '\n'"), which no secret is made of.
			b.WriteString(msg[i : i+1+j+1])
		} else {
			b.WriteString("«…»")
		}
		msg = msg[i+1+j+1:]
	}
	return b.String()
}

// syntaxOnly reports whether a quoted part of a parser message is punctuation or an escape such
// as \n, never a value: it has no letter or digit, apart from an escape's one letter.
func syntaxOnly(q string) bool {
	if q == "" || len(q) > 4 {
		return false
	}
	if len(q) == 2 && q[0] == '\\' {
		return true
	}
	for _, r := range q {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}
