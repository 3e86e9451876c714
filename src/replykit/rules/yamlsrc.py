"""Safe YAML loading that remembers where every value came from.

PyYAML's ``safe_load`` forgets positions, so we compose the node graph and
convert it ourselves: each value's key path maps to its line and column, and
error messages can point at ``rules.yaml:14:9``. Aliases are expanded with a
budget so a "billion laughs" file fails fast instead of eating the memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from replykit.errors import Location, RulesError

KeyPath = tuple[str | int, ...]
_PLAIN_TAGS = ("tag:yaml.org,2002:map", "tag:yaml.org,2002:seq")

MAX_NODES = 200_000  # far above any real rules file, far below a YAML bomb
MAX_DEPTH = 64

try:  # the C composer is several times faster when libyaml is present
    _Loader: type[yaml.SafeLoader] = yaml.CSafeLoader  # type: ignore[attr-defined,assignment,unused-ignore]
except AttributeError:  # pragma: no cover - depends on the PyYAML build
    _Loader = yaml.SafeLoader


def format_keypath(path: KeyPath) -> str:
    """Render ``("tree", 2, "when")`` as ``tree[2].when``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass
class YamlDocument:
    """Plain Python data plus the position of every key path in the file."""

    data: Any
    filename: str
    positions: dict[KeyPath, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: KeyPath) -> Location:
        """Location of ``path``, or of its closest ancestor that has one."""
        probe = path
        while probe and probe not in self.positions:
            probe = probe[:-1]
        line, col = self.positions.get(probe, (0, 0))
        return Location(self.filename, line, col, format_keypath(path))


def load_yaml(text: str, filename: str) -> YamlDocument:
    """Parse ``text`` safely; raise :class:`RulesError` with a location on failure."""
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = exc.problem or exc.context or "invalid YAML"
        raise RulesError([(Location(filename, line, col), f"YAML syntax: {problem}")]) from None
    except yaml.YAMLError as exc:
        raise RulesError([(Location(filename), f"YAML syntax: {exc}")]) from None
    doc = YamlDocument(None, filename)
    if root is not None:
        doc.data = _Converter(doc).convert(root, (), 0)
    return doc


class _Converter:
    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self.budget = MAX_NODES
        self.constructor = yaml.SafeLoader("")  # only for scalar resolution

    def fail(self, node: yaml.Node, path: KeyPath, message: str) -> RulesError:
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        return RulesError([(Location(self.doc.filename, line, col, format_keypath(path)), message)])

    def convert(self, node: yaml.Node, path: KeyPath, depth: int) -> Any:
        self.budget -= 1
        if self.budget < 0:
            raise self.fail(node, path, f"file too large once aliases are expanded (over {MAX_NODES} values)")
        if depth > MAX_DEPTH:
            raise self.fail(node, path, f"nested deeper than {MAX_DEPTH} levels")
        self.doc.positions.setdefault(path, (node.start_mark.line + 1, node.start_mark.column + 1))
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN_TAGS:
            raise self.fail(node, path, f"unsupported YAML tag '{node.tag}'")
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, i), depth + 1) for i, item in enumerate(node.value)]
        try:
            return self.constructor.construct_object(node)
        except yaml.YAMLError as exc:
            raise self.fail(node, path, f"bad value: {getattr(exc, 'problem', exc)}") from None

    def mapping(self, node: yaml.MappingNode, path: KeyPath, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.fail(key_node, path, "keys must be plain scalars")
            if key_node.tag == "tag:yaml.org,2002:merge":  # PyYAML cannot even construct it
                raise self.fail(key_node, path, "merge keys (<<) are not supported")
            try:
                key = str(self.constructor.construct_object(key_node))
            except yaml.YAMLError as exc:
                raise self.fail(key_node, path, f"bad key: {getattr(exc, 'problem', exc)}") from None
            if key == "<<":
                raise self.fail(key_node, path, "merge keys (<<) are not supported")
            if key in result:
                raise self.fail(key_node, (*path, key), f"duplicate key '{key}'")
            child = (*path, key)
            self.doc.positions[child] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            result[key] = self.convert(value_node, child, depth + 1)
        return result
