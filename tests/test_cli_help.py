"""Every command's `--help` lists every exit code it can return (house rule: an exit code a user
cannot look up is undocumented), one code per line under "exit codes:"."""

from __future__ import annotations

import re

import pytest

from landstrikes.cli import main
from test_cli_contract import EXIT_CODES

CODES = {command: codes | {130, 141, 143} for command, codes in {**EXIT_CODES, "publish": {0, 1, 2}}.items()}
"""Every command also returns 130 (Ctrl-C), 141 (stdout's reader gone) and 143 (SIGTERM, attack63): a
truth review found no --help naming the first two."""


@pytest.mark.parametrize("command", sorted(CODES))
def test_help_lists_every_exit_code_of_the_command(command, capsys):
    with pytest.raises(SystemExit) as done:
        main([command, "--help"])
    assert done.value.code == 0
    text = capsys.readouterr().out
    assert "exit codes:" in text, f"`{command} --help` has no exit codes"
    listed = {int(n) for n in re.findall(r"^\s+(\d+)\s{2,}\S", text.split("exit codes:", 1)[1], re.M)}
    assert CODES[command] <= listed, f"`{command} --help` lists {sorted(listed)}, the command returns {sorted(CODES[command])}"


def test_the_top_level_help_names_every_code_the_commands_share(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert all(str(code) in text.split("exit codes:", 1)[1] for code in (0, 1, 2, 3, 130, 141, 143))


def _options_without_help() -> list[str]:
    """Every `command --option` whose --help line would be a bare flag (newuser43: `stats --dataset`)."""
    import argparse

    from landstrikes.cli import parser

    bare = []
    for group in parser()._subparsers._group_actions:
        for command, sub in group.choices.items():
            bare += [f"{command} {'/'.join(a.option_strings) or a.dest}" for a in sub._actions
                     if not isinstance(a, argparse._HelpAction) and not (a.help or "").strip()]
    return bare


def test_every_option_of_every_command_says_what_it_is_for():
    assert _options_without_help() == []
