package openai

import "github.com/bitext/bitext/providers"

// Describe declares what the CLI needs to know about this driver: credentials, flags, config
// keys and detection. Nothing outside this folder names OpenAI's variables.
func (Driver) Describe() providers.Info {
	return providers.Info{
		Name:    "openai",
		Summary: "OpenAI chat models, Azure OpenAI, and OpenAI-compatible servers (Ollama, vLLM, llama.cpp, OpenRouter)",
		KeyEnv: func(opts map[string]string) string {
			if opts[OptAzure] == "true" {
				return "AZURE_OPENAI_API_KEY"
			}
			return "OPENAI_API_KEY"
		},
		BaseURLEnv:      "OPENAI_BASE_URL",
		ModelEnv:        "OPENAI_MODEL",
		Env:             []string{"OPENAI_API_KEY", "OPENAI_BASE_URL", "OPENAI_MODEL", "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_ENDPOINT"},
		CredentialsHelp: "OPENAI_API_KEY (OPENAI_BASE_URL, OPENAI_MODEL), or AZURE_OPENAI_API_KEY and AZURE_OPENAI_ENDPOINT; a local server via --base-url needs none",
		DefaultModel:    DefaultModel,
		Options: []providers.Option{
			{Key: OptAzure, Flag: "azure", ConfigKey: "azure", Bool: true, Selects: true,
				Usage: "the OpenAI provider talks to Azure OpenAI (--base-url: the resource endpoint, --model: the deployment)"},
			{Key: OptAPIVersion, ConfigKey: "api_version", Usage: "Azure OpenAI API `VERSION`"},
			{Key: OptTemperature, ConfigKey: "temperature", Usage: "sampling `TEMPERATURE` from 0 to 2"},
			{Key: OptJSONMode, ConfigKey: "json_mode", Bool: true, Usage: "ask for JSON mode instead of a JSON schema"},
		},
		Detect: func(getenv func(string) string, f providers.FileSection) bool {
			return getenv("OPENAI_API_KEY") != "" || getenv("OPENAI_BASE_URL") != "" ||
				getenv("AZURE_OPENAI_API_KEY") != "" && getenv("AZURE_OPENAI_ENDPOINT") != "" ||
				f.APIKey != "" || f.BaseURL != ""
		},
		Priority:      10,
		ClaimsBaseURL: true,
	}
}
