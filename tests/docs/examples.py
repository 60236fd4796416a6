"""The examples of the user documentation, read from the Markdown, and how an answer is
compared with the output the documentation shows.

The convention (docs/README-style, invisible once rendered):

- An **example** is a fenced `sh` block that calls the API (a `curl` or `http` command,
  and the documentation's base URL, `http://127.0.0.1:8000`), or a fenced `python`
  block. `YOUR_TOKEN` stands for a curator's token: the tests use a real one.
  Every example runs, in the order of the document: Python blocks share one namespace,
  as in a reader's session (the research guide's helpers are defined once).
- `<!-- example: skip REASON -->` on the line before an example keeps it from running;
  the reason is shown in the Markdown source (a write that needs a token, a generated SDK).
- Its **shown output** is the fenced `json` or `text` block that follows it, with only
  blank lines between. It is compared with what the example printed:
  - `json`: the same values, with `…` standing for what is cut: a `…` line in an object
    stands for the keys not shown, in a list for the items not shown (those shown must
    come in the same order), `"…"` for any value, and a string ending in `…` for any
    string that starts the same. An object or list with no `…` must match exactly.
  - `text`: line by line, trailing spaces ignored; a line `…` stands for any lines, a `…`
    within a line for any text.
- `<!-- output: unchecked REASON -->` before a shown output leaves it uncompared (an
  answer that changes with the clock). An example whose output is not shown must still
  succeed: every HTTP status it meets is below 400.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BASE_URL = "http://127.0.0.1:8000"
ELLIPSIS = "…"
SKIP = re.compile(r"<!--\s*example:\s*skip\b(.*?)-->")
UNCHECKED = re.compile(r"<!--\s*output:\s*unchecked\b(.*?)-->")
FENCE = re.compile(r"^```(\w*)\s*$")
COMMAND = re.compile(r"^\s*(\w+=\S*\s+)*(curl|http)\s", re.MULTILINE)
# The documents' placeholder for a curator's API token: the tests put a real one there.
TOKEN_PLACEHOLDER = "YOUR_TOKEN"


@dataclass
class Block:
    language: str
    code: str
    line: int  # of the opening fence, 1-based
    marker: str  # the HTML comment on the line before the fence, or ""


@dataclass
class Example:
    document: Path
    block: Block
    output: Block | None  # the shown output, None when not shown or unchecked
    skip_reason: str | None

    @property
    def where(self) -> str:
        return f"{self.document.name}:{self.block.line}"


def fenced_blocks(text: str) -> list[Block]:
    lines = text.split("\n")
    blocks, index = [], 0
    while index < len(lines):
        opening = FENCE.match(lines[index])
        if not opening:
            index += 1
            continue
        end = index + 1
        while end < len(lines) and not lines[end].startswith("```"):
            end += 1
        previous = lines[index - 1].strip() if index else ""
        blocks.append(
            Block(
                language=opening.group(1),
                code="\n".join(lines[index + 1 : end]),
                line=index + 1,
                marker=previous if previous.startswith("<!--") else "",
            )
        )
        index = end + 1
    return blocks


def is_example(block: Block) -> bool:
    if block.language == "python":
        return True
    return block.language == "sh" and BASE_URL in block.code and bool(COMMAND.search(block.code))


def examples(document: Path) -> list[Example]:
    """The document's examples, in order, each with its shown output."""
    text = document.read_text(encoding="utf-8")
    lines = text.split("\n")
    blocks = fenced_blocks(text)
    found = []
    for position, block in enumerate(blocks):
        if not is_example(block):
            continue
        skip = SKIP.search(block.marker)
        output = None
        following = blocks[position + 1] if position + 1 < len(blocks) else None
        if following is not None and following.language in ("json", "text"):
            closing = block.line + block.code.count("\n") + 1  # 0-based index of ```
            between = lines[closing + 1 : following.line - 1]
            adjacent = all(not line.strip() or line.strip().startswith("<!--") for line in between)
            if adjacent and not UNCHECKED.search(following.marker):
                output = following
        found.append(
            Example(
                document=document,
                block=block,
                output=output,
                skip_reason=skip.group(1).strip() if skip else None,
            )
        )
    return found


# --- Shown JSON -------------------------------------------------------------------------

ANY_KEY = "…"


def shown_json(text: str) -> Any:
    """Parse shown JSON in which `…` marks what is cut (see the module's docstring)."""
    out: list[str] = []
    stack: list[str] = []
    in_string = escaped = False
    for index, char in enumerate(text):
        if in_string:
            out.append(char)
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        if char == '"':
            in_string = True
        elif char in "[{":
            stack.append(char)
        elif char in "]}":
            stack.pop()
        elif char == ELLIPSIS:
            before = "".join(out).rstrip()
            after = text[index + 1 :].lstrip()
            lead = "" if before.endswith(("[", "{", ",")) else ","
            token = f'"{ANY_KEY}": "{ELLIPSIS}"' if stack and stack[-1] == "{" else f'"{ELLIPSIS}"'
            trail = "," if after and after[0] not in "]}," else ""
            out.append(lead + token + trail)
            continue
        out.append(char)
    # An answer cut at its end is closed as it was opened, each open list or object
    # standing for more than it shows.
    text = "".join(out).rstrip().rstrip(",")
    for opened in reversed(stack):
        if opened == "{":
            text += ("" if text.endswith("{") else ",") + f'"{ANY_KEY}": "{ELLIPSIS}"}}'
        else:
            text += ("" if text.endswith("[") else ",") + f'"{ELLIPSIS}"]'
    return json.loads(text)


def json_mismatch(shown: Any, actual: Any, path: str = "$") -> str | None:
    """Where the actual answer differs from the shown one, or None when it matches."""
    if shown == ELLIPSIS:
        return None
    if isinstance(shown, str) and shown.endswith(ELLIPSIS) and isinstance(actual, str):
        prefix = shown[: -len(ELLIPSIS)].rstrip()
        return (
            None if actual.startswith(prefix) else f"{path}: {actual!r} does not start {prefix!r}"
        )
    if isinstance(shown, dict):
        if not isinstance(actual, dict):
            return f"{path}: expected an object, got {actual!r}"
        keys = [key for key in shown if key != ANY_KEY]
        missing = [key for key in keys if key not in actual]
        if missing:
            return f"{path}: missing {missing}"
        if ANY_KEY not in shown and set(keys) != set(actual):
            return f"{path}: not shown: {sorted(set(actual) - set(keys))}"
        for key in keys:
            problem = json_mismatch(shown[key], actual[key], f"{path}.{key}")
            if problem:
                return problem
        return None
    if isinstance(shown, list):
        if not isinstance(actual, list):
            return f"{path}: expected a list, got {actual!r}"
        items = [item for item in shown if item != ELLIPSIS]
        if len(items) == len(shown):
            if len(items) != len(actual):
                return f"{path}: {len(actual)} items, {len(items)} shown"
            for number, (item, value) in enumerate(zip(items, actual, strict=True)):
                problem = json_mismatch(item, value, f"{path}[{number}]")
                if problem:
                    return problem
            return None
        position = 0
        for item in items:  # each shown item in order, possibly with others between
            while position < len(actual) and json_mismatch(item, actual[position]):
                position += 1
            if position == len(actual):
                return f"{path}: no item matches {json.dumps(item, ensure_ascii=False)[:200]}"
            position += 1
        return None
    if shown != actual or type(shown) is not type(actual):
        return f"{path}: shown {shown!r}, got {actual!r}"
    return None


# --- Shown text -------------------------------------------------------------------------


def text_pattern(shown: str) -> re.Pattern[str]:
    parts = []
    for line in shown.rstrip("\n").split("\n"):
        if line.strip() == ELLIPSIS:
            parts.append(r"(?:[^\n]*\n)*?")
            continue
        pieces = [re.escape(piece) for piece in line.rstrip().split(ELLIPSIS)]
        parts.append("[^\n]*?".join(pieces) + r"[ \t]*\n")
    return re.compile("".join(parts))


def text_mismatch(shown: str, actual: str) -> str | None:
    actual = "\n".join(line.rstrip() for line in actual.rstrip("\n").split("\n")) + "\n"
    if text_pattern(shown).fullmatch(actual):
        return None
    return f"shown:\n{shown}\n--- printed:\n{actual}"
