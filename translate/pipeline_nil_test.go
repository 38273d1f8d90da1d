package translate

import (
	"context"
	"errors"
	"testing"
)

// TestRunNil: a nil sink or document sequence is an error, not a panic in a goroutine the
// caller cannot recover.
func TestRunNil(t *testing.T) {
	var tr Translator
	if _, err := tr.Run(context.Background(), nil, func(*Result) error { return nil }); !errors.Is(err, errNilRun) {
		t.Errorf("Run with nil documents: %v", err)
	}
	if _, err := tr.RunInputs(context.Background(), inputsOf(nil), nil); !errors.Is(err, errNilRun) {
		t.Errorf("RunInputs with a nil sink: %v", err)
	}
}
