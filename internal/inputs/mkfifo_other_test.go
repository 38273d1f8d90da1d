//go:build !unix

package inputs

import "errors"

func syscallMkfifo(string) error { return errors.New("no named pipes here") }
