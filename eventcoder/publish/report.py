"""The warehouse as one self-contained HTML page of plots (the core of `eventcoder report`; no Prefect).

The page makes no network request: plotly.js is inlined, the page uses system fonts, and the map's
country outlines (Natural Earth 1:110m as the topojson plotly.js expects, shipped in
eventcoder/data/world_110m.json) are handed to plotly.js through `window.PlotlyGeoAssets`, which it
reads before it would fetch the same file from its CDN.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import math
from dataclasses import dataclass
from pathlib import Path
from string import Template

import duckdb
import pandas as pd
import plotly.graph_objects as go
from plotly.colors import qualitative
from plotly.offline import get_plotlyjs, get_plotlyjs_version

from eventcoder import __version__
from eventcoder.config import ASSETS_DIR, SQL_DIR
from eventcoder.publish.export import EventFilter, open_publish, scope_to_selection, select_events
from schemas.vocab import EVENT_TYPES, MERGE_RULE_MEANINGS

REPORT_SQL_DIR = SQL_DIR / "report"
TEMPLATE_FILE = ASSETS_DIR / "report.html"
TOPOJSON_FILE = ASSETS_DIR / "world_110m.json"
TOPOJSON_NAME = "world_110m"  # the name plotly.js gives a world map at 1:110m resolution
TOP_ACTORS = 15
TABLE_EVENTS = 100  # deadliest and latest events each in the events table
COUNTRY_SECTIONS = 12  # countries with most events that get a section
OUTLIER_KM = 1500.0  # an event further than this (and 4 × the upper quartile) from the median is an outlier
PLOT_IDS = (
    "plot-events-over-time",
    "plot-event-map",
    "plot-top-actors",
    "plot-fatalities",
    "plot-latest-run",
)
PLOT_CONFIG = {"displaylogo": False, "responsive": True}
LAYOUT = {"template": "plotly_white", "margin": {"l": 60, "r": 20, "t": 40, "b": 50}}


@dataclass(frozen=True)
class ReportData:
    """Everything the report shows, read from the warehouse in one go."""

    overview: dict[str, object]
    over_time: pd.DataFrame
    points: pd.DataFrame
    actors: pd.DataFrame
    fatalities: pd.DataFrame
    latest_run: dict[str, object] | None
    events_table: pd.DataFrame
    countries: pd.DataFrame
    sourcing: dict[str, object] | None
    merges: pd.DataFrame | None = None
    corrections: pd.DataFrame | None = None


def report_sql(name: str) -> str:
    """The text of warehouse/sql/report/<name>.sql."""
    return (REPORT_SQL_DIR / f"{name}.sql").read_text(encoding="utf-8")


def first_row(con: duckdb.DuckDBPyConnection, sql: str) -> dict[str, object] | None:
    """The first row of a query as a dict, or None."""
    cursor = con.execute(sql)
    row = cursor.fetchone()
    return None if row is None else dict(zip([d[0] for d in cursor.description], row, strict=True))


def read_report_data(con: duckdb.DuckDBPyConnection, top_actors: int = TOP_ACTORS) -> ReportData:
    """Read the report's figures from a connection that has the views."""
    return ReportData(
        overview=first_row(con, report_sql("overview")) or {},
        over_time=con.execute(report_sql("events_over_time")).df(),
        points=con.execute(report_sql("event_points")).df(),
        actors=con.execute(report_sql("top_actors"), [top_actors]).df(),
        fatalities=con.execute(report_sql("fatality_bins")).df(),
        latest_run=first_row(con, report_sql("latest_run")),
        events_table=con.execute(report_sql("event_table"), {"n": TABLE_EVENTS}).df(),
        countries=con.execute(report_sql("countries")).df(),
        sourcing=first_row(con, report_sql("sourcing_quality")),
        merges=con.execute(report_sql("merges")).df(),
        corrections=con.execute(report_sql("corrections")).df(),
    )


def type_colors() -> dict[str, str]:
    """One colour per event type, the same in every plot."""
    return {t: qualitative.D3[i % len(qualitative.D3)] for i, t in enumerate(EVENT_TYPES)}


def ordered_types(types: pd.Series) -> list[str]:
    """The event types present, in the vocabulary's order."""
    present = set(types)
    return [t for t in EVENT_TYPES if t in present] + sorted(present - set(EVENT_TYPES))


def empty_note(fig: go.Figure, text: str) -> go.Figure:
    """A figure that says it has nothing to show."""
    fig.add_annotation(text=text, showarrow=False, x=0.5, y=0.5, xref="paper", yref="paper")
    return fig


def integer_ticks(fig: go.Figure, largest: float, axis: str = "y") -> None:
    """Whole-number ticks on a count axis (a tick per unit when counts are small)."""
    settings = {"tickformat": ",d", "dtick": 1} if largest <= 10 else {"tickformat": ",d"}
    fig.update_xaxes(**settings) if axis == "x" else fig.update_yaxes(**settings)


BINS = {"week": ("week", "%d %b %Y", "week of %{x|%d %b %Y}"), "month": ("month", "%b %Y", "%{x|%B %Y}")}


def events_over_time_figure(df: pd.DataFrame) -> go.Figure:
    """Stacked bars of dated events per week (shown first) or per month (a toggle), one colour per type."""
    fig = go.Figure(layout={**LAYOUT, "barmode": "stack", "height": 400})
    colors = type_colors()
    types = ordered_types(df["event_type"])
    visible_of: dict[str, list[bool]] = {b: [] for b in BINS}
    for bin_name, (_, _, hover) in BINS.items():
        for event_type in types:
            rows = df[(df["bin"] == bin_name) & (df["event_type"] == event_type)]
            fig.add_trace(
                go.Bar(
                    x=rows["period"],
                    y=rows["events"],
                    name=event_type,
                    legendgroup=event_type,
                    showlegend=bin_name == "week",
                    visible=bin_name == "week",
                    marker_color=colors.get(event_type),
                    customdata=rows["fatalities"].fillna(0),
                    hovertemplate=f"{hover}: %{{y}} events, %{{customdata}} killed"
                    f"<extra>{event_type}</extra>",
                )
            )
            for b in BINS:
                visible_of[b].append(b == bin_name)
    buttons = [
        {
            "label": f"per {label}",
            "method": "update",
            "args": [
                {"visible": visible_of[b], "showlegend": visible_of[b]},
                {"xaxis.tickformat": BINS[b][1], "xaxis.title.text": f"{label} of the event"},
            ],
        }
        for b, (label, _, _) in BINS.items()
    ]
    fig.update_layout(
        updatemenus=[
            {
                "type": "buttons",
                "direction": "right",
                "buttons": buttons,
                "x": 0,
                "y": 1.14,
                "xanchor": "left",
                "showactive": True,
                "active": 0,
            }
        ]
    )
    fig.update_xaxes(type="date", tickformat=BINS["week"][1], title_text="week of the event")
    fig.update_yaxes(title_text="events", rangemode="tozero")
    weekly = df[df["bin"] == "week"]
    integer_ticks(fig, weekly.groupby("period")["events"].sum().max() if not weekly.empty else 0)
    return fig if not df.empty else empty_note(fig, "no dated events")


def distance_km(lat: pd.Series, lon: pd.Series, lat0: float, lon0: float) -> pd.Series:
    """Great-circle distance of points from one point, in km."""
    import numpy as np

    p1, p2 = np.radians(lat), math.radians(lat0)
    dlat, dlon = p1 - p2, np.radians(lon - lon0)
    a = np.sin(dlat / 2) ** 2 + np.cos(p1) * math.cos(p2) * np.sin(dlon / 2) ** 2
    return 2 * 6371.0 * np.arcsin(np.sqrt(a.clip(0, 1)))


def map_outliers(df: pd.DataFrame) -> pd.Series:
    """True for events far from where the others are: further from the median point than OUTLIER_KM and
    than four times the upper quartile of the distances (so that one misplaced event does not stretch the
    map)."""
    if len(df) < 5:
        return pd.Series(False, index=df.index)
    far = distance_km(df["latitude"], df["longitude"], df["latitude"].median(), df["longitude"].median())
    return far > max(OUTLIER_KM, 4 * far.quantile(0.75))


def view_range(values: pd.Series, low: float, high: float, least: float) -> list[float]:
    """The span of values with a margin (at least `least` degrees wide), within [low, high]."""
    lo, hi = float(values.min()), float(values.max())
    pad = max((hi - lo) * 0.15, (least - (hi - lo)) / 2, 0.5)
    return [max(low, lo - pad), min(high, hi + pad)]


def marker_size(fatalities: object) -> float:
    """Marker size on the map: grows with the square root of the number killed."""
    killed = 0 if fatalities is None or pd.isna(fatalities) else int(fatalities)
    return min(7 + 3 * math.sqrt(killed), 32)


def hover_text(row: pd.Series) -> str:
    """What the map shows when hovering over an event."""
    killed = "not stated" if pd.isna(row["fatalities"]) else str(int(row["fatalities"]))
    date = "undated" if pd.isna(row["event_date"]) else pd.Timestamp(row["event_date"]).date().isoformat()
    actors = " → ".join(str(a) for a in (row["actor1"], row["actor2"]) if isinstance(a, str))
    parts = [
        f"<b>{html.escape(str(row['place']))}</b> ({html.escape(str(row['country']))})",
        f"{date}: {row['event_type']} / {row['sub_event_type']}",
        html.escape(actors) if actors else "no actor coded",
        f"killed: {killed}; geo precision {row['geo_precision']}",
    ]
    return "<br>".join(parts)


def event_map_figure(df: pd.DataFrame, outliers: pd.Series | None = None) -> go.Figure:
    """Events as points over country outlines (marker size by fatalities, colour by type), zoomed to where
    the events are, outliers left out of the view."""
    fig = go.Figure(layout={**LAYOUT, "height": 520, "margin": {"l": 0, "r": 0, "t": 10, "b": 0}})
    colors = type_colors()
    for event_type in ordered_types(df["event_type"]):
        rows = df[df["event_type"] == event_type]
        fig.add_trace(
            go.Scattergeo(
                lon=rows["longitude"],
                lat=rows["latitude"],
                name=event_type,
                mode="markers",
                text=[hover_text(r) for _, r in rows.iterrows()],
                hovertemplate="%{text}<extra></extra>",
                marker={
                    "size": [marker_size(v) for v in rows["fatalities"]],
                    "color": colors.get(event_type),
                    "opacity": 0.75,
                    "line": {"width": 0.5, "color": "white"},
                },
            )
        )
    fig.update_geos(
        scope="world",
        resolution=110,
        projection_type="natural earth",
        showland=True,
        landcolor="#f1efe8",
        showocean=True,
        oceancolor="#e3edf5",
        showcountries=True,
        countrycolor="#9a9a9a",
        showcoastlines=True,
        coastlinecolor="#7a7a7a",
        showlakes=False,
        showrivers=False,
        showframe=False,
    )
    inside = df[~outliers] if outliers is not None and not df.empty else df
    if not inside.empty:
        fig.update_geos(
            projection_type="mercator" if inside["latitude"].abs().max() < 75 else "natural earth",
            lataxis_range=view_range(inside["latitude"], -85, 85, 8),
            lonaxis_range=view_range(inside["longitude"], -180, 180, 12),
        )
    fig.update_layout(legend={"x": 0.01, "y": 0.99, "bgcolor": "rgba(255,255,255,0.8)"})
    return fig if not df.empty else empty_note(fig, "no placed events")


def top_actors_figure(df: pd.DataFrame) -> go.Figure:
    """Horizontal bars of the actors in most events, split into actor1 and actor2 roles."""
    n_actors = df["actor"].nunique()
    fig = go.Figure(layout={**LAYOUT, "barmode": "stack", "height": 140 + 26 * max(n_actors, 4)})
    labels = {"actor1": "as actor1 (did it)", "actor2": "as actor2 (done to, or the other party)"}
    for role, color in (("actor1", "#1f77b4"), ("actor2", "#aec7e8")):
        rows = df[df["role"] == role]
        fig.add_trace(
            go.Bar(
                y=rows["actor"],
                x=rows["events"],
                orientation="h",
                name=labels[role],
                marker_color=color,
                hovertemplate="%{y}: %{x} events<extra>" + role + "</extra>",
            )
        )
    fig.update_yaxes(categoryorder="total ascending", automargin=True)
    fig.update_xaxes(title_text="events")
    integer_ticks(fig, df.groupby("actor")["events"].sum().max() if not df.empty else 0, axis="x")
    fig.update_layout(legend={"orientation": "h", "y": -0.15})
    return fig if not df.empty else empty_note(fig, "no actors coded")


def fatalities_figure(df: pd.DataFrame) -> go.Figure:
    """Stacked bars of events by number killed (binned), one colour per event type."""
    fig = go.Figure(layout={**LAYOUT, "barmode": "stack", "height": 380})
    colors = type_colors()
    bins = df.sort_values("bin_order")["killed"].drop_duplicates().tolist()
    for event_type in ordered_types(df["event_type"]):
        rows = df[df["event_type"] == event_type]
        fig.add_trace(
            go.Bar(
                x=rows["killed"],
                y=rows["events"],
                name=event_type,
                marker_color=colors.get(event_type),
                hovertemplate="%{x} killed: %{y} events<extra>" + event_type + "</extra>",
            )
        )
    fig.update_xaxes(
        type="category", categoryorder="array", categoryarray=bins, title_text="killed per event"
    )
    fig.update_yaxes(title_text="events", rangemode="tozero")
    integer_ticks(fig, df.groupby("killed")["events"].sum().max() if not df.empty else 0)
    return fig if not df.empty else empty_note(fig, "no events")


RUN_COUNTS = {
    "n_read": "inputs read",
    "n_new": "new or changed",
    "articles_coded": "articles coded",
    "mentions_coded": "event mentions",
    "quarantined": "quarantined",
}


def outliers_html(points: pd.DataFrame, outliers: pd.Series) -> str:
    """The events the map's view leaves out, listed."""
    rows = points[outliers]
    if rows.empty:
        return ""
    items = "".join(
        f"<li>{html.escape(str(r['place']))} ({html.escape(str(r['country']))}), "
        f"{html.escape(date_text(r['event_date']))}: {html.escape(str(r['event_type']))} "
        f"at {r['latitude']:.2f}, {r['longitude']:.2f}</li>"
        for _, r in rows.iterrows()
    )
    return (
        f'<p class="note">{count_of(len(rows), "event")} far from all others, outside this view '
        f'(drag or zoom out the map to see them):</p><ul id="map-outliers">{items}</ul>'
    )


def day_or_none(value: object) -> dt.date | None:
    """A date of a data frame cell (a Timestamp or NaT) as a date, or None."""
    return None if value is None or pd.isna(value) else pd.Timestamp(value).date()


def date_text(value: object) -> str:
    """A date as YYYY-MM-DD, or 'undated'."""
    return "undated" if value is None or pd.isna(value) else pd.Timestamp(value).date().isoformat()


def events_table_html(df: pd.DataFrame) -> str:
    """The deadliest and latest events as a sortable, filterable table with evidence and source links."""
    if df.empty:
        return "<p>No events.</p>"
    countries = sorted({str(c) for c in df["country"] if isinstance(c, str)})
    options = "".join(f'<option value="{html.escape(c)}">{html.escape(c)}</option>' for c in countries)
    header = (
        ("date", "date"), ("country", "text"), ("place", "text"), ("type", "text"), ("actors", "text"),
        ("killed", "number"), ("sources", "text"), ("evidence", "text"),
    )  # fmt: skip
    head = "".join(
        f'<th data-kind="{kind}" tabindex="0" aria-sort="none">{label}</th>' for label, kind in header
    )
    body = "".join(event_row_html(r) for _, r in df.iterrows())
    return (
        '<div class="table-tools"><label>Filter <input id="events-filter" type="search" '
        'placeholder="actor, place, outlet, words of the evidence"></label> '
        f'<label>Country <select id="events-country"><option value="">all</option>{options}</select></label> '
        '<span id="events-count"></span></div>'
        f'<div class="table-wrap"><table id="events-table" class="events"><thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table></div>"
    )


def event_row_html(r: pd.Series) -> str:
    """One row of the events table."""
    killed = "" if pd.isna(r["fatalities"]) else str(int(r["fatalities"]))
    actors = " → ".join(str(a) for a in (r["actor1"], r["actor2"]) if isinstance(a, str))
    links = " ".join(
        f'<a href="{html.escape(u, quote=True)}" rel="noreferrer">[{i}]</a>'
        for i, u in enumerate(list(r["urls"]), start=1)
        if isinstance(u, str) and u.startswith(("http://", "https://"))
    )
    flags = []
    if isinstance(r["claimed_by"], str):
        flags.append(f'<span class="flag">claimed by {html.escape(r["claimed_by"])}</span>')
    if r["party_sources_only"] is True or r["party_sources_only"] == 1:
        flags.append('<span class="flag party">only a party to the conflict reports it</span>')
    sources = html.escape(str(r["sources"])) if isinstance(r["sources"], str) else ""
    date = date_text(r["event_date"])
    return (
        f'<tr data-country="{html.escape(str(r["country"]) if isinstance(r["country"], str) else "")}">'
        f'<td data-value="{date}">{date}</td>'
        f"<td>{html.escape(str(r['country'])) if isinstance(r['country'], str) else ''}</td>"
        f"<td>{html.escape(str(r['place'])) if isinstance(r['place'], str) else ''}</td>"
        f"<td>{html.escape(str(r['event_type']))} / {html.escape(str(r['sub_event_type']))}</td>"
        f"<td>{html.escape(actors)}</td>"
        f'<td class="num" data-value="{killed or -1}">{killed}</td>'
        f"<td>{sources} {links}{''.join(flags)}</td>"
        f'<td class="evidence">{html.escape(str(r["evidence"]))}</td></tr>'
    )


def countries_html(df: pd.DataFrame, limit: int = COUNTRY_SECTIONS) -> str:
    """One section per country with most events: its figures, types and regions."""
    if df.empty:
        return "<p>No events.</p>"
    parts = []
    for _, r in df.head(limit).iterrows():
        name = r["country"] if isinstance(r["country"], str) else "No country coded"
        anchor = r["iso3"] if isinstance(r["iso3"], str) else "none"
        tiles = [
            ("events", int(r["events"])),
            ("killed", int(r["fatalities"])),
            ("first event", day_or_none(r["first_date"])),
            ("last event", day_or_none(r["last_date"])),
            ("only a party reports", int(r["party_only"])),
            ("claimed", int(r["claimed"])),
        ]
        cells = "".join(
            f'<div class="figure"><div class="value">{html.escape(format_figure(v))}</div>'
            f'<div class="label">{html.escape(label)}</div></div>'
            for label, v in tiles
        )
        types = html.escape(str(r["types"] or ""))
        regions = html.escape(str(r["regions"])) if isinstance(r["regions"], str) else "none coded"
        parts.append(
            f'<section class="country" id="country-{html.escape(anchor)}"><h3>{html.escape(name)}</h3>'
            f'<div class="figures">{cells}</div><p class="note">By type: {types}. '
            f"Regions with most events: {regions}.</p></section>"
        )
    rest = len(df) - limit
    more = f'<p class="note">… and {count_of(rest, "more country")}.</p>' if rest > 0 else ""
    return "".join(parts) + more


SOURCING_ROWS = {
    "outlets": "outlets",
    "outlets_listed": "typed from the outlets list",
    "outlets_by_name": "typed from their name",
    "events_without_outlet": "events without an outlet",
    "events_party_only": "events only a party to the conflict reports",
    "events_claimed": "events with a claim of responsibility",
}


def sourcing_table_html(sourcing: dict[str, object] | None) -> str:
    """How the events are sourced, as a two-column table."""
    if not sourcing:
        return ""
    rows = "".join(
        f"<tr><th>{html.escape(label)}</th><td>{html.escape(format_figure(sourcing.get(key)))}</td></tr>"
        for key, label in SOURCING_ROWS.items()
    )
    return f'<table class="run" id="sourcing-quality">{rows}</table>'


def latest_run_figure(run: dict[str, object] | None) -> go.Figure:
    """Bars of what the latest refresh read, coded and quarantined."""
    fig = go.Figure(layout={**LAYOUT, "height": 300, "margin": {"l": 120, "r": 20, "t": 20, "b": 40}})
    if run is None:
        return empty_note(fig, "no refresh recorded")
    labels = list(RUN_COUNTS.values())
    values = [int(run.get(k) or 0) for k in RUN_COUNTS]
    colors = ["#7f7f7f", "#7f7f7f", "#1f77b4", "#2ca02c", "#d62728"]
    fig.add_trace(
        go.Bar(y=labels, x=values, orientation="h", marker_color=colors, text=values, textposition="auto")
    )
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title_text="count")
    return fig


def figure_div(fig: go.Figure, div_id: str) -> str:
    """The figure as a <div> and its script, without plotly.js (the page inlines it once)."""
    return fig.to_html(full_html=False, include_plotlyjs=False, div_id=div_id, config=PLOT_CONFIG)


def format_figure(value: object) -> str:
    """A number or value as the report prints it."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if isinstance(value, float):
        return f"{value:.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M UTC")
    return str(value)


def overview_html(overview: dict[str, object]) -> str:
    """The headline figures as tiles."""
    first, last = overview.get("first_date"), overview.get("last_date")
    tiles = [
        ("events", overview.get("events")),
        ("killed", overview.get("fatalities")),
        ("articles", overview.get("articles")),
        ("event mentions", overview.get("mentions")),
        ("countries", overview.get("countries")),
        ("first event", first),
        ("last event", last),
        ("undated events", overview.get("undated")),
        ("events without a place", overview.get("unplaced")),
    ]
    cells = "".join(
        f'<div class="figure"><div class="value">{html.escape(format_figure(v))}</div>'
        f'<div class="label">{html.escape(label)}</div></div>'
        for label, v in tiles
    )
    return f'<div class="figures">{cells}</div>'


RUN_ROWS = {
    "run_id": "run",
    "status": "status",
    "started_at": "started",
    "finished_at": "finished",
    "raw_dir": "raw folder",
    "n_read": "inputs read",
    "n_new": "new or changed",
    "n_skipped": "unchanged, skipped",
    "articles_coded": "articles coded",
    "mentions_coded": "event mentions coded",
    "quarantined": "quarantined",
    "quarantine_stages": "quarantine stages",
    "mentions_per_article": "mentions per article",
    "confidence_q1": "confidence, lower quartile",
    "confidence_median": "confidence, median",
    "confidence_q3": "confidence, upper quartile",
    "share_undated": "share of mentions undated",
    "share_unlocated": "share of mentions without a place",
    "coder_version": "coder version",
    "model_version": "spaCy model",
}


def run_table_html(run: dict[str, object] | None) -> str:
    """The latest run's figures as a two-column table."""
    if run is None:
        return "<p>No refresh has been recorded.</p>"
    rows = "".join(
        f"<tr><th>{html.escape(label)}</th><td>{html.escape(format_figure(run.get(key)))}</td></tr>"
        for key, label in RUN_ROWS.items()
    )
    return f'<table class="run">{rows}</table>'


def small_table_html(rows: list[tuple[str, ...]], header: tuple[str, ...]) -> str:
    """A small HTML table, every cell escaped."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="run"><tr>{head}</tr>{body}</table>'


def merges_html(merges: pd.DataFrame | None, corrections: pd.DataFrame | None) -> str:
    """Why mentions were merged (event_merges by rule) and the analysts' corrections by kind and status."""
    parts = []
    if merges is None or merges.empty:
        parts.append("<p>No event merges two or more mentions.</p>")
    else:
        rows = [
            (r.rule, MERGE_RULE_MEANINGS.get(r.rule, ""), f"{r.events:,}", f"{r.mentions:,}")
            for r in merges.itertuples()
        ]
        parts.append(small_table_html(rows, ("rule", "meaning", "events", "mentions joined")))
    if corrections is None or corrections.empty:
        parts.append(
            '<p class="note">No analyst\'s correction is applied (corrections/corrections.jsonl).</p>'
        )
    else:
        rows = [(r.kind, r.status, f"{r.corrections:,}") for r in corrections.itertuples()]
        parts.append(small_table_html(rows, ("correction", "status", "count")))
    parts.append(
        '<p class="note">Each merged mention, its rule and evidence: table <code>event_merges</code> and '
        "view <code>event_sources</code>; corrections: table <code>corrections</code>.</p>"
    )
    return "\n".join(parts)


def geo_assets_script() -> str:
    """JavaScript that hands plotly.js the map outlines, so it never fetches them."""
    topojson = TOPOJSON_FILE.read_text(encoding="utf-8").replace("</", "<\\/")
    return f"window.PlotlyGeoAssets = {{topojson: {{{json.dumps(TOPOJSON_NAME)}: {topojson}}}}};"


def lead_text(data: ReportData, warehouse_name: str) -> str:
    """The line under the title: which warehouse, as of which refresh."""
    run = data.latest_run
    if run is None:
        return f"Warehouse {html.escape(warehouse_name)}: no refresh recorded yet."
    when = format_figure(run.get("finished_at") or run.get("started_at"))
    return (
        f"Warehouse {html.escape(warehouse_name)}, as of refresh {html.escape(str(run['run_id']))} ({when})."
    )


def count_of(n: int, noun: str) -> str:
    """'1 event', '2 events'."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def render_report(data: ReportData, warehouse_name: str) -> str:
    """The whole page: template filled with figures, plots, plotly.js and map outlines."""
    undated = data.overview.get("undated") or 0
    unplaced = data.overview.get("unplaced") or 0
    not_shown = f" {count_of(undated, 'undated event')} not shown." if undated else ""
    over_time_note = (
        '<p class="note">A week counts the events dated to the day or the week, a month also those dated '
        f"only to the month.{not_shown}</p>"
    )
    outliers = map_outliers(data.points)
    map_note = outliers_html(data.points, outliers) + (
        f'<p class="note">{count_of(unplaced, "event")} without coordinates not shown. Marker size grows '
        "with the number killed; events placed only at country level sit at the country's capital.</p>"
    )
    plots = {
        "events_over_time": figure_div(events_over_time_figure(data.over_time), PLOT_IDS[0]) + over_time_note,
        "event_map": figure_div(event_map_figure(data.points, outliers), PLOT_IDS[1]) + map_note,
        "top_actors": figure_div(top_actors_figure(data.actors), PLOT_IDS[2]),
        "fatalities": figure_div(fatalities_figure(data.fatalities), PLOT_IDS[3]),
        "latest_run": figure_div(latest_run_figure(data.latest_run), PLOT_IDS[4]),
    }
    template = Template(TEMPLATE_FILE.read_text(encoding="utf-8"))
    return template.substitute(
        title=html.escape(f"Event data report: {warehouse_name}"),
        lead=lead_text(data, warehouse_name),
        version=__version__,
        plotly_version=get_plotlyjs_version(),
        geo_assets=geo_assets_script(),
        plotly_js=get_plotlyjs(),
        overview=overview_html(data.overview),
        run_table=run_table_html(data.latest_run),
        sourcing_table=sourcing_table_html(data.sourcing),
        events_table=events_table_html(data.events_table),
        countries=countries_html(data.countries),
        table_events=TABLE_EVENTS,
        merges=merges_html(data.merges, data.corrections),
        **plots,
    )


def build_report(con: duckdb.DuckDBPyConnection, warehouse_name: str) -> str:
    """The report page of the warehouse behind a connection that has the views."""
    return render_report(read_report_data(con), warehouse_name)


def write_report(warehouse: Path, out: Path, event_filter: EventFilter | None = None) -> Path:
    """Read the warehouse (read-only) and write its report page to out; with a filter, of the events it
    keeps only (a filtered release's report)."""
    con = open_publish(warehouse)
    try:
        if event_filter is not None and not event_filter.is_empty():
            select_events(con, event_filter)
            scope_to_selection(con)
        page = build_report(con, Path(warehouse).name)
    finally:
        con.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return out
