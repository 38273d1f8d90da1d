package main

import (
	"fmt"

	"github.com/urfave/cli/v2"
)

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell completion script",
		ArgsUsage: "bash|zsh|fish",
		Description: "Load it in your shell, e.g.\n" +
			"   source <(bitext completion bash)\n" +
			"   bitext completion fish > ~/.config/fish/completions/bitext.fish",
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
				s, err := c.App.ToFishCompletion()
				if err != nil {
					return err
				}
				_, err = fmt.Fprint(w, s)
				return err
			default:
				return usageErrorf("completion: unknown shell %q (want bash, zsh or fish)", c.Args().First())
			}
		},
	}
}

// The bash and zsh scripts ask bitext itself for candidates through urfave/cli's hidden
// --generate-bash-completion flag.
const bashCompletion = `# bash completion for bitext
_bitext_complete() {
  local cur opts
  COMPREPLY=()
  cur="${COMP_WORDS[COMP_CWORD]}"
  if [[ "$cur" == "-"* ]]; then
    # "--" would end the flags, and urfave/cli then completes nothing: ask with "-" instead.
    local word="$cur"
    [[ "$word" == "--" ]] && word="-"
    opts=$("${COMP_WORDS[@]:0:$COMP_CWORD}" "${word}" --generate-bash-completion 2>/dev/null)
  else
    opts=$("${COMP_WORDS[@]:0:$COMP_CWORD}" --generate-bash-completion 2>/dev/null)
  fi
  COMPREPLY=($(compgen -W "${opts}" -- "${cur}"))
  [[ ${#COMPREPLY[@]} -eq 0 ]] && COMPREPLY=($(compgen -f -- "${cur}"))
  return 0
}
complete -o bashdefault -o default -F _bitext_complete bitext
`

const zshCompletion = `#compdef bitext
_bitext() {
  local -a opts
  local cur
  cur=${words[-1]}
  if [[ "$cur" == "-"* ]]; then
    local word="$cur"
    [[ "$word" == "--" ]] && word="-"
    opts=("${(@f)$(${words[@]:0:#words[@]-1} ${word} --generate-bash-completion 2>/dev/null)}")
  else
    opts=("${(@f)$(${words[@]:0:#words[@]-1} --generate-bash-completion 2>/dev/null)}")
  fi
  if [[ "${opts[1]}" != "" ]]; then
    _describe 'values' opts
  else
    _files
  fi
}
compdef _bitext bitext
`
