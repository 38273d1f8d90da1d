package providers

import (
	"sort"
)

// Info is what a driver declares about itself, so that the CLI, the config file, the help text
// and the tests never name a provider: adding one is a folder and a blank import.
//
// A driver declares it by implementing Describer; Describe returns the registered driver's Info
// with Name filled in from Register when the driver leaves it empty.
type Info struct {
	Name string
	// Summary is one line for `bitext providers --help`.
	Summary string
	// KeyEnv is the environment variable holding the API key for the given options (e.g.
	// AZURE_OPENAI_API_KEY when Options["azure"] is "true"); it wins over a key in the config
	// file. Nil: the driver takes no key.
	KeyEnv func(opts map[string]string) string
	// BaseURLEnv and ModelEnv are environment variables the driver reads itself for its
	// endpoint and model; they win over the config file (flags win over them).
	BaseURLEnv string
	ModelEnv   string
	// Env lists every environment variable the driver reads (credentials, endpoints, models),
	// for help texts and for tests that must clear them all.
	Env []string
	// CredentialsHelp says in one line where credentials come from, for help texts.
	CredentialsHelp string
	// DefaultModel is the model used when none is given.
	DefaultModel string
	// Options are the driver-specific settings: each becomes a Config.Options entry, settable by
	// a flag, a key in the driver's config-file section, or both.
	Options []Option
	// Detect reports whether credentials (or an endpoint that needs none) for this driver are
	// around: in the environment, or in the driver's config-file section. The CLI picks the
	// detected driver with the lowest Priority when none is named.
	Detect   func(getenv func(string) string, file FileSection) bool
	Priority int
	// ClaimsBaseURL says that --base-url without a provider named means this driver (the
	// OpenAI-compatible servers: Ollama, vLLM, llama.cpp).
	ClaimsBaseURL bool
}

// Option is one driver-specific setting.
type Option struct {
	Key       string // the Config.Options key, e.g. "azure"
	Flag      string // the CLI flag, e.g. "azure"; "" when only the config file sets it
	ConfigKey string // the key in [providers.NAME], e.g. "api_version"; "" when only a flag sets it
	Usage     string // flag usage; a back-quoted word names the value, as in package flag
	Bool      bool   // a switch: "true" when set
	// Selects says that giving this flag, without a provider named, means this driver.
	Selects bool
	// Check, when set, refuses a value that cannot work, saying what is wanted (`"loud": want
	// …`), so that a front end can refuse it when it is given, before the driver is opened.
	Check func(value string) error
	// Values, when set, are the values the option takes, for a front end to offer (shell
	// completion); Check still decides.
	Values []string
}

// FileSection is a driver's section of the config file as the CLI read it.
type FileSection struct {
	APIKey  string
	BaseURL string
	Model   string
	// Options holds the driver's declared options found in the section, by Option.Key.
	Options map[string]string
}

// Describer is implemented by drivers that declare their Info. A driver without it gets an
// Info with only its name.
type Describer interface {
	Describe() Info
}

// Describe returns the Info of the named driver.
func Describe(name string) (Info, bool) {
	d, ok := Lookup(name)
	if !ok {
		return Info{}, false
	}
	var info Info
	if ds, ok := d.(Describer); ok {
		info = ds.Describe()
	}
	if info.Name == "" {
		info.Name = name
	}
	return info, true
}

// Infos returns the Info of every registered driver, sorted by Priority, then name.
func Infos() []Info {
	var out []Info
	for _, n := range Drivers() {
		info, _ := Describe(n)
		out = append(out, info)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Priority < out[j].Priority })
	return out
}

// EnvNames is every environment variable any registered driver reads, sorted and unique.
func EnvNames() []string {
	seen := map[string]bool{}
	var out []string
	for _, info := range Infos() {
		for _, e := range append(append([]string{}, info.Env...), info.BaseURLEnv, info.ModelEnv) {
			if e != "" && !seen[e] {
				seen[e] = true
				out = append(out, e)
			}
		}
	}
	sort.Strings(out)
	return out
}

// Detect returns the name of the first driver, by Priority, whose Detect finds credentials;
// "" when none does. files maps driver names to their config-file sections.
func Detect(getenv func(string) string, files map[string]FileSection) string {
	for _, info := range Infos() {
		if info.Detect != nil && info.Detect(getenv, files[info.Name]) {
			return info.Name
		}
	}
	return ""
}
