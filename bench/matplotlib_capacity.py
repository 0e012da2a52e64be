#!/usr/bin/python3
"""The capacity chart of `indtrack export --chart capacity`, made with matplotlib, for the
whole-process comparison in docs/performance.md (bench/compare-export).

Loads the same JSON, builds the same stacked step series of BDO capacity by company (a line counts
from its commissioning date, placed mid-interval for month- or year-only dates; actual steps after
the as-of date are ignored; expected steps stacked, hatched, above the actual ones; an expected
date already passed is drawn at the as-of date), the city's reference figures, the as-of line,
title, subtitle, legend and a sources footer, and saves a PNG of the same size (3200 x 1800).

Usage: /usr/bin/python3 bench/matplotlib_capacity.py DATA.json OUT.png [AS_OF] [--print-steps]
"""
import datetime as dt
import json
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.font_manager import FontProperties  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FONT = os.path.join(HERE, "..", "assets", "fonts", "NotoSansCJKsc-indtrack.otf")
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442", "#999999"]


def parse_date(text):
    """(first day, placement day, precision) of "2023", "2023-10" or "2023-10-24"."""
    parts = [int(p) for p in str(text).split("-")]
    if len(parts) == 1:
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 7, 2), "year"
    if len(parts) == 2:
        day = 15 if parts[1] == 2 else 16
        return dt.date(parts[0], parts[1], 1), dt.date(parts[0], parts[1], day), "month"
    d = dt.date(*parts)
    return d, d, "day"


def reported_on(item, sources):
    if "reported" in item:
        return parse_date(item["reported"])[1]
    src = sources.get(item.get("source"))
    return parse_date(src["date"])[1] if src else dt.date.min


def capacity_start(project, unit, sources, as_of):
    """(placement day, expected) from which the unit's capacity counts, or None."""
    for scope in (unit, project):
        known = [m for m in scope.get("milestones", [])
                 if m["kind"] == "commissioning" and reported_on(m, sources) <= as_of]
        # Happened: the event's date, or a report that it was operating by then (the earlier).
        happened = [parse_date(m["date"])[1] for m in known if not m.get("expected")]
        if scope is unit:
            happened += [reported_on(r, sources) for r in unit.get("status_reports", [])
                         if r["status"] == "operating" and reported_on(r, sources) <= as_of]
        happened = [d for d in happened if d <= as_of]
        if happened:
            return min(happened), False
        expected = sorted(((reported_on(m, sources), m) for m in known if m.get("expected")), key=lambda p: p[0])
        if expected:
            return max(parse_date(expected[-1][1]["date"])[1], as_of), True
    return None


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    data_path, out_path = args[0], args[1]
    as_of = parse_date(args[2])[1] if len(args) > 2 else dt.date.today()
    with open(data_path, encoding="utf-8") as f:
        data = json.load(f)
    sources = {s["id"]: s for s in data["sources"]}
    companies = {c["id"]: c for c in data["companies"]}
    colour_of = {c["id"]: PALETTE[i % len(PALETTE)] for i, c in enumerate(data["companies"])}

    # Steps per company, in first-seen order.
    series = {}
    cited = set()
    for project in data["projects"]:
        for unit in project.get("units", []):
            capacity = unit.get("capacity")
            if unit.get("product") != "BDO" or not capacity:
                continue
            start = capacity_start(project, unit, sources, as_of)
            if not start:
                continue
            company = project.get("company", "-")
            series.setdefault(company, []).append((start[0], float(capacity["value"]), start[1]))
            cited.add(capacity.get("source"))
            for m in unit.get("milestones", []) + project.get("milestones", []):
                cited.add(m.get("source"))
    if "--print-steps" in sys.argv:
        for company, steps in series.items():
            for day, value, expected in sorted(steps):
                print(company, day, value, "expected" if expected else "actual")

    days = sorted({d for steps in series.values() for d, _, _ in steps} | {as_of})
    first, last = days[0] - dt.timedelta(days=120), max(days[-1], as_of) + dt.timedelta(days=240)
    grid = [first] + days + [last]
    font = FontProperties(fname=FONT)
    fig, ax = plt.subplots(figsize=(16, 9), dpi=200)
    fig.subplots_adjust(left=0.05, right=0.98, top=0.86, bottom=0.12)
    below = [0.0] * len(grid)
    handles = []
    for expected in (False, True):  # every actual band first, then every expected band
        for company, steps in series.items():
            level = [sum(v for d, v, e in steps if e == expected and d <= g) for g in grid]
            if not any(level):
                continue
            top = [b + l for b, l in zip(below, level)]
            colour = colour_of.get(company, PALETTE[-1])
            band = ax.fill_between(grid, below, top, step="post", color=colour, alpha=0.45 if expected else 1.0,
                                   hatch="///" if expected else None, edgecolor=colour, linewidth=0)
            if not expected:
                band.set_label(companies.get(company, {}).get("short_name", company))
                handles.append(band)
            below = top
    for agg in data.get("aggregates", []):
        if agg.get("metric") != "capacity" or agg.get("product") != "BDO" or "period" not in agg:
            continue
        start, middle, _ = parse_date(agg["period"])
        end = dt.date(start.year + 1, 1, 1) if len(str(agg["period"])) == 4 else start + dt.timedelta(days=30)
        ax.hlines(agg["value"], start, end, colors="#222222", linestyles="dashed", linewidth=1.5)
        ax.plot([middle], [agg["value"]], marker="D", color="#222222", fillstyle="none" if agg.get("expected") else "full")
        ax.annotate(agg["label"], (middle, agg["value"]), textcoords="offset points", xytext=(6, 6), fontproperties=font)
    ax.axvline(as_of, color="#222222", linewidth=1.5)
    ax.annotate("截至 " + as_of.isoformat(), (as_of, ax.get_ylim()[1]), textcoords="offset points", xytext=(4, -14),
                fontproperties=font)
    ax.set_xlim(first, last)
    ax.set_ylim(bottom=0)
    ax.set_ylabel("万吨/年", fontproperties=font)
    ax.grid(True, color="#e6e6e6")
    fig.suptitle("BDO产能增长", x=0.01, y=0.97, ha="left", fontproperties=font, fontsize=18, fontweight="bold")
    fig.text(0.01, 0.915, "BDO · 截至 " + as_of.isoformat(), fontproperties=font, color="#555555")
    ax.legend(handles=handles, prop=font, loc="upper left", ncol=len(handles))
    footer = "数据来源：" + "；".join(sorted({sources[s]["publisher"] + " " + str(sources[s]["date"])
                                          for s in cited if s in sources}))
    fig.text(0.01, 0.02, footer, fontproperties=font, fontsize=8, color="#555555", wrap=True)
    fig.savefig(out_path, dpi=200)


if __name__ == "__main__":
    main()
