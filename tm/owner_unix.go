//go:build unix

package tm

import (
	"errors"
	"os"
	"syscall"
)

// pidNamespace names the process-id space of this process ("pid:[4026531836]" on Linux), so
// that processes in two containers of one host name are never taken for each other; "" where
// the system does not say.
func pidNamespace() string {
	link, err := os.Readlink("/proc/self/ns/pid")
	if err != nil {
		return ""
	}
	return link
}

// processGone tells whether no process pid exists. A process of another user answers EPERM:
// alive.
func processGone(pid int) bool {
	return errors.Is(syscall.Kill(pid, 0), syscall.ESRCH)
}
