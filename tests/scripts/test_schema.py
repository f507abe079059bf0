#!/usr/bin/env python3
"""Validates the example CVs and RenderCV's files against data/vitae.schema.json.

Usage: test_schema.py [path/to/vitae]   (run from the repository root; the argument is ignored)

Checks, in order:
  1. the schema itself is a valid JSON Schema (draft-07);
  2. every data/examples/*.yaml|*.yml|*.json validates;
  3. every tests/compat/rendercv/**/*.yaml validates;
  4. deliberately wrong documents (unknown key, wrong type, bad date, ...) FAIL validation,
     so a schema that accepts anything cannot pass.
Exits 1 with one line per problem when any check fails.
"""
import copy
import glob
import json
import os
import sys

import jsonschema
import re

import yaml

from script_support import CORPUS, with_corpus_status

SCHEMA_PATH = "data/vitae.schema.json"
EXAMPLES_GLOB = "data/examples/*"
JSON_RESUME_SCHEMA = "tests/compat/jsonresume/schema.json"
RENDERCV_DIR = CORPUS
DESIGN_KEYS_CPP = "src/load/design_keys.cpp"
NOT_YET = "not applied yet"


class PlainLoader(yaml.SafeLoader):
    """SafeLoader without the timestamp resolver: `2024-05-01` stays a string, as vitae's
    loader (yaml-cpp events, which keep every scalar as text) sees it."""


PlainLoader.yaml_implicit_resolvers = {
    ch: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for ch, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_document(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if path.endswith(".json"):
        return json.loads(text)
    return yaml.load(text, Loader=PlainLoader)


def errors_of(validator, document):
    """All validation errors, as 'at <path>: <message>' lines (best match first)."""
    errs = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    out = []
    for e in errs:
        best = jsonschema.exceptions.best_match([e])
        where = "/".join(str(p) for p in best.absolute_path) or "(root)"
        out.append(f"at {where}: {best.message[:300]}")
    return out


# A small valid document the negative cases start from; it must itself pass.
BASE = {
    "cv": {
        "name": "Test Person",
        "sections": {
            "experience": [{"company": "Acme", "position": "Engineer",
                            "start_date": "2020-01", "end_date": "present",
                            "highlights": ["Did things."]}],
            "skills": [{"label": "Languages", "details": "C++"}],
        },
    },
    "design": {"theme": "classic", "page": {"size": "a4", "top_margin": "2cm"}},
    "locale": {"language": "english"},
    "settings": {"current_date": "2024-01-31"},
}


def mutate(fn):
    doc = copy.deepcopy(BASE)
    fn(doc)
    return doc


def exp(doc):
    return doc["cv"]["sections"]["experience"][0]


NEGATIVE = {
    "unknown top-level key": lambda d: d.update(extra={}),
    "unknown cv key": lambda d: d["cv"].update(nmae="typo"),
    "unknown design key": lambda d: d["design"]["page"].update(colour="red"),
    "missing cv": lambda d: d.pop("cv"),
    "wrong type: name is a list": lambda d: d["cv"].update(name=["a", "b"]),
    "wrong type: highlights is a string": lambda d: exp(d).update(highlights="x"),
    "wrong type: show_footer is a string": lambda d: d["design"]["page"].update(show_footer="yes"),
    "bad date: month 13": lambda d: exp(d).update(start_date="2020-13"),
    "bad date: free text in start_date": lambda d: exp(d).update(start_date="Fall 2020"),
    "bad date: end_date 'now'": lambda d: exp(d).update(end_date="now"),
    "bad current_date": lambda d: d["settings"].update(current_date="yesterday"),
    "bad length: no unit": lambda d: d["design"]["page"].update(top_margin="2"),
    "bad page size": lambda d: d["design"]["page"].update(size="legal"),
    "unknown theme": lambda d: d["design"].update(theme="fancy"),
    "bad alignment": lambda d: d["design"].update(typography={"alignment": "centre"}),
    "hyphenation not a bool": lambda d: d["design"].update(hyphenation="on"),
    "layout not a path": lambda d: d["design"].update(layout=["mine.yaml"]),
    "experience entry without position": lambda d: exp(d).pop("position"),
    "mixed entry types in a section": lambda d: d["cv"]["sections"]["experience"].append(
        {"label": "L", "details": "D"}),
    "tags not a list": lambda d: exp(d).update(tags="backend"),
    "unknown key in tagged section": lambda d: d["cv"]["sections"].update(
        tagged={"tags": ["a"], "entries": ["text"], "title": "T"}),
    "unknown key in highlight mapping": lambda d: exp(d).update(
        highlights=[{"text": "x", "tag": ["a"]}]),
    "unknown social network": lambda d: d["cv"].update(
        social_networks=[{"network": "MySpace", "username": "me"}]),
    "bad colour name": lambda d: d["design"].update(colors={"name": "ultraviolet"}),
    "bad colour: rgb component > 255": lambda d: d["design"].update(colors={"name": "rgb(0, 300, 0)"}),
    "one-line entry with highlights": lambda d: d["cv"]["sections"]["skills"][0].update(
        highlights=["x"]),
    "locale month_names with 11 names": lambda d: d["locale"].update(month_names=["x"] * 11),
    "unknown key in a variant": lambda d: d.update(variants={"ml": {"include_tag": ["ml"]}}),
    "variant name with a slash": lambda d: d.update(variants={"a/b": {}}),
    "set outside cv, design, locale, settings": lambda d: d.update(set={"variants.x": 1}),
    "include_tags with a space": lambda d: d.update(include_tags=["two words"]),
}

# Documents that use the vitae extensions and must PASS (guards against an over-strict schema).
POSITIVE = {
    "base document": lambda d: None,
    "tagged section": lambda d: d["cv"]["sections"].update(
        projects={"tags": ["oss"], "entries": [{"name": "P", "tags": ["x"]}]}),
    "highlight mapping with nested highlights": lambda d: exp(d).update(highlights=[
        "plain", {"text": "parent", "tags": ["t"], "highlights": ["child", {"text": "c2"}]}]),
    "nested list of highlights": lambda d: exp(d).update(highlights=["parent", ["child 1", "child 2"]]),
    "year as a number": lambda d: exp(d).update(start_date=2019, end_date=2021),
    "free-text date": lambda d: exp(d).update(date="08/2017-12/2019 (Expected)"),
    "hyphenation on": lambda d: d["design"].update(hyphenation=True),
    "a layout file": lambda d: d["design"].update(layout="layouts/mine.yaml"),
    "font_family as a string": lambda d: d["design"].update(typography={"font_family": "Lato"}),
    "text entries": lambda d: d["cv"]["sections"].update(summary=["**Bold**, *italic*, \\*escaped\\*."]),
    "variants": lambda d: d.update(variants={"ml": {"include_tags": ["ml"], "exclude_tags": ["x"],
                                                    "sections": ["experience"], "set": {"cv.headline": "H"}}}),
    "a variant file: extends without cv": lambda d: (d.pop("cv"), d.update(extends="../cv.yaml",
                                                                           include_tags=["ml"])),
    "top-level set with a list index": lambda d: d.update(set={"cv.sections.experience.0.position": "Lead"}),
}


def loader_design_keys():
    """{dotted path: applied} from the loader's table of design keys, or None if absent."""
    if not os.path.exists(DESIGN_KEYS_CPP):
        return None
    with open(DESIGN_KEYS_CPP, encoding="utf-8") as f:
        src = f.read()
    keys = {m.group(1): m.group(3) == "kApplied"
            for m in re.finditer(r'\{"([a-z_.]+)", V::(\w+), (kApplied|kNotYet)', src)}
    for m in re.finditer(r'add_roles\(k, "([a-z_.]+)", V::\w+, (kApplied|kNotYet), (true|false)', src):
        roles = (["body"] if m.group(3) == "true" else []) + \
            ["name", "headline", "connections", "section_titles"]
        for role in roles:
            keys[f"{m.group(1)}.{role}"] = m.group(2) == "kApplied"
    return keys or None


def schema_design_leaves(schema):
    """{dotted path: description} of every leaf key under design in the schema."""
    out = {}

    def walk(node, path):
        if "properties" in node:
            for k, v in node["properties"].items():
                walk(v, path + [k])
            return
        objects = [a for a in node.get("anyOf", []) if "properties" in a]
        for a in objects:
            walk(a, path)
        if not objects:
            out[".".join(path)] = node.get("description", "")

    walk(schema["definitions"]["design"], [])
    return out


def check_design_keys_in_sync(schema):
    """The schema's design keys and 'not applied yet' marks must match the loader's table."""
    keys = loader_design_keys()
    if keys is None:
        print(f"note: {DESIGN_KEYS_CPP} absent or unreadable; design key sync not checked")
        return []
    leaves = schema_design_leaves(schema)
    problems = []
    for path, applied in sorted(keys.items()):
        if path not in leaves:
            problems.append(f"design.{path} is read by the loader but missing from the schema")
        elif applied == (NOT_YET in leaves[path]):
            problems.append(f"design.{path}: the loader says applied={applied}, "
                            f"the schema's description says otherwise")
    for path in sorted(set(leaves) - set(keys) - {"theme", "layout"}):
        problems.append(f"design.{path} is in the schema but not read by the loader")
    return problems


def main():
    failures = []
    checked = 0
    with open(SCHEMA_PATH, encoding="utf-8") as f:
        schema = json.load(f)
    try:
        jsonschema.Draft7Validator.check_schema(schema)
    except jsonschema.exceptions.SchemaError as e:
        print(f"FAIL {SCHEMA_PATH} is not a valid draft-07 schema: {e.message}")
        return 1
    validator = jsonschema.Draft7Validator(schema)
    # A JSON Resume example is checked against JSON Resume's own schema: vitae reads it as
    # it is (docs/input.md), so it must stay a real JSON Resume file.
    with open(JSON_RESUME_SCHEMA, encoding="utf-8") as f:
        json_resume_validator = jsonschema.Draft7Validator(json.load(f))

    files = sorted(p for p in glob.glob(EXAMPLES_GLOB)
                   if p.endswith((".yaml", ".yml", ".json")))
    if not files:
        failures.append(f"no example files found in {EXAMPLES_GLOB}")
    if os.path.isdir(RENDERCV_DIR):
        files += sorted(glob.glob(os.path.join(RENDERCV_DIR, "**", "*.yaml"), recursive=True))
    else:
        print(f"note: {RENDERCV_DIR} not found; RenderCV files skipped")

    for path in files:
        checked += 1
        try:
            doc = load_document(path)
        except (yaml.YAMLError, json.JSONDecodeError) as e:
            failures.append(f"{path}: cannot parse: {e}")
            continue
        is_json_resume = isinstance(doc, dict) and "basics" in doc and "cv" not in doc
        errs = errors_of(json_resume_validator if is_json_resume else validator, doc)
        if errs:
            failures.append(f"{path}: does not validate:\n    " + "\n    ".join(errs[:10]))
        else:
            print(f"ok   {path}")

    for name, fn in POSITIVE.items():
        checked += 1
        errs = errors_of(validator, mutate(fn))
        if errs:
            failures.append(f"valid document rejected ({name}):\n    " + "\n    ".join(errs[:5]))
        else:
            print(f"ok   accepts: {name}")

    for name, fn in NEGATIVE.items():
        checked += 1
        if validator.is_valid(mutate(fn)):
            failures.append(f"invalid document accepted ({name})")
        else:
            print(f"ok   rejects: {name}")

    checked += 1
    sync = check_design_keys_in_sync(schema)
    failures += sync
    if not sync and loader_design_keys() is not None:
        print("ok   schema design keys match the loader's table")

    for msg in failures:
        print("FAIL " + msg)
    print(f"{checked - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(with_corpus_status(main()))
