package outfile

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"golang.org/x/sys/unix"
)

// openAnonymous opens an unnamed file in dir that the kernel removes unless it is linked.
func openAnonymous(dir string) (*os.File, error) {
	fd, err := unix.Open(dir, unix.O_TMPFILE|unix.O_WRONLY|unix.O_CLOEXEC, 0o600)
	if err != nil {
		return nil, err
	}
	return os.NewFile(uintptr(fd), filepath.Join(dir, "(anonymous)")), nil
}

// linkAnonymous gives the anonymous file f a hidden temporary name in dir and returns it.
// Linking through /proc/self/fd needs no privilege, unlike AT_EMPTY_PATH.
func linkAnonymous(f *os.File, dir, base string) (string, error) {
	src := "/proc/self/fd/" + strconv.Itoa(int(f.Fd()))
	for i := 0; ; i++ {
		tmp := filepath.Join(dir, fmt.Sprintf(".%s.%d.%d%s", base, os.Getpid(), i, tmpSuffix))
		err := unix.Linkat(unix.AT_FDCWD, src, unix.AT_FDCWD, tmp, unix.AT_SYMLINK_FOLLOW)
		if err == nil {
			return tmp, nil
		}
		if err != unix.EEXIST || i > 100 {
			return "", err
		}
	}
}

func processAlive(pid int) bool {
	err := unix.Kill(pid, 0)
	return err == nil || err == unix.EPERM
}
