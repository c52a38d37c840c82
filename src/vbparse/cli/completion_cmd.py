"""vbparse completion bash : a bash completion script made from the parser itself, so it always
knows every command and option (no completion library needed)."""

from __future__ import annotations

import argparse

from .options import add_common_options

_SCRIPT = """# bash completion for vbparse: eval "$(vbparse completion bash)"
_vbparse() {{
    local cur="${{COMP_WORDS[COMP_CWORD]}}" cmd="${{COMP_WORDS[1]}}" words
    if [ "$COMP_CWORD" -eq 1 ]; then
        COMPREPLY=($(compgen -W "{commands} --help --version" -- "$cur"))
        return
    fi
    case "$cmd" in
{cases}
    esac
    if [[ "$cur" == -* ]]; then
        COMPREPLY=($(compgen -W "$words" -- "$cur"))
    else
        COMPREPLY=($(compgen -f -- "$cur"))
    fi
}}
complete -o filenames -F _vbparse vbparse
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "completion",
        help="print a shell completion script",
        description="Print a completion script for the shell: "
        'eval "$(vbparse completion bash)". Exit 0.',
    )
    p.add_argument("shell", choices=("bash",), help="the shell (bash)")
    add_common_options(p)
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from . import build_parser

    print(bash_script(build_parser()), end="")
    return 0


def bash_script(parser: argparse.ArgumentParser) -> str:
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    cases = []
    for name, command in sub.choices.items():
        options = [
            o for a in command._actions if a.help != argparse.SUPPRESS for o in a.option_strings
        ]
        cases.append(f'        {name}) words="{" ".join(options)}" ;;')
    return _SCRIPT.format(commands=" ".join(sub.choices), cases="\n".join(cases))
