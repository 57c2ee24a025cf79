"""Where in a YAML data file a schema error is: the line of the node on the error's path.

The parsers check plain data (`parse(data)` works on any dict) and name each problem by
its path, e.g. "blocks[2].items[0].title: is required". Reading a file keeps YAML's node
tree beside the data, and `errors_locate` prefixes every error with the line of the
deepest node that exists on that path ("line 42: blocks[2].items[0].title: ...").
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

# "document", "version", "source.title", "themes[0].questions[1].text", ...
PATH_RE = re.compile(r"^[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+(?:\[\d+\])?)*$")
SEGMENT_RE = re.compile(r"([a-z_]+)|\[(\d+)\]")
LINE_PREFIX_RE = re.compile(r"^line (\d+): ")


def yaml_read(raw: bytes | str) -> tuple[Any, Node | None]:
    """The document as `yaml.safe_load` gives it, and its node tree (with line marks)."""
    loader = yaml.SafeLoader(raw)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()
    return data, root


def path_line(root: Node | None, path: str) -> int | None:
    """The 1-based line of the deepest node on `path` that the file has.

    A named step points at the line of its key ("title:"), an index at the list entry.
    "document" (the whole file) is the first line of the document.
    """
    if root is None:
        return None
    node, line = root, root.start_mark.line + 1
    if path == "document":
        return line
    for name, index in SEGMENT_RE.findall(path):
        if name:
            if not isinstance(node, MappingNode):
                break
            # YAML lets a later duplicate key win; so does this.
            pair = next(
                (
                    (k, v)
                    for k, v in reversed(node.value)
                    if isinstance(k, ScalarNode) and k.value == name
                ),
                None,
            )
            if pair is None:
                break
            line, node = pair[0].start_mark.line + 1, pair[1]
        else:
            if not isinstance(node, SequenceNode) or int(index) >= len(node.value):
                break
            node = node.value[int(index)]
            line = node.start_mark.line + 1
    return line


def error_locate(root: Node | None, error: str) -> str:
    """`error` with the line of the node its path names, if it names one."""
    if LINE_PREFIX_RE.match(error):
        return error
    path, sep, _ = error.partition(": ")
    line = path_line(root, path) if sep and PATH_RE.match(path) else None
    return f"line {line}: {error}" if line else error


def errors_locate(root: Node | None, errors: list[str]) -> list[str]:
    """Every error with its line, in the order of the file (errors without one first)."""
    located = [error_locate(root, error) for error in errors]
    return sorted(located, key=_line_of)


def _line_of(error: str) -> int:
    match = LINE_PREFIX_RE.match(error)
    return int(match.group(1)) if match else 0
