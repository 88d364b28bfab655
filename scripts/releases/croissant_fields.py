"""croissant.json's record sets, against the manifest's tables (attack15).

mlcroissant reads each field from the FileObject and column its `source` names; verify checked
only each FileObject's sha256 and the label sets. A croissant.json re-hashed in MANIFEST.json
whose `quotes/text` field read the `cue_text` column, whose quotes FileObject named the claims
file, or which dropped a field or a record set, verified ok. Each table of the manifest must
have a record set whose fields are its columns, each read by name from the table's own
FileObject (`<table>-parquet`, a file under `data/<table>/`), as releases/croissant.py writes."""

from __future__ import annotations

from landstrikes.releases.manifest import Problem


def record_set_problems(document, manifest: dict) -> list[Problem]:
    from landstrikes.releases.croissant import file_id
    from landstrikes.releases.manifest_checks import _short

    if not isinstance(document, dict):
        return []  # unreadable: reported as such by the caller
    record_sets, objects = _by_id(document.get("recordSet")), _by_id(document.get("distribution"))
    problems = []
    for table, statement in manifest["tables"].items():
        columns = [c.get("name") for c in statement.get("columns", []) if isinstance(c, dict)] if isinstance(statement, dict) else []
        where = f"croissant.json#{_short(str(table))}"
        if not columns:
            continue
        obj = objects.get(file_id(table))
        url = obj.get("contentUrl") if isinstance(obj, dict) else None
        if not (isinstance(url, str) and url.startswith(f"data/{table}/")):
            problems.append(Problem("witness-mismatch", where, f"croissant.json's FileObject {file_id(table)} names "
                                    f"{_short(str(url))}, not a file of the table"))
        rs = record_sets.get(table)
        fields = rs.get("field") if isinstance(rs, dict) else None
        if not isinstance(fields, list):
            problems.append(Problem("witness-mismatch", where, "croissant.json has no record set for the table"))
            continue
        if set(rs) - RECORD_SET_KEYS:  # inline `data` stands in for the files: mlcroissant failed on it (attack19)
            problems.append(Problem("witness-mismatch", where, f"croissant.json's record set carries keys croissant.py "
                                    f"does not write ({_short(str(sorted(set(rs) - RECORD_SET_KEYS)))})"))
        read = {}
        types = {c.get("name"): c.get("type") for c in statement.get("columns", []) if isinstance(c, dict)}
        for field in fields:
            source = field.get("source") if isinstance(field, dict) else None
            source = source if isinstance(source, dict) else {}
            file_ref, extract = source.get("fileObject"), source.get("extract")
            name = field.get("name") if isinstance(field, dict) else None
            name = name if isinstance(name, str) else repr(name)  # (a forged list or mapping names no column)
            if (not isinstance(file_ref, dict) or file_ref.get("@id") != file_id(table)
                    or not isinstance(extract, dict) or extract.get("column") != name):
                problems.append(Problem("witness-mismatch", f"{where}/{_short(str(name))}",
                                        f"croissant.json reads the field from {_short(str(file_ref))} column "
                                        f"{_short(str(extract))}, not column {_short(str(name))} of {file_id(table)}"))
            elif name in types and (why := _read_otherwise(field, types[name])):
                problems.append(Problem("witness-mismatch", f"{where}/{_short(name)}", why))
            read[name] = True
        missing = [c for c in columns if c not in read]
        extra = [n for n in read if n not in columns]
        if missing or extra:
            problems.append(Problem("witness-mismatch", where, f"croissant.json's record set has fields {_short(str(extra))} "
                                    f"the table lacks and lacks columns {_short(str(missing))}"))
    return problems


RECORD_SET_KEYS = {"@type", "@id", "name", "description", "key", "field"}
"""What releases/croissant.py writes in a table's record set (its label sets' inline `data` is theirs)."""

FIELD_KEYS = {"@type", "@id", "name", "description", "dataType", "source", "repeated", "references"}
"""What releases/croissant.py writes in a table's field; a source is exactly its file and column."""


def _read_otherwise(field: dict, column_type) -> str | None:
    """Why mlcroissant would hand out other values than the column's, or None (attack19): a field
    whose source carried `transform: {regex: '^(.{0,5})'}`, re-hashed, verified ok and mlcroissant
    returned five characters of every quote; a dataType or `repeated` other than the column's
    type, or any key croissant.py does not write, changes what it returns too."""
    from landstrikes.releases.croissant import DATA_TYPES
    from landstrikes.releases.manifest_checks import _short

    source = field["source"]
    if set(source) != {"fileObject", "extract"} or set(source["fileObject"]) != {"@id"} or set(source["extract"]) != {"column"}:
        return f"croissant.json's source of the field carries more than its file and column ({_short(str(source))})"
    extra = set(field) - FIELD_KEYS
    if extra:
        return f"croissant.json's field carries keys croissant.py does not write ({_short(str(sorted(extra)))})"
    if field.get("dataType") != DATA_TYPES.get(column_type) or bool(field.get("repeated")) != (column_type == "string_list") \
            or field.get("repeated", True) is not True:
        return (f"croissant.json's field is read as {_short(str(field.get('dataType')))}"
                f"{' repeated' if field.get('repeated') else ''}, the column is {_short(str(column_type))}")
    return None


def _by_id(items) -> dict:
    """A list of JSON-LD nodes by their string `@id`; a node whose id is no string (a forged list or
    mapping, unhashable: review15) is no table's, so the table is reported as lacking its node."""
    if not isinstance(items, list):
        return {}
    return {node["@id"]: node for node in items if isinstance(node, dict) and isinstance(node.get("@id"), str)}
