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
func CheckInputs(output string, inputs ...string) error {
	in, err := NewInputs(inputs...)
	if err != nil {
		return err
	}
	return in.Check(output)
}

// CheckFiles refuses an output that is one of files (after resolving links, as CheckInputs):
// for files a command reads and writes in place, such as a database, which an output folder
// may hold without harm since the outputs written into it have other names.
func CheckFiles(output string, files ...string) error {
	in, err := NewInputs(files...)
	if err != nil {
		return err
	}
	in.folders = false
	return in.Check(output)
}

// Inputs are a command's inputs resolved once, for checking many outputs against them
// (CheckInputs' rules): a folder translated into a folder checks each of its thousands of
// outputs against each input, and resolving every input's links for every output took four
// minutes for 3,175 files.
type Inputs struct {
	list    []resolvedInput
	folders bool // an output inside an input folder, or around an input, is refused too
}

type resolvedInput struct {
	name     string // as given
	resolved string // absolute, links resolved (see resolve)
	info     os.FileInfo
}

// NewInputs resolves inputs for Check.
func NewInputs(inputs ...string) (*Inputs, error) {
	s := &Inputs{folders: true, list: make([]resolvedInput, 0, len(inputs))}
	for _, in := range inputs {
		if in == "" {
			continue
		}
		if in == "-" {
			s.list = append(s.list, resolvedInput{name: in})
			continue
		}
		r, err := resolve(in)
		if err != nil {
			return nil, err
		}
		info, _ := os.Stat(in)
		s.list = append(s.list, resolvedInput{name: in, resolved: r, info: info})
	}
	return s, nil
}

// Check is CheckInputs for output against the inputs s holds.
func (s *Inputs) Check(output string) error {
	if output == "" || output == "-" {
		names := make([]string, len(s.list))
		for i, in := range s.list {
			names[i] = in.name
		}
		return checkStdout(names)
	}
	out, err := resolve(output)
	if err != nil {
		return err
	}
	outInfo, _ := os.Stat(output)
	for _, in := range s.list {
		if in.name == "-" {
			if outInfo != nil && stdin != nil {
				if inInfo, err := stdin.Stat(); err == nil && inInfo.Mode().IsRegular() && os.SameFile(outInfo, inInfo) {
					return &OverwriteError{Output: output, Input: "- (standard input, redirected from it)", How: "is"}
				}
			}
			continue
		}
		switch {
		case in.resolved == out || (outInfo != nil && in.info != nil && os.SameFile(outInfo, in.info)):
			return &OverwriteError{Output: output, Input: in.name, How: "is"}
		case !s.folders:
		case in.info != nil && in.info.IsDir() && within(out, in.resolved):
			return &OverwriteError{Output: output, Input: in.name, How: "lies inside"}
		case outInfo != nil && outInfo.IsDir() && within(in.resolved, out):
			// An existing input can lie only inside an output that exists, as a folder.
			return &OverwriteError{Output: output, Input: in.name, How: "contains"}
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
	// As a file inside it would be checked; the message names the folder given.
	if err := CheckTarget(filepath.Join(dir, "x")); err != nil {
		var te *TargetError
		if errors.As(err, &te) {
			te.Output = dir
		}
		return err
	}
	return nil
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
