package main

import (
	"context"
	"os"

	"golang.org/x/sys/unix"
)

// watchStdout calls closed when standard output is a pipe whose reading end has been closed. It
// returns when ctx is done (the blocked poll is then left to the process's exit).
func watchStdout(ctx context.Context, closed func()) {
	st, err := os.Stdout.Stat()
	if err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		return
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		// Asking for no events still reports POLLERR, which a pipe's writing end gets when the
		// last reader is gone.
		fds := []unix.PollFd{{Fd: int32(os.Stdout.Fd()), Events: 0}}
		for {
			n, err := unix.Poll(fds, -1)
			if err == unix.EINTR {
				continue
			}
			if err != nil || n > 0 && fds[0].Revents&(unix.POLLERR|unix.POLLHUP|unix.POLLNVAL) != 0 {
				if err == nil {
					closed()
				}
				return
			}
		}
	}()
	select {
	case <-ctx.Done():
	case <-done:
	}
}
