"""The data README's "Tables and columns" section, written from datapackage.json, so the README and the schema say
the same thing (``python -m notorious.data.readme`` rewrites it; a test holds the README to it). The Gaps section is
written the same way from gaps.csv (notorious.data.gaps)."""

from __future__ import annotations

import json
import sys

from ..paths import DATA_DIR
from .dataset import PARTIAL_DATE

README = DATA_DIR / "README.md"
HEADING = "## Tables and columns"
INTRO = (
    "One section per table, in the order of `datapackage.json`. The descriptions are copied from the schema, so the\n"
    'README and the file say the same thing. "Required"\n'
    "means the cell may not be empty. Where a column takes a partial ISO date, its pattern accepts `YYYY`, `YYYY-MM`\n"
    "or `YYYY-MM-DD`."
)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def allowed(field: dict) -> str:
    """What a column admits, as the README writes it."""
    c = field.get("constraints", {})
    if field.get("type") == "date":
        return "ISO date `YYYY-MM-DD`"
    if c.get("pattern") == PARTIAL_DATE:
        return "partial ISO date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`)"
    if "enum" in c:
        return ", ".join(f"`{v}`" for v in c["enum"])
    if "pattern" in c:
        return f"pattern `{_cell(c['pattern'])}`"
    parts = []
    if "minimum" in c:
        parts.append(f"at least {c['minimum']}")
    if "maximum" in c:
        parts.append(f"at most {c['maximum']}")
    if "maxLength" in c:
        parts.append(f"at most {c['maxLength']} characters")
    return ", ".join(parts)


def table_section(resource: dict) -> str:
    schema = resource["schema"]
    key = schema.get("primaryKey")
    key = [key] if isinstance(key, str) else key or []
    lines = [f"### {resource['name']}", "", f"`{resource['path']}`: {resource['title']}. {resource['description']}", ""]
    facts = []
    if key:
        facts.append("Primary key: " + ", ".join(f"`{k}`" for k in key) + ".")
    fks = schema.get("foreignKeys", [])
    if fks:
        facts.append(
            "Foreign keys: "
            + "; ".join(f"`{fk['fields']}` → `{fk['reference']['resource']}.{fk['reference']['fields']}`" for fk in fks)
            + "."
        )
    if facts:
        lines += [" ".join(facts), ""]
    lines += ["| column | type | required | allowed values or pattern | description |", "|---|---|---|---|---|"]
    for f in schema["fields"]:
        required = "yes" if f.get("constraints", {}).get("required") else "no"
        description = _cell(f.get("description", ""))
        lines.append(f"| `{f['name']}` | {f.get('type', 'string')} | {required} | {allowed(f)} | {description} |")
    return "\n".join(lines)


def tables_section(schema: dict) -> str:
    return "\n\n".join([HEADING, INTRO, *(table_section(r) for r in schema["resources"])]) + "\n\n"


def with_tables(readme: str, schema: dict) -> str:
    before, rest = readme.split(HEADING + "\n", 1)
    after = rest[rest.index("\n## ") + 1 :]
    return before + tables_section(schema) + after


def main() -> int:
    schema = json.loads((DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))
    README.write_text(with_tables(README.read_text(encoding="utf-8"), schema), encoding="utf-8")
    print("wrote the Tables and columns section of data/README.md from data/datapackage.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
