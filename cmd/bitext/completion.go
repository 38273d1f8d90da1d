package main

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/bitext/bitext/corpus"
	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/glossary"
	"github.com/bitext/bitext/providers"
)

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell completion script",
		ArgsUsage: "bash|zsh|fish",
		Description: "Load it in your shell, e.g.\n" +
			"   bash: source <(bitext completion bash)   (in ~/.bashrc; bash 4.4 or later)\n" +
			"   zsh:  autoload -U compinit && compinit; source <(bitext completion zsh)   (in ~/.zshrc,\n" +
			"         compinit first: the script needs its compdef), or install it as _bitext in a\n" +
			"         folder of $fpath: bitext completion zsh > ~/.zfunc/_bitext\n" +
			"   fish: bitext completion fish > ~/.config/fish/completions/bitext.fish",
		BashComplete: func(c *cli.Context) {
			if c.NArg() == 0 {
				fmt.Fprintln(c.App.Writer, strings.Join(completionShells, "\n"))
			}
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usageErrorf("completion: name one shell: bash, zsh or fish")
			}
			w := c.App.Writer
			switch c.Args().First() {
			case "bash":
				_, err := fmt.Fprint(w, bashCompletion)
				return err
			case "zsh":
				_, err := fmt.Fprint(w, zshCompletion)
				return err
			case "fish":
				s, err := fishCompletion(c.App)
				if err != nil {
					return err
				}
				_, err = fmt.Fprint(w, s+fishChoices(c.App))
				return err
			default:
				return usageErrorf("completion: unknown shell %q (want bash, zsh or fish)", c.Args().First())
			}
		},
	}
}

// The bash and zsh scripts ask bitext itself for candidates through urfave/cli's hidden
// --generate-bash-completion flag, answered by completeFlagValue: one candidate a line, and the
// line ":files" when file names are what the word takes (a command's file operands, a flag's
// FILE value). The shell completes the file names itself, so that folders get their "/" and
// names with spaces are quoted as everywhere else in the shell.
//
// bash: "--format=<TAB>" arrives as the words "--format", "=" and "" (COMP_WORDBREAKS holds
// "="), or as one word "--format=" when it does not; both ask for --format's values. mapfile and
// the loop keep candidates whole (COMPREPLY=($(…)) split "mit leerzeichen.txt" in two), and
// compopt -o filenames makes bash quote the names and end a folder's with "/" instead of " ".
const bashCompletion = `# bash completion for bitext
_bitext_complete() {
  local cur prefix="" word line
  local -a words opts
  COMPREPLY=()
  cur="${COMP_WORDS[COMP_CWORD]}"
  words=("${COMP_WORDS[@]:0:COMP_CWORD}")
  if [[ "$cur" == "=" && "${words[-1]}" == -* ]]; then
    cur=""
  elif [[ "${words[-1]}" == "=" && "${words[-2]}" == -* ]]; then
    unset 'words[-1]'
  elif [[ "$cur" == --*=* ]]; then
    words+=("${cur%%=*}")
    prefix="${cur%%=*}="
    cur="${cur#*=}"
  fi
  if [[ -z "$prefix" && "$cur" == -* ]]; then
    # "--" would end the flags, and urfave/cli then completes nothing: ask with "-" instead.
    # BITEXT_COMPLETE_FLAG_NAME says the word before --generate-bash-completion is a flag
    # name being typed ("--s" of --src), not a flag whose value is asked for.
    word="$cur"
    [[ "$word" == "--" ]] && word="-"
    mapfile -t opts < <(BITEXT_COMPLETE_FLAG_NAME=1 "${words[@]}" "$word" --generate-bash-completion 2>/dev/null)
  else
    mapfile -t opts < <("${words[@]}" --generate-bash-completion 2>/dev/null)
  fi
  for line in "${opts[@]}"; do
    if [[ "$line" == ":files" ]]; then
      compopt -o filenames 2>/dev/null
      mapfile -t -O "${#COMPREPLY[@]}" COMPREPLY < <(compgen -f -- "$cur")
    elif [[ -n "$line" && "$line" == "$cur"* ]]; then
      COMPREPLY+=("$prefix$line")
    fi
  done
  return 0
}
complete -F _bitext_complete bitext
`

// zsh: installed as _bitext in $fpath, the file is the body of the function _bitext, which
// compinit autoloads: the first call defines _bitext and completes; sourced, it registers
// _bitext with compdef, which exists only once compinit has run (without it, one line says so
// instead of zsh's "command not found: compdef").
const zshCompletion = `#compdef bitext
_bitext() {
  local -a args opts cands
  local cur word line files=0
  cur=${words[CURRENT]}
  args=("${(@Q)words[1,CURRENT-1]}")
  if [[ "$cur" == --*=* ]]; then
    # --format=<TAB>: the values of --format, completed after the "=".
    args+=("${cur%%=*}")
    compset -P '*='
    opts=("${(@f)$("${args[@]}" --generate-bash-completion 2>/dev/null)}")
  elif [[ "$cur" == -* ]]; then
    word="$cur"
    [[ "$word" == "--" ]] && word="-"
    opts=("${(@f)$(BITEXT_COMPLETE_FLAG_NAME=1 "${args[@]}" "$word" --generate-bash-completion 2>/dev/null)}")
  else
    opts=("${(@f)$("${args[@]}" --generate-bash-completion 2>/dev/null)}")
  fi
  for line in "${opts[@]}"; do
    if [[ "$line" == ":files" ]]; then
      files=1
    elif [[ -n "$line" ]]; then
      cands+=("${line//:/\:}")
    fi
  done
  (( ${#cands} )) && _describe 'values' cands
  (( files )) && _files
  return 0
}
if [[ "${funcstack[1]}" == "_bitext" ]]; then
  _bitext "$@"
elif (( $+functions[compdef] )); then
  compdef _bitext bitext
else
  print -u2 "bitext: zsh completion needs compinit: run 'autoload -U compinit && compinit' before loading it"
fi
`

// completionShells are the shells `bitext completion` writes scripts for.
var completionShells = []string{"bash", "zsh", "fish"}

// flagChoices lists the values of flags that take one of a few words, by command path ("" for
// flags every command shares, "tm import") and flag name. Lists that a package owns come from
// it; TestFlagChoicesMatchHelp keeps the others in step with the flags' help texts.
var flagChoices = map[string]map[string]func() []string{
	"": {
		"provider":     providers.Drivers,
		"answer-check": words("basic", "language"),
	},
	"translate": {
		"format":        func() []string { return append([]string{"text", "markdown", "html"}, corpusFormats()...) },
		"input-format":  documentFormats,
		"unit":          words("sentence", "paragraph"),
		"glossary-mode": words("prompt", "mask", "native", "check", "off"),
	},
	"align": {
		"format":       func() []string { return alignFormats },
		"input-format": words("text", "markdown", "html"),
	},
	"check": {
		"format":       words("text", "json", "html"),
		"input-format": corpusFormats,
	},
	"report": {
		"format":   words("text", "json", "md", "html"),
		"tokenize": words("13a", "intl", "char", "none"),
		"smooth":   words("exp", "floor", "add-k", "none"),
		"metrics":  words("bleu", "chrf", "chrf++", "ter"),
	},
	"segment": {
		"format":       words("text", "jsonl"),
		"input-format": documentFormats,
		"lang":         words("de", "en"),
	},
	"glossary convert": {
		"to": words(string(glossary.TSV), string(glossary.CSV), string(glossary.TBX), string(glossary.TBX2), string(glossary.GoogleCSV), string(glossary.GoogleCSVSet), string(glossary.TMX)),
	},
	"tm export": {"format": corpusFormats},
	// The listing commands' --format (jsonFlags).
	"providers":  {"format": words("text", "json")},
	"tm stats":   {"format": words("text", "json")},
	"tm reviews": {"format": words("text", "json")},
	"review": {
		"output-format": corpusFormats,
		"input-format":  corpusFormats,
	},
	// Shard outputs carry document ids only in these two (corpus merge refuses the others).
	"corpus merge": {
		"format":       corpusFormats,
		"input-format": words(string(corpus.JSONL), string(corpus.TMX)),
	},
	"tm import": {
		"input-format": corpusFormats,
		"on-conflict":  words("newest", "first"),
	},
}

func words(w ...string) func() []string { return func() []string { return w } }

func corpusFormats() []string {
	var out []string
	for _, f := range corpus.Formats {
		out = append(out, string(f))
	}
	return out
}

// documentFormats are the input formats of translate and segment: text and the formats the
// document package reads (ParseFormat's canonical names).
func documentFormats() []string {
	out := []string{"text"}
	for _, f := range document.Formats {
		out = append(out, string(f))
	}
	return out
}

// choicesFor returns the values of the flag named (any of its names) of the command at path,
// and whether the flag has such a list.
func choicesFor(path []*cli.Command, flag cli.Flag) ([]string, bool) {
	var names []string
	for _, c := range path {
		names = append(names, c.Name)
	}
	name := flag.Names()[0]
	if f, ok := flagChoices[strings.Join(names, " ")][name]; ok {
		return f(), true
	}
	if f, ok := flagChoices[""][name]; ok {
		return f(), true
	}
	// A driver's own flags with a set of values (--deepl-formality), as the driver lists them.
	for _, info := range providers.Infos() {
		for _, o := range info.Options {
			if o.Flag == name && len(o.Values) > 0 {
				return o.Values, true
			}
		}
	}
	return nil, false
}

// completeFlagValue answers the completion requests of the bash and zsh scripts (the words typed
// so far, then urfave/cli's --generate-bash-completion) that urfave/cli would answer wrongly:
//   - a flag that takes a value: the flag's choices, ":files" for a file (the shell lists file
//     names), nothing for another free value (a number, a duration). urfave/cli would take the
//     request for a flag without its value;
//   - after a command: its subcommands, or ":files" when it takes file operands, or nothing.
//     urfave/cli offered "help" and "h" after every command, which shadowed the file names
//     (bitext segment <TAB> inserted "h").
//
// ok is false for requests left to urfave/cli: the commands of bitext itself, flag names, and
// commands with their own BashComplete (completion: the shells).
//
// typingFlag says that the last word is a flag name still being typed, which the scripts add
// (as urfave/cli's own do) so that urfave/cli lists the flags it begins: "--s" of "--src",
// "--smooth" of "--smooth-value". Such a request is never for a value, even when the word is
// a whole flag name or reads as a one-letter alias ("--s" as -s). The bash and zsh scripts set
// BITEXT_COMPLETE_FLAG_NAME for it; the words alone cannot tell "--smooth<TAB>" from
// "--smooth <TAB>". urfave/cli leaves a flag typed in full out of its list, so that word is
// answered here (ok false: urfave/cli adds the longer flags it begins).
func completeFlagValue(app *cli.App, args []string, typingFlag bool, w io.Writer) (ok bool) {
	n := len(args)
	if n < 2 || args[n-1] != "--generate-bash-completion" {
		return false
	}
	words := args[1 : n-1]
	// The command path: the words naming (sub)commands, flags and their values skipped.
	var path []*cli.Command
	cmds, flags := app.Commands, app.Flags
	last := len(words) - 1 // the flag whose value is asked for, or the last word before it
	for i := 0; i < last; i++ {
		a := words[i]
		if a == "--" {
			break // what follows is operands
		}
		if isFlag(a) {
			i += flagArity(flags, a)
			continue
		}
		c := findCommand(cmds, a)
		if c == nil {
			continue // a positional argument
		}
		path = append(path, c)
		cmds, flags = c.Subcommands, append(slices.Clip(c.Flags), app.Flags...)
	}
	if last >= 0 {
		a := words[last]
		if typingFlag {
			if spellsFlag(flags, a) {
				fmt.Fprintln(w, a)
			}
			return false
		}
		if isFlag(a) && !strings.Contains(a, "=") && a != "--" && !slices.Contains(words[:last], "--") {
			if f := lookupFlag(flags, a); f != nil && flagArity(flags, a) == 1 {
				if choices, ok := choicesFor(path, f); ok {
					for _, v := range choices {
						fmt.Fprintln(w, v)
					}
				} else if takesFile(f) {
					fmt.Fprintln(w, ":files")
				}
				return true
			}
		} else if c := findCommand(cmds, a); c != nil && !slices.Contains(words[:last], "--") {
			path = append(path, c)
		}
	}
	if len(path) == 0 {
		if last >= 0 && (words[last] == "help" || words[last] == "h") {
			// help takes a command's name (urfave/cli offered "help h").
			for _, c := range app.VisibleCommands() {
				if c.Name != "help" {
					fmt.Fprintln(w, c.Name)
				}
			}
			return true
		}
		if last >= 0 && isFlag(words[last]) {
			// After a global flag (bitext -q <TAB>) come the commands: urfave/cli would repeat
			// the flag, taking the request for flag names.
			for _, c := range app.VisibleCommands() {
				fmt.Fprintln(w, c.Name)
			}
			return true
		}
		return false // bitext's commands, help among them
	}
	cmd := path[len(path)-1]
	if cmd.BashComplete != nil {
		return false
	}
	if sub := fishCommands([]string{cmd.Name}, cmd.VisibleCommands()); len(sub) > 0 {
		for _, c := range sub {
			fmt.Fprintln(w, c.Name)
		}
		return true
	}
	if takesFileOperands(path) {
		fmt.Fprintln(w, ":files")
	}
	return true
}

// filePlaceholders are the value names (`FILE` in a flag's help) that stand for file names.
var filePlaceholders = []string{"FILE", "DIR", "GLOB", "BITEXT", "PREFIX"}

// valueName finds the name of a flag's value in its help: the first back-quoted word, as
// urfave/cli reads it.
var valueName = regexp.MustCompile("`([^`]*)`")

// takesFile reports whether the value of f is a file name: its help names the value FILE (or
// the like), or it has no value name and its help speaks of a file (--config).
func takesFile(f cli.Flag) bool {
	d, ok := f.(cli.DocGenerationFlag)
	if !ok {
		return false
	}
	usage := d.GetUsage()
	if m := valueName.FindStringSubmatch(usage); m != nil {
		return slices.Contains(filePlaceholders, m[1])
	}
	return regexp.MustCompile(`\bfile\b`).MatchString(usage)
}

// takesFileOperands reports whether the command at path takes operands other than its
// subcommands, as its usage line shows them (ArgsUsage, or what follows the command and its
// bracketed flags in UsageText): none for version or tm vacuum, IDs for glossary delete.
func takesFileOperands(path []*cli.Command) bool {
	cmd := path[len(path)-1]
	operands := strings.TrimSpace(cmd.ArgsUsage)
	if operands == "" && cmd.UsageText != "" {
		line, _, _ := strings.Cut(cmd.UsageText, "\n")
		operands = regexp.MustCompile(`\[[^]]*\]`).ReplaceAllString(line, "")
		for _, w := range strings.Fields(operands) {
			if w == "bitext" || slices.ContainsFunc(path, func(c *cli.Command) bool { return c.HasName(w) }) {
				operands = strings.Replace(operands, w, "", 1)
			}
		}
		operands = strings.TrimSpace(operands)
	}
	return operands != "" && !regexp.MustCompile(`^ID(\.\.\.)?$`).MatchString(operands)
}

// lookupFlag is the flag arg ("-f", "--format") names, or nil.
func lookupFlag(flags []cli.Flag, arg string) cli.Flag {
	name := strings.TrimLeft(arg, "-")
	for _, f := range flags {
		if slices.Contains(f.Names(), name) {
			return f
		}
	}
	return nil
}

// spellsFlag reports whether arg is one of flags written out in full: "--" and a long name, or
// "-" and a one-letter one. (The flag parser also takes "--s" for -s, but as a flag being
// typed "--s" begins the long names.)
func spellsFlag(flags []cli.Flag, arg string) bool {
	for _, f := range flags {
		for _, n := range f.Names() {
			if len(n) == 1 && arg == "-"+n || len(n) > 1 && arg == "--"+n {
				return true
			}
		}
	}
	return false
}

// fishCompletion is the fish script: urfave/cli's flag lines, each keyed on the full path of
// its command. urfave/cli's own script (App.ToFishCompletion) keys a command's lines on its
// last name (__fish_seen_subcommand_from delete), so tm delete was offered glossary delete's
// flags and the other way round, and a command's subcommands stayed on offer below it.
func fishCompletion(app *cli.App) (string, error) {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s fish shell completion\n\n", app.Name)
	b.WriteString(fishCommandFunction(app))
	root := app.VisibleFlags()
	if !app.HideHelp {
		root = withFlag(root, cli.HelpFlag)
	}
	if !app.HideVersion {
		root = withFlag(root, cli.VersionFlag)
	}
	var walk func(path []string, flags []cli.Flag, cmds []*cli.Command) error
	walk = func(path []string, flags []cli.Flag, cmds []*cli.Command) error {
		cond := fishCondition(app, path)
		lines, err := fishFlagLines(app, flags, cond)
		if err != nil {
			return err
		}
		b.WriteString(lines)
		for _, c := range cmds {
			fmt.Fprintf(&b, "complete -c %s -n '%s' -f -a '%s'", app.Name, cond, strings.Join(c.Names(), " "))
			if c.Usage != "" {
				fmt.Fprintf(&b, " -d '%s'", fishQuote(c.Usage))
			}
			b.WriteString("\n")
		}
		for _, c := range cmds {
			flags := c.VisibleFlags()
			if !c.HideHelp {
				flags = withFlag(flags, cli.HelpFlag)
			}
			p := append(slices.Clip(path), c.Name)
			if err := walk(p, flags, fishCommands(p, c.VisibleCommands())); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(nil, root, fishCommands(nil, app.VisibleCommands())); err != nil {
		return "", err
	}
	return b.String(), nil
}

// fishCommandFunction is the fish function the conditions call: __fish_bitext_command tm
// delete is true when the command line names bitext tm delete (or an alias of a name), none
// for bitext itself. It follows the words typed through the command tree; a word that names no
// subcommand of the command so far (a flag, a value, a file) is passed over.
func fishCommandFunction(app *cli.App) string {
	var b strings.Builder
	fn := "__fish_" + app.Name + "_command"
	fmt.Fprintf(&b, "function %s --description 'Test whether the %s command being completed is the one named'\n", fn, app.Name)
	b.WriteString("    set -l words (commandline -opc)\n    set -e words[1]\n    set -l path\n    for w in $words\n")
	b.WriteString("        switch (string join ' ' -- $path $w)\n")
	var walk func(path []string, cmds []*cli.Command)
	walk = func(path []string, cmds []*cli.Command) {
		for _, c := range cmds {
			var cases []string
			for _, n := range c.Names() {
				cases = append(cases, "'"+strings.Join(append(slices.Clip(path), n), " ")+"'")
			}
			p := append(slices.Clip(path), c.Name)
			fmt.Fprintf(&b, "            case %s\n                set path %s\n", strings.Join(cases, " "), strings.Join(p, " "))
			walk(p, fishCommands(p, c.VisibleCommands()))
		}
	}
	walk(nil, fishCommands(nil, app.VisibleCommands()))
	b.WriteString("        end\n    end\n    test \"$path\" = \"$argv\"\nend\n\n")
	return b.String()
}

// fishCommands are the commands the fish script completes at path: the help command that
// urfave/cli adds to the command it runs (here completion) is left out below bitext itself;
// --help is offered everywhere.
func fishCommands(path []string, cmds []*cli.Command) []*cli.Command {
	if len(path) == 0 {
		return cmds
	}
	return slices.DeleteFunc(slices.Clone(cmds), func(c *cli.Command) bool { return c.Name == "help" })
}

// fishCondition is the condition of the lines of the command at path ("tm", "delete").
func fishCondition(app *cli.App, path []string) string {
	return strings.TrimSpace("__fish_" + app.Name + "_command " + strings.Join(path, " "))
}

// fishFlagLines are urfave/cli's fish lines for flags, with the condition cond: urfave/cli
// writes them for an app that has only these flags, under a condition replaced here.
func fishFlagLines(app *cli.App, flags []cli.Flag, cond string) (string, error) {
	if len(flags) == 0 {
		return "", nil
	}
	s, err := (&cli.App{Name: app.Name, Flags: flags, HideHelp: true, HideVersion: true}).ToFishCompletion()
	if err != nil {
		return "", err
	}
	theirs := "-n '__fish_" + app.Name + "_no_subcommand'"
	var b strings.Builder
	files := map[string]bool{}
	for _, f := range flags {
		if takesFile(f) {
			files[f.Names()[0]] = true
		}
	}
	for _, line := range strings.Split(s, "\n") {
		if strings.HasPrefix(line, "complete ") {
			// The backticks that name a flag's value in --help ("`FILE`") are markup there, not
			// words of the description fish shows.
			line = strings.ReplaceAll(line, "`", "")
			// urfave/cli says -f (no files) for every flag: a file flag's value is a file
			// (fish's -F), as bash and zsh complete it.
			if m := fishLongName.FindStringSubmatch(line); m != nil && files[m[1]] {
				line = strings.Replace(line, " -f ", " -F ", 1)
			}
			b.WriteString(fishLongAliases(strings.Replace(line, theirs, "-n '"+cond+"'", 1)) + "\n")
		}
	}
	return b.String(), nil
}

// withFlag is flags with f added unless one of them has f's name (urfave/cli adds its help and
// version flags to the command's own once it has run).
func withFlag(flags []cli.Flag, f cli.Flag) []cli.Flag {
	for _, g := range flags {
		if slices.Contains(g.Names(), f.Names()[0]) {
			return flags
		}
	}
	return append(slices.Clip(flags), f)
}

// fishLongName finds a fish completion line's long flag name (-l glossary).
var fishLongName = regexp.MustCompile(` -l ([A-Za-z0-9][A-Za-z0-9-]*)`)

// fishQuote escapes s for fish single quotes.
func fishQuote(s string) string {
	return strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s)
}

// fishShortOfLong matches what urfave/cli writes for a flag's long aliases ("-s from"): fish
// takes -s for one-letter options only and would never offer --from or --src-lang.
var fishShortOfLong = regexp.MustCompile(` -s ([A-Za-z0-9][A-Za-z0-9-]+)`)

// fishLongAliases makes the long aliases of urfave/cli's fish script long options (-l).
func fishLongAliases(script string) string {
	return fishShortOfLong.ReplaceAllString(script, " -l $1")
}

// fishChoices adds the flag values to the fish script, whose urfave/cli lines complete only flag
// names (and file names after them).
func fishChoices(app *cli.App) string {
	var b strings.Builder
	b.WriteString("\n# flag values\n")
	b.WriteString("complete -c bitext -n '" + fishCondition(app, []string{"completion"}) + "' -f -a '" + strings.Join(completionShells, " ") + "'\n")
	var walk func(path []*cli.Command, cmds []*cli.Command)
	walk = func(path []*cli.Command, cmds []*cli.Command) {
		for _, c := range cmds {
			p := append(slices.Clip(path), c)
			for _, f := range c.Flags {
				vals, ok := choicesFor(p, f)
				if !ok {
					continue
				}
				var names []string
				for _, c := range p {
					names = append(names, c.Name)
				}
				line := fmt.Sprintf("complete -c bitext -n '%s' -l %s", fishCondition(app, names), f.Names()[0])
				for _, alias := range f.Names()[1:] {
					if len(alias) == 1 {
						line += " -s " + alias
					} else {
						line += " -l " + alias // --tok as well as --tokenize
					}
				}
				line += fmt.Sprintf(" -x -a '%s'\n", strings.Join(vals, " "))
				b.WriteString(line)
			}
			walk(p, c.Subcommands)
		}
	}
	walk(nil, app.Commands)
	return b.String()
}
