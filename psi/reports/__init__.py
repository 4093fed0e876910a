"""Reports: a plain context per report, rendered by a Jinja template to Markdown, then PDF.

The follow-up, the decision draft and the meeting documents are built here; the
templates they use live in the top-level `templates/` folder, shipped in the wheel.
"""
