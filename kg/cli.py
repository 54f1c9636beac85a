"""The ``kg`` command line: thin click commands over the library.

Each command parses its options and calls one library function; a user error is a
:class:`click.ClickException` (one line on stderr, exit 1), never a traceback.
"""
from __future__ import annotations

import sys

import click

from . import __version__
from .errors import KgError

__all__ = ["main", "cli"]

INPUT_HELP = "INPUT is any mix of .txt files, folders (read recursively), JSON Lines corpora (.jsonl) and - for standard input."


class _Group(click.Group):
    """Turns library errors into one clear line and exit 1, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KgError as e:
            err = click.ClickException(str(e))
            err.exit_code = e.exit_code
            raise err from None
        except BrokenPipeError:
            sys.exit(1)
        except OSError as e:  # an output path that cannot be written, a folder that cannot be listed
            where = f"{e.filename}: " if e.filename else ""
            raise click.ClickException(f"{where}{e.strerror or e}") from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli():
    """Turn diplomatic news into a knowledge graph.

    \b
    Example:
      kg build examples/articles          # exports/graph.ttl and exports/graph.html
      kg query exports/graph.ttl --saved meetings-of --param person="Haruto Sakamoto"
    """


def _user_dicts(paths):
    from .gazetteer import load_user_dictionary
    return [load_user_dictionary(p) for p in paths]


user_dict_option = click.option(
    "--dict", "dicts", multiple=True, type=click.Path(dir_okay=False),
    help="A user dictionary (JSON Lines: titles, organizations, aliases, trigger verbs); repeatable.")
jobs_option = click.option("--jobs", "-j", type=click.IntRange(0), default=1, show_default=True,
                           help="Worker processes for extraction (0: one per core).")


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["jsonl", "json"]), default="jsonl", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, allow_dash=True),
              help="Write here instead of standard output ('-' is standard output).")
@click.option("--explain", is_flag=True, help="Add, for each fact, the rule that produced it.")
@jobs_option
@user_dict_option
def extract(inputs, fmt, output, explain, jobs, dicts):
    """Extract officials, countries, organizations, meetings and commitments, one JSON object per article.

    \b
    INPUT is any mix of .txt files, folders (read recursively), JSON Lines corpora and - (stdin).
    Example:
      kg extract examples/articles --explain
      kg extract corpus.jsonl --output facts.jsonl
    """
    from .pipeline import extract_to
    extract_to(inputs, output, fmt=fmt, explain=explain, jobs=jobs, dictionaries=dicts)


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="exports", show_default=True,
              help="Output folder.")
@click.option("--format", "formats", multiple=True, default=["turtle"], show_default=True,
              type=click.Choice(["turtle", "trig", "nquads", "nt", "json-ld", "xml", "graphml", "gexf", "node-link"]),
              help="RDF or graph formats to write; repeatable.")
@click.option("--html/--no-html", default=True, show_default=True, help="Also write graph.html.")
@click.option("--update", is_flag=True, help="Merge into the graph already in --out; re-ingested articles replace their facts.")
@jobs_option
@user_dict_option
def build(inputs, out_dir, formats, html, update, jobs, dicts):
    """Extract, merge across articles and write the knowledge graph (Turtle and HTML by default).

    \b
    INPUT is any mix of .txt files, folders (read recursively), JSON Lines corpora and - (stdin).
    Example:
      kg build examples/articles
      kg build corpus.jsonl --out exports --format turtle --format json-ld
    """
    from .pipeline import build as build_graph_files
    result = build_graph_files(inputs, out_dir, formats=formats, html=html, update=update, jobs=jobs,
                               dictionaries=dicts)
    for path in result.files:
        click.echo(f"wrote {path}", err=True)
    click.echo("  ".join(f"{k}: {v}" for k, v in result.counts.items()))


@cli.command()
@click.argument("graph", type=click.Path(dir_okay=False), required=False)
@click.argument("sparql", required=False)
@click.option("--file", "query_file", type=click.Path(exists=True, dir_okay=False), help="Read the query from a .rq file.")
@click.option("--saved", help="Run a saved query by name (see --list).")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter of a saved query, bound as an RDF term; repeatable.")
@click.option("--list", "list_saved", is_flag=True, help="List the saved queries and their parameters.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def query(graph, sparql, query_file, saved, params, list_saved, fmt):
    """Run SPARQL over an exported graph; print an aligned table, CSV or JSON.

    \b
    Example:
      kg query exports/graph.ttl 'SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name }'
      kg query exports/graph.ttl --saved meetings-of --param person="Haruto Sakamoto"
      kg query --list
    """
    from .query import query_command
    click.echo(query_command(graph, sparql, query_file=query_file, saved=saved, params=params,
                             list_saved=list_saved, fmt=fmt), nl=False)


@cli.command()
@click.argument("graph", type=click.Path(dir_okay=False))
@click.option("--out", "out_file", type=click.Path(dir_okay=False), help="HTML file (default: beside GRAPH, .html).")
@click.option("--focus", help="Show only this official, country or organization and its neighbourhood.")
@click.option("--depth", type=click.IntRange(1), default=1, show_default=True, help="Neighbourhood depth for --focus.")
@click.option("--since", help="Keep events on or after this date (YYYY-MM-DD).")
@click.option("--until", help="Keep events on or before this date (YYYY-MM-DD).")
@click.option("--max-nodes", type=click.IntRange(1), help="Keep the most active nodes; the page says what was left out.")
def render(graph, out_file, focus, depth, since, until, max_nodes):
    """Render an exported graph as one self-contained interactive HTML page.

    \b
    Example:
      kg render exports/graph.ttl --out exports/graph.html
      kg render exports/graph.ttl --focus "Haruto Sakamoto" --depth 2
    """
    from .html import render_command
    path = render_command(graph, out_file, focus=focus, depth=depth, since=since, until=until, max_nodes=max_nodes)
    click.echo(f"wrote {path}", err=True)


@cli.command()
@click.argument("graph", type=click.Path(dir_okay=False))
@click.option("--shapes", type=click.Path(exists=True, dir_okay=False), help="SHACL shapes (default: the shipped ones).")
def validate(graph, shapes):
    """Validate an exported graph against the SHACL shapes: exit 0 if it conforms, 1 if not, 2 on error.

    \b
    Example:
      kg validate exports/graph.ttl
    """
    from .validate import validate_command
    conforms, report = validate_command(graph, shapes)
    click.echo(report)
    sys.exit(0 if conforms else 1)


def main():
    cli(prog_name="kg")


if __name__ == "__main__":
    main()
