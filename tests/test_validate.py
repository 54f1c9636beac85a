"""SHACL validation: the exports conform, broken graphs do not, errors exit 2."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import sample_extractions
from kg.cli import cli
from kg.errors import KgError
from kg.graph import build_graph
from kg.model import Extraction
from kg.rdf import write_graph
from kg.validate import validate_command

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "eval" / "dev"


@pytest.fixture(scope="module")
def exports(tmp_path_factory):
    out = tmp_path_factory.mktemp("v")
    write_graph(build_graph(sample_extractions()), out, ["turtle", "trig", "json-ld", "graphml"])
    return out


@pytest.mark.parametrize("name", ["graph.ttl", "graph.trig", "graph.jsonld", "graph.graphml"])
def test_fixture_exports_conform(exports, name):
    conforms, report = validate_command(exports / name)
    assert conforms, report
    assert report.startswith(f"{name} conforms to the shapes (")


BROKEN = """
@prefix kg: <https://w3id.org/kg-diplomacy/ontology#> .
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix evt: <https://w3id.org/kg-diplomacy/event-type/> .
<https://w3id.org/kg-diplomacy/id/event/bad> a kg:Meeting ; kg:status "maybe" ; kg:confidence 1.5 ;
   kg:host <https://w3id.org/kg-diplomacy/id/country/JP> ; kg:ploverType evt:CONSULT ;
   sem:hasActor <https://w3id.org/kg-diplomacy/id/country/CN> .
<https://w3id.org/kg-diplomacy/id/country/JP> kg:iso3166Alpha2 "jp" .
"""


def test_a_broken_graph_does_not_conform(exports, tmp_path):
    bad = tmp_path / "broken.ttl"
    bad.write_text((exports / "graph.ttl").read_text() + BROKEN)
    conforms, report = validate_command(bad)
    assert not conforms
    lines = report.splitlines()
    assert lines[0].startswith("broken.ttl does not conform: 5 violations, 1 warning (")
    assert "  Violation: kgid:event/bad  kg:status  value=maybe  status is one of held, planned, cancelled" in lines
    assert "  Violation: kgid:event/bad  kg:confidence  value=1.5  confidence is one decimal between 0 and 1" in lines
    assert any(line.startswith("  Warning: kgid:event/bad") and "the host and the guest are participants" in line
               for line in lines)
    assert any("value=jp  the ISO 3166-1 alpha-2 code is two capital letters" in line for line in lines)
    assert any("prov:wasDerivedFrom" in line and "exactly one source article" in line for line in lines)


def test_warnings_alone_still_conform(exports, tmp_path):
    odd = tmp_path / "odd.ttl"
    odd.write_text((exports / "graph.ttl").read_text() + """
<https://w3id.org/kg-diplomacy/id/event/d1cfa6dcb35592c1>
    <https://w3id.org/kg-diplomacy/ontology#host> <https://w3id.org/kg-diplomacy/id/country/JP> .
""")
    conforms, report = validate_command(odd)
    assert conforms and report.startswith("odd.ttl conforms, with 1 warning (")
    r = CliRunner().invoke(cli, ["validate", str(odd)])
    assert r.exit_code == 0


def test_dev_gold_exports_conform(tmp_path):
    files = sorted(DEV.glob("*.json"))
    if not files:
        pytest.skip("../shared/eval/dev is not here")
    extractions = [Extraction.from_json(json.loads(f.read_text(encoding="utf-8"))) for f in files]
    write_graph(build_graph(extractions), tmp_path, ["turtle"])
    conforms, report = validate_command(tmp_path / "graph.ttl")
    assert conforms, report


def test_example_exports_conform(tmp_path):
    pytest.importorskip("kg.pipeline")
    from kg.pipeline import build
    build([str(ROOT / "examples" / "articles")], str(tmp_path), formats=["turtle"], html=False)
    conforms, report = validate_command(tmp_path / "graph.ttl")
    assert conforms, report


def test_errors_exit_2(tmp_path):
    with pytest.raises(KgError) as e:
        validate_command(tmp_path / "missing.ttl")
    assert e.value.exit_code == 2 and str(e.value) == f"{tmp_path / 'missing.ttl'}: no such file"
    garbage = tmp_path / "garbage.ttl"
    garbage.write_text("this is { not turtle")
    with pytest.raises(KgError) as e:
        validate_command(garbage)
    assert e.value.exit_code == 2 and str(e.value).startswith(f"{garbage}: not valid Turtle: ")
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text("@prefix sh: <oops")
    with pytest.raises(KgError) as e:
        validate_command(garbage, shapes)
    assert e.value.exit_code == 2


# ---------------------------------------------------------------- the CLI

def test_cli_validate_exit_codes(exports, tmp_path):
    runner = CliRunner()
    r = runner.invoke(cli, ["validate", str(exports / "graph.ttl")])
    assert r.exit_code == 0 and r.stdout.startswith("graph.ttl conforms to the shapes (")
    bad = tmp_path / "broken.ttl"
    bad.write_text((exports / "graph.ttl").read_text() + BROKEN)
    r = runner.invoke(cli, ["validate", str(bad)])
    assert r.exit_code == 1 and "does not conform: 5 violations, 1 warning" in r.stdout
    r = runner.invoke(cli, ["validate", str(tmp_path / "missing.ttl")])
    assert r.exit_code == 2
    assert r.stderr == f"Error: {tmp_path / 'missing.ttl'}: no such file\n"
    assert "Traceback" not in r.output


def test_cli_validate_with_own_shapes(exports, tmp_path):
    shapes = tmp_path / "strict.ttl"
    shapes.write_text("""
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix kg: <https://w3id.org/kg-diplomacy/ontology#> .
<urn:s> a sh:NodeShape ; sh:targetClass kg:Meeting ;
  sh:property [ sh:path kg:occasion ; sh:minCount 1 ; sh:message "every meeting needs an occasion" ] .
""")
    r = CliRunner().invoke(cli, ["validate", str(exports / "graph.ttl"), "--shapes", str(shapes)])
    assert r.exit_code == 1 and r.stdout.count("every meeting needs an occasion") == 4
