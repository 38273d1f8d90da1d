package openai

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
)

// zeroTemperatureKey marks a request context whose chat request must carry "temperature": 0.
type zeroTemperatureKey struct{}

// zeroTemperature is a request hook under go-openai: its ChatCompletionRequest.Temperature is a
// float32 with omitempty, so a temperature of exactly 0 never reaches the server, which then
// samples at its default of 1. When the context asks for it, the hook adds the field back.
type zeroTemperature struct{ base http.RoundTripper }

func (z *zeroTemperature) RoundTrip(req *http.Request) (*http.Response, error) {
	if on, _ := req.Context().Value(zeroTemperatureKey{}).(bool); !on || req.Body == nil || req.Method != http.MethodPost {
		return z.base.RoundTrip(req)
	}
	body, err := io.ReadAll(req.Body)
	req.Body.Close()
	if err != nil {
		return nil, err
	}
	body = withZeroTemperature(body)
	r := req.Clone(req.Context())
	r.Body = io.NopCloser(bytes.NewReader(body))
	r.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	r.ContentLength = int64(len(body))
	return z.base.RoundTrip(r)
}

// withZeroTemperature sets "temperature": 0 in a JSON object unless it already has a
// temperature; anything that is not a JSON object is returned unchanged.
func withZeroTemperature(body []byte) []byte {
	var m map[string]json.RawMessage
	if json.Unmarshal(body, &m) != nil || m == nil {
		return body
	}
	if _, ok := m["temperature"]; ok {
		return body
	}
	m["temperature"] = json.RawMessage("0")
	out, err := json.Marshal(m)
	if err != nil {
		return body
	}
	return out
}
