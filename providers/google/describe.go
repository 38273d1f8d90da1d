package google

import "github.com/bitext/bitext/providers"

// Describe declares what the CLI needs to know about this driver: credentials, flags, config
// keys and detection. Nothing outside this folder names Google's variables.
func (Driver) Describe() providers.Info {
	return providers.Info{
		Name:            "google",
		Summary:         "Google Cloud Translation v2 (v3 with a glossary resource)",
		KeyEnv:          func(map[string]string) string { return "GOOGLE_API_KEY" },
		Env:             []string{"GOOGLE_API_KEY", "GOOGLE_APPLICATION_CREDENTIALS", "CLOUDSDK_CONFIG"},
		CredentialsHelp: "GOOGLE_API_KEY or GOOGLE_APPLICATION_CREDENTIALS (or gcloud application default credentials)",
		DefaultModel:    DefaultModel,
		Options: []providers.Option{
			{Key: OptGlossary, Flag: "google-glossary", ConfigKey: "glossary", Selects: true,
				Usage: "Google v3 glossary `RESOURCE` (projects/P/locations/L/glossaries/G)"},
			{Key: OptTermSpans, ConfigKey: "term_spans", Usage: "\"dnt\": protect only do-not-translate terms"},
		},
		Detect: func(getenv func(string) string, f providers.FileSection) bool {
			return getenv("GOOGLE_API_KEY") != "" || getenv("GOOGLE_APPLICATION_CREDENTIALS") != "" || f.APIKey != ""
		},
		Priority: 20,
	}
}
