package outfile

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// OverwriteError says that an output would destroy or mix with an input.
type OverwriteError struct {
	Output, Input string
	How           string // "is", "contains" or "lies inside"
}

func (e *OverwriteError) Error() string {
	if strings.HasPrefix(e.Output, "- (standard output") {
		return fmt.Sprintf("output %s %s input %s: refusing to write over the input; redirect the output elsewhere", e.Output, e.How, e.Input)
	}
	return fmt.Sprintf("output %s %s input %s: refusing to write over the input; choose another -o", e.Output, e.How, e.Input)
}

// stdin and stdout are standard input and output, as CheckInputs sees them (tests replace
// them).
var stdin, stdout = os.Stdin, os.Stdout

// CheckInputs refuses an output path that is, contains, or lies inside one of the inputs,
// after resolving symbolic links (and hard links, for files that exist). An input named "-" is
// standard input: it conflicts with an output only when the shell redirected it from that very
// file ("bitext translate - -o a.txt < a.txt" would truncate a.txt before reading it). An
// output of "" or "-" is standard output: it conflicts with an input only when the shell
// redirected it to that very file ("bitext segment a.txt >> a.txt" read its own output back
// and grew a.txt until the disk was full, as cat refuses to: "input file is output file").
func CheckInputs(output string, inputs ...string) error { return check(output, true, inputs) }

// CheckFiles refuses an output that is one of files (after resolving links, as CheckInputs):
// for files a command reads and writes in place, such as a database, which an output folder
// may hold without harm since the outputs written into it have other names.
func CheckFiles(output string, files ...string) error { return check(output, false, files) }

// check is CheckInputs; without folders, only an output that is an input is refused.
func check(output string, folders bool, inputs []string) error {
	if output == "" || output == "-" {
		return checkStdout(inputs)
	}
	out, err := resolve(output)
	if err != nil {
		return err
	}
	outInfo, _ := os.Stat(output)
	for _, in := range inputs {
		if in == "-" {
			if outInfo != nil && stdin != nil {
				if inInfo, err := stdin.Stat(); err == nil && inInfo.Mode().IsRegular() && os.SameFile(outInfo, inInfo) {
					return &OverwriteError{Output: output, Input: "- (standard input, redirected from it)", How: "is"}
				}
			}
			continue
		}
		if in == "" {
			continue
		}
		rin, err := resolve(in)
		if err != nil {
			return err
		}
		inInfo, _ := os.Stat(in)
		switch {
		case rin == out || (outInfo != nil && inInfo != nil && os.SameFile(outInfo, inInfo)):
			return &OverwriteError{Output: output, Input: in, How: "is"}
		case !folders:
		case within(out, rin):
			return &OverwriteError{Output: output, Input: in, How: "lies inside"}
		case within(rin, out):
			return &OverwriteError{Output: output, Input: in, How: "contains"}
		}
	}
	return nil
}

// within reports whether path p lies strictly inside folder dir.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != "." && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// resolve makes p absolute with every symbolic link of its existing part resolved; the part
// that does not exist yet is appended as written.
func resolve(p string) (string, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", err
	}
	var rest []string
	cur := abs
	for {
		r, err := filepath.EvalSymlinks(cur)
		if err == nil {
			return filepath.Join(append([]string{r}, rest...)...), nil
		}
		// Not there yet, or not reachable (a file where a folder should be, no permission): such a
		// path cannot be an existing input either, and writing reports it properly.
		parent := filepath.Dir(cur)
		if parent == cur {
			return abs, nil
		}
		rest = append([]string{filepath.Base(cur)}, rest...)
		cur = parent
	}
}

// TargetError says that an output file cannot be written where it is named: the name is a
// folder, or a file stands where its folder would be created.
type TargetError struct {
	Output string
	Why    string
}

func (e *TargetError) Error() string { return fmt.Sprintf("output %s: %s", e.Output, e.Why) }

// CheckTarget refuses, before any work, an output file that could only fail when it is written
// or committed: a name that is an existing folder (the rename over it failed after the whole run,
// with "file exists"), one whose folder cannot be created because a file stands on its path, or
// one whose nearest existing folder this process may not write into.
// A folder that does not exist yet is fine: Create makes it. "" and "-" (standard output) pass.
func CheckTarget(output string) error {
	if output == "" || output == "-" {
		return nil
	}
	if st, err := os.Stat(output); err == nil && st.IsDir() {
		return &TargetError{output, "is a folder; give a file name"}
	}
	for dir := filepath.Dir(output); ; dir = filepath.Dir(dir) {
		st, err := os.Stat(dir)
		if err == nil {
			if !st.IsDir() {
				return &TargetError{output, fmt.Sprintf("%s is a file, not a folder", dir)}
			}
			if err := writable(dir); err != nil {
				// Found at the end, the run's work (and a provider's bill) was lost.
				return &TargetError{output, fmt.Sprintf("cannot write into %s: %v", dir, err)}
			}
			return nil
		}
		if !os.IsNotExist(err) && !errors.Is(err, syscall.ENOTDIR) { // ENOTDIR: a file further up
			return &TargetError{output, err.Error()}
		}
		if parent := filepath.Dir(dir); parent == dir {
			return nil
		}
	}
}

// CheckFolder refuses, before any work, an output folder that could only fail when the first
// file is written into it: a file stands at its name or on its path, or the nearest existing
// folder on its path may not be written into. "" passes.
func CheckFolder(dir string) error {
	if dir == "" || dir == "-" {
		return nil
	}
	if st, err := os.Stat(dir); err == nil {
		if !st.IsDir() {
			return &TargetError{dir, "is a file, not a folder"}
		}
		if err := writable(dir); err != nil {
			return &TargetError{dir, fmt.Sprintf("cannot write into it: %v", err)}
		}
		return nil
	}
	return CheckTarget(filepath.Join(dir, "x"))
}

// checkStdout refuses inputs that are the regular file standard output is redirected to.
func checkStdout(inputs []string) error {
	if stdout == nil {
		return nil
	}
	outInfo, err := stdout.Stat()
	if err != nil || !outInfo.Mode().IsRegular() {
		return nil // a terminal, a pipe, /dev/null: nothing to overwrite
	}
	const name = "- (standard output, redirected to it)"
	for _, in := range inputs {
		var inInfo os.FileInfo
		switch in {
		case "":
			continue
		case "-":
			if stdin == nil {
				continue
			}
			inInfo, err = stdin.Stat()
		default:
			inInfo, err = os.Stat(in)
		}
		if err == nil && inInfo.Mode().IsRegular() && os.SameFile(outInfo, inInfo) {
			if in == "-" {
				in = "- (standard input, redirected from the same file)"
			}
			return &OverwriteError{Output: name, Input: in, How: "is"}
		}
	}
	return nil
}
