package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"syscall"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
	"golang.org/x/sys/unix"
)

func init() {
	// tabcomplete SHELL 'LINE' OUT types LINE and a Tab into an interactive bash or zsh on a
	// pseudo-terminal, with bitext's completion script loaded (./bitext.bash or ./bitext.zsh, zsh
	// after compinit), and writes the command line the Tab left to OUT. The scripts' functions,
	// called directly, cannot show what the shell does with their answer: whether a folder ends
	// in "/" or a space, how a name with a space is quoted, whether zsh's _files ran at all.
	scriptCmds["tabcomplete"] = func(ts *testscript.TestScript, neg bool, args []string) {
		if neg || len(args) != 3 {
			ts.Fatalf("usage: tabcomplete bash|zsh 'LINE' OUT")
		}
		line, err := tabComplete(ts, args[0], args[1])
		ts.Check(err)
		ts.Check(os.WriteFile(ts.MkAbs(args[2]), []byte(line+"\n"), 0o644))
	}
}

// tabComplete runs the shell and returns the line. The keys are typed at once: the shell reads
// them in order and completes before it reads the next, so no pause has to guess how long the
// completion takes. After the Tab, Ctrl-A and Ctrl-E wrap the line in an echo that prints it.
func tabComplete(ts *testscript.TestScript, shell, line string) (string, error) {
	var argv []string
	var setup string
	switch shell {
	case "bash":
		argv = []string{"bash", "--norc", "--noprofile", "-i"}
		setup = "source ./bitext.bash"
	case "zsh":
		argv = []string{"zsh", "-f", "-i"}
		setup = "bindkey -e; autoload -U compinit && compinit -u -D && source ./bitext.zsh"
	default:
		return "", fmt.Errorf("tabcomplete: unknown shell %q", shell)
	}
	ptm, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		return "", err
	}
	defer ptm.Close()
	if err := unix.IoctlSetPointerInt(int(ptm.Fd()), unix.TIOCSPTLCK, 0); err != nil {
		return "", err
	}
	n, err := unix.IoctlGetInt(int(ptm.Fd()), unix.TIOCGPTN)
	if err != nil {
		return "", err
	}
	pts, err := os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		return "", err
	}
	defer pts.Close()
	// A wide terminal: the shells must not wrap the line.
	if err := unix.IoctlSetWinsize(int(pts.Fd()), unix.TIOCSWINSZ, &unix.Winsize{Row: 50, Col: 400}); err != nil {
		return "", err
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Dir = ts.MkAbs(".")
	for _, k := range []string{"PATH", "HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME"} {
		cmd.Env = append(cmd.Env, k+"="+ts.Getenv(k))
	}
	cmd.Env = append(cmd.Env, "TERM=xterm", "PS1=$ ", "INPUTRC=/dev/null")
	cmd.Stdin, cmd.Stdout, cmd.Stderr = pts, pts, pts
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true, Setctty: true}
	if err := cmd.Start(); err != nil {
		return "", err
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	keys := setup + "\n" + line + "\t\x01echo \"LINE:\x05:END\"\nexit\n"
	if _, err := ptm.WriteString(keys); err != nil {
		return "", err
	}
	printed := regexp.MustCompile(`[\r\n]LINE:(.*):END\r?\n`)
	// The reads run in a goroutine: a pseudo-terminal opened with os.OpenFile takes no read
	// deadline, and a shell that never prints the line must fail the test, not hang it.
	chunks := make(chan []byte)
	go func() {
		defer close(chunks)
		for {
			buf := make([]byte, 4096)
			k, err := ptm.Read(buf)
			if k > 0 {
				chunks <- buf[:k]
			}
			if err != nil {
				return
			}
		}
	}()
	var out bytes.Buffer
	timeout := time.After(30 * time.Second)
	for {
		select {
		case c, ok := <-chunks:
			if !ok {
				return "", fmt.Errorf("tabcomplete %s %q: the shell ended without printing the line: %q", shell, line, out.String())
			}
			out.Write(c)
			if m := printed.FindSubmatch(out.Bytes()); m != nil {
				return string(m[1]), nil
			}
			continue
		case <-timeout:
		}
		break
	}
	return "", fmt.Errorf("tabcomplete %s %q: no line printed; the terminal showed %q", shell, line, out.String())
}
