"""croissant.json of a release: MLCommons Croissant 1.0 JSON-LD for every table, column and key.

One FileObject per Parquet file (with its sha256), one RecordSet per table whose Fields extract
the Parquet columns, `references` for every foreign key (schema/crosschecks.py FOREIGN_KEYS) and
for every closed label set (an inline enumeration RecordSet per labelled column).

A key into the same table (quotes.parent_quote_id, claims.contradicted_by) is named in the
field's description instead: Croissant readers turn `references` into joins, and mlcroissant
refuses a record set that joins itself (a cycle in its operation graph).
"""

from __future__ import annotations

from landstrikes.releases import citation
from landstrikes.schema.columns import TableSpec
from landstrikes.schema.crosschecks import FOREIGN_KEYS

CONFORMS_TO = "http://mlcommons.org/croissant/1.0"
# The standard Croissant 1.0 @context (as in the specification's examples).
CONTEXT = {
    "@language": "en",
    "@vocab": "https://schema.org/",
    "citeAs": "cr:citeAs",
    "column": "cr:column",
    "conformsTo": "dct:conformsTo",
    "cr": "http://mlcommons.org/croissant/",
    "rai": "http://mlcommons.org/croissant/RAI/",
    "data": {"@id": "cr:data", "@type": "@json"},
    "dataType": {"@id": "cr:dataType", "@type": "@vocab"},
    "dct": "http://purl.org/dc/terms/",
    "equivalentProperty": "cr:equivalentProperty",
    "examples": {"@id": "cr:examples", "@type": "@json"},
    "extract": "cr:extract",
    "field": "cr:field",
    "fileProperty": "cr:fileProperty",
    "fileObject": "cr:fileObject",
    "fileSet": "cr:fileSet",
    "format": "cr:format",
    "includes": "cr:includes",
    "isLiveDataset": "cr:isLiveDataset",
    "jsonPath": "cr:jsonPath",
    "key": "cr:key",
    "md5": "cr:md5",
    "parentField": "cr:parentField",
    "path": "cr:path",
    "recordSet": "cr:recordSet",
    "references": "cr:references",
    "regex": "cr:regex",
    "repeated": "cr:repeated",
    "replace": "cr:replace",
    "samplingRate": "cr:samplingRate",
    "sc": "https://schema.org/",
    "separator": "cr:separator",
    "source": "cr:source",
    "subField": "cr:subField",
    "transform": "cr:transform",
}
DATA_TYPES = {"string": "sc:Text", "int": "sc:Integer", "float": "sc:Float", "bool": "sc:Boolean", "string_list": "sc:Text"}


def file_id(table: str) -> str:
    return f"{table}-parquet"


def label_set_id(table: str, column: str) -> str:
    return f"labels-{table}-{column}"


def croissant(
    version: str, date: str, tables: list[TableSpec], files: dict[str, tuple[str, str]]
) -> dict:
    """tables: specs of the tables released; files: table -> (relative Parquet path, sha256)."""
    present = {spec.name for spec in tables}
    return {
        "@context": CONTEXT,
        "@type": "sc:Dataset",
        "name": "landstrikes",
        "description": citation.DESCRIPTION,
        "conformsTo": CONFORMS_TO,
        "version": version,
        "datePublished": date,
        "license": citation.licenses(),
        "creator": {"@type": "sc:Organization", "name": citation.CREATOR},
        "citeAs": citation.bibtex(version, int(date[:4])),
        "inLanguage": "en",
        "keywords": ["quotation attribution", "stance detection", "claim detection", "news"],
        "distribution": [_file_object(spec.name, *files[spec.name]) for spec in tables],
        "recordSet": [rs for spec in tables for rs in _record_sets(spec, present)],
    }


def _file_object(table: str, path: str, sha256: str) -> dict:
    return {
        "@type": "cr:FileObject",
        "@id": file_id(table),
        "name": file_id(table),
        "description": f"The {table} table.",
        "contentUrl": path,
        "encodingFormat": "application/x-parquet",
        "sha256": sha256,
    }


def _record_sets(spec: TableSpec, present: set[str]) -> list[dict]:
    references, self_references = {}, {}
    for table, column, ref_table, ref_column in FOREIGN_KEYS:
        if table == spec.name and ref_table in present:
            target = self_references if ref_table == spec.name else references
            target[column] = f"{ref_table}/{ref_column}"
    fields, label_sets = [], []
    for col in spec.columns:
        field = {
            "@type": "cr:Field",
            "@id": f"{spec.name}/{col.name}",
            "name": col.name,
            "description": col.description
            + (" Null allowed." if col.nullable else "")
            + (f" References {self_references[col.name]}." if col.name in self_references else ""),
            "dataType": DATA_TYPES[col.type],
            "source": {"fileObject": {"@id": file_id(spec.name)}, "extract": {"column": col.name}},
        }
        if col.type == "string_list":
            field["repeated"] = True
        if col.name in references:
            field["references"] = {"field": {"@id": references[col.name]}}
        elif col.labels is not None:
            label_sets.append(_label_set(spec.name, col.name, col.labels))
            field["references"] = {"field": {"@id": f"{label_set_id(spec.name, col.name)}/label"}}
        fields.append(field)
    table = {
        "@type": "cr:RecordSet",
        "@id": spec.name,
        "name": spec.name,
        "description": spec.row_meaning,
        "key": {"@id": f"{spec.name}/{spec.id_column}"},
        "field": fields,
    }
    return [table, *label_sets]


def _label_set(table: str, column: str, labels: tuple[str, ...]) -> dict:
    rs = label_set_id(table, column)
    return {
        "@type": "cr:RecordSet",
        "@id": rs,
        "name": rs,
        "description": f"The closed label set of {table}.{column} (ANNOTATION_GUIDELINES.md).",
        "dataType": "sc:Enumeration",
        "key": {"@id": f"{rs}/label"},
        "field": [{"@type": "cr:Field", "@id": f"{rs}/label", "name": "label", "dataType": "sc:Text"}],
        "data": [{f"{rs}/label": label} for label in labels],
    }
