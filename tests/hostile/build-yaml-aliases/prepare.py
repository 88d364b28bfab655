"""A few hundred bytes of anchors and aliases that expand to 10^9 strings."""

from pathlib import Path


def prepare(folder: Path) -> None:
    lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]']
    lines += [f'a{i}: &a{i} [' + ', '.join([f'*a{i - 1}'] * 10) + ']' for i in range(1, 10)]
    (folder / 'annotations' / 'entities.yaml').write_text('\n'.join(lines) + '\n')
