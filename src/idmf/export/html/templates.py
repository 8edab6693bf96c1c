"""The web pages' templates (Jinja2, autoescaped): one layout with the landmarks, the assessment body built
from html/model.py, and the easy-read body. Kept as strings so the installed app and its bundle carry them.

Accessibility by construction: lang="en-GB", a skip link, banner/navigation/main/contentinfo landmarks, one
h1, headings that never skip a level, tables with a caption and header cells (scope), ticks written as words
("☒ Yes", "Chosen:") with the symbol hidden from screen readers, and "Not answered" in words.
"""

from __future__ import annotations

LAYOUT = """<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="IDMF Desktop {{ app }}">
<title>{{ page_title }}</title>
<style>{{ css | safe }}</style>
</head>
<body class="{{ body_class }}">
<a class="skip-link" href="#main">Skip to main content</a>
<header class="masthead">
{% if organisation %}<p class="organisation">{{ organisation }}</p>{% endif %}
<p class="kicker">{{ kicker }}</p>
<h1>{{ title }}</h1>
<p class="status{{ ' status-draft' if draft else '' }}"><strong>Status:</strong> {{ status }}</p>
{% if withheld %}<p class="note">Staff names and contact details are withheld from this published copy.</p>{% endif %}
</header>
{% if contents %}<nav aria-labelledby="contents-heading">
<h2 id="contents-heading">Contents</h2>
<ol>{% for anchor, text in contents %}<li><a href="#{{ anchor }}">{{ text }}</a></li>{% endfor %}</ol>
</nav>{% endif %}
<main id="main" tabindex="-1">
{% block body %}{% endblock %}
</main>
<footer class="page-footer">
{% for line in footer %}<p>{{ line }}</p>
{% endfor %}</footer>
</body>
</html>
"""

MACROS = """{% macro heat(flag) %}{% if flag %}<span class="heat" aria-hidden="true"> *</span><span class="visually-hidden"> (a Health Equity Assessment Tool question)</span>{% endif %}{% endmacro %}
{% macro tick(checked, yes="Yes", no="No") %}<span class="box" aria-hidden="true">{{ "☒" if checked else "☐" }}</span> {{ yes if checked else no }}{% endmacro %}
{% macro paragraphs(items) %}{% for p in items %}{% if p == missing %}<p class="missing">{{ p }}</p>{% else %}<p class="answer">{{ p }}</p>{% endif %}
{% endfor %}{% endmacro %}
{% macro wrap_open(label) %}<div class="table-wrap" role="region" aria-label="Table: {{ label }}" tabindex="0">{% endmacro %}
{% macro head(columns) %}<thead><tr>{% for c in columns %}<th scope="col">{{ c }}</th>{% endfor %}</tr></thead>{% endmacro %}
{% macro block(b) %}
{% if b.kind == "text" %}<h{{ b.level }} class="question">{{ b.label }}{{ heat(b.heat) }}</h{{ b.level }}>
{{ paragraphs(b.paragraphs) }}
{% elif b.kind == "choices" %}<h{{ b.level }} class="question">{{ b.label }}{{ heat(b.heat) }}</h{{ b.level }}>
<ul class="choices">{% for label, chosen in b.rows %}<li{{ ' class="chosen"' | safe if chosen else '' }}>{{ tick(chosen, "Chosen:", "Not chosen:") }} {{ label }}</li>{% endfor %}</ul>
{{ paragraphs(b.paragraphs) }}
{% elif b.kind == "table" and not b.rows %}<h{{ b.level }} class="question">{{ b.label }}{{ heat(b.heat) }}</h{{ b.level }}>
{{ paragraphs(b.paragraphs) }}
{% else %}{{ wrap_open(b.label) }}<table class="{{ b.kind }}"><caption>{{ b.label }}{{ heat(b.heat) }}</caption>{{ head(b.columns) }}<tbody>
{% for row in b.rows %}{% if b.kind == "grid" %}<tr><th scope="row">{{ row[0] }}</th><td{{ ' class="missing"' | safe if row[1] == missing else '' }}>{{ row[1] }}</td></tr>
{% elif b.kind == "pairs" %}<tr><th scope="row">{{ row[0] }}</th><td>{{ paragraphs(row[1]) }}</td></tr>
{% elif b.kind == "yes_no" %}<tr><th scope="row">{{ row[0] }}{{ heat(row[1]) }}</th><td{{ ' class="missing"' | safe if row[2] == missing else '' }}>{{ row[2] }}</td></tr>
{% elif b.kind == "impacts" %}<tr><th scope="row">{{ row.label }}{% if row.description %}<span class="description">{{ row.description }}</span>{% endif %}</th>{% for name, ticked in row.ticks %}<td class="tick">{{ tick(ticked) }}</td>{% endfor %}<td>{% if not row.answered %}<p class="missing">{{ missing }} – no impact ticked</p>{% endif %}{{ paragraphs(row.paragraphs) }}</td></tr>
{% else %}<tr>{% for cell in row %}{% if loop.first %}<th scope="row">{{ cell }}</th>{% else %}<td>{{ cell }}</td>{% endif %}{% endfor %}</tr>
{% endif %}{% endfor %}</tbody></table></div>
{% endif %}{% endmacro %}
{% macro census(t) %}{% if t.deprivation %}{{ deprivation(t) }}{% else %}{{ wrap_open(t.title ~ " – " ~ t.area_name) }}<table class="census"><caption>{{ t.title }} ({{ t.table_code }}) – {{ t.area_name }}</caption>
{% set england = t.rows | selectattr("england_percent", "ne", none) | list %}
<thead><tr><th scope="col">Category</th><th scope="col">{{ t.area_name }}: count</th><th scope="col">{{ t.area_name }}: %</th>{% if england %}<th scope="col">England: %</th>{% endif %}</tr></thead>
<tbody><tr><th scope="row">Total: {{ t.universe }}</th><td class="number">{{ "{:,}".format(t.total) }}</td><td class="number">100.0</td>{% if england %}<td class="number">100.0</td>{% endif %}</tr>
{% for r in t.rows %}<tr><th scope="row">{{ r.category }}</th><td class="number">{{ "{:,}".format(r.count) }}</td><td class="number">{{ "%.1f" | format(r.percent) }}</td>{% if england %}<td class="number">{{ "" if r.england_percent is none else "%.1f" | format(r.england_percent) }}</td>{% endif %}</tr>
{% endfor %}</tbody></table></div>
{% if t.note %}<p class="small">{{ t.note }}</p>{% endif %}{% if t.caveat %}<p class="small">{{ t.caveat }}</p>{% endif %}
<p class="small"><strong>{{ source(t) }}</strong></p>{% endif %}{% endmacro %}
{% macro deprivation(t) %}{{ wrap_open(t.title ~ " – " ~ t.area_name) }}<table class="census"><caption>{{ t.title }} – {{ t.area_name }}</caption>
<thead><tr>{% for h in deprivation_headings %}<th scope="col">{{ h }}</th>{% endfor %}</tr></thead>
<tbody>{% for d in t.deprivation %}{% set c = d.cells() %}<tr><th scope="row">{{ c[0] }}</th>{% for v in c[1:] %}<td class="number">{{ v }}</td>{% endfor %}</tr>
{% endfor %}</tbody></table></div>
<p class="small">{{ deprivation_key }}</p><p class="small">{{ t.caveat }}</p>{% for n in t.notes %}<p class="small">{{ n }}</p>{% endfor %}
<p class="small"><strong>{{ t.source }}</strong></p>{% endmacro %}
"""

ASSESSMENT = """{% extends "layout.html" %}{% import "macros.html" as m with context %}{% block body %}
{% for part in parts %}<section aria-labelledby="{{ part.anchor }}">
<h2 id="{{ part.anchor }}">{{ part.title }}</h2>
{% for p in part.intro %}<p class="intro">{{ p }}</p>{% endfor %}
{% for b in part.blocks %}{{ m.block(b) }}{% endfor %}
{% for sub in part.parts %}<h3 id="{{ sub.anchor }}">{{ sub.title }}</h3>
{% for p in sub.intro %}<p class="intro">{{ p }}</p>{% endfor %}
{% for b in sub.blocks %}{{ m.block(b) }}{% endfor %}{% endfor %}
{% if part.census %}<h3>Census profile of the area</h3>{% for t in part.census %}{{ m.census(t) }}{% endfor %}{% endif %}
</section>
{% endfor %}
{% if closing %}<section aria-labelledby="what-next"><h2 id="what-next">{{ closing_title }}</h2>
<ol class="closing">{% for item in closing %}<li>{{ item }}</li>{% endfor %}</ol></section>{% endif %}
{% endblock %}"""

EASY_READ = """{% extends "layout.html" %}{% block body %}
{% for anchor, heading, items in parts %}<section aria-labelledby="{{ anchor }}">
<h2 id="{{ anchor }}">{{ heading }}</h2>
{% for kind, content in items %}{% if kind == "list" %}<ul>{% for line in content %}<li>{{ line }}</li>{% endfor %}</ul>
{% else %}<p>{{ content }}</p>
{% endif %}{% endfor %}</section>
{% endfor %}{% endblock %}"""

TEMPLATES = {"layout.html": LAYOUT, "macros.html": MACROS, "assessment.html": ASSESSMENT, "easy_read.html": EASY_READ}
