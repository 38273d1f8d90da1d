package main

// The provider drivers compiled in. Adding a provider is a folder under providers/ and one line
// here; nothing else in cmd/bitext names a provider.
import (
	_ "github.com/bitext/bitext/providers/deepl"  // registers "deepl"
	_ "github.com/bitext/bitext/providers/google" // registers "google"
	_ "github.com/bitext/bitext/providers/openai" // registers "openai"
)
